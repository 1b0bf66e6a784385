/**
 * The bytes NOWPayments signs, rebuilt from a received IPN body.
 *
 * NOWPayments' server signs `JSON.stringify(sortObjectDeep(payload))` and sends exactly that text as the body (see
 * docs/providers/nowpayments.md: two genuine production IPNs, their bodies and their signatures, and NOWPayments'
 * Node SDK). A verifier therefore does what NOWPayments' own SDK does with the body it received: JSON.parse it, sort
 * the keys at every depth, JSON.stringify the result. This module does that on the lossless tree, with JavaScript's
 * semantics to the letter, so that the text is the signer's exactly:
 *
 * 1. Objects: one member per key with the last value (`JSON.parse`); keys in the order `JSON.stringify` prints an
 *    object built by inserting them sorted: array-index keys (`"0"` … `"4294967294"`) first in numeric order, then
 *    the other keys by UTF-16 code units (`Array.prototype.sort`).
 * 2. Numbers: as `JSON.stringify(JSON.parse(text))` prints them — the shortest text of the double the literal reads
 *    as (`1.0` → `1`, `1e2` → `100`, `100.50` → `100.5`, `0.0000001` → `1e-7`, integers past 2^53 rounded);
 *    a literal too large for a double (`1e400`) prints `null`.
 * 3. Strings: re-encoded as `JSON.stringify` does (non-ASCII and `/` raw; see ../shared/jsJson.ts).
 * 4. Arrays: kept as arrays with each element sorted (`sortedDeep`: NOWPayments' SDK), or turned into objects with
 *    index keys (`listsAsObjects`: what the documentation's Node sample `sortObject` does to a list).
 *
 * A key JavaScript's sort would drop (`__proto__`: assigning it sets a prototype) stays in the text: NOWPayments never
 * signs one, so a body that carries one cannot verify (fail closed) instead of verifying without it.
 *
 * Pure: imports only the package's own pure helpers.
 */
import { encodeJsJson } from '../shared/jsJson';
import { lastValuePerKey, type JsonMember, type JsonNode } from '../shared/losslessJson';

/** How a list is printed in the signed text (see 4. above). */
export type ListForm = 'sortedDeep' | 'listsAsObjects';

const MAX_ARRAY_INDEX = 4294967294;

/** ECMAScript's array index: the canonical decimal text of an integer from 0 to 2^32 − 2. */
function isArrayIndex(key: string): boolean {
	return /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) <= MAX_ARRAY_INDEX;
}

/** UTF-16 code-unit order, as `Array.prototype.sort()` without a comparator orders strings. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keys in the order `JSON.stringify` prints an object whose properties were created in sorted order. */
export function jsSortedKeys(keys: readonly string[]): string[] {
	const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
	const names = keys.filter((key) => !isArrayIndex(key)).sort(byCodeUnits);
	return [...indices, ...names];
}

/** `JSON.stringify(JSON.parse(raw))` for a number literal: the double's shortest text, or `null` when not finite. */
export function jsNumberNode(raw: string): JsonNode {
	const value = Number(raw);
	return Number.isFinite(value) ? { type: 'number', raw: String(value) } : { type: 'null' };
}

const member = (key: string, value: JsonNode): JsonMember => ({ key, value, start: -1, end: -1 });

/** The value as the signer prints it: keys sorted at every depth, numbers re-printed, lists per `lists`. */
export function sortedValue(node: JsonNode, lists: ListForm): JsonNode {
	switch (node.type) {
		case 'object': {
			const byKey = new Map(lastValuePerKey(node.members).map(({ key, value }) => [key, value]));
			const members = jsSortedKeys([...byKey.keys()]).map((key) => member(key, sortedValue(byKey.get(key) as JsonNode, lists)));
			return { type: 'object', members };
		}
		case 'array': {
			const items = node.items.map((item) => sortedValue(item, lists));
			if (lists === 'sortedDeep') return { type: 'array', items };
			return { type: 'object', members: items.map((item, index) => member(String(index), item)) };
		}
		case 'number':
			return jsNumberNode(node.raw);
		default:
			return node;
	}
}

/** The text NOWPayments signs for a body whose parsed root is `root` (an object), with lists printed per `lists`. */
export function sortedJsonText(root: JsonNode, lists: ListForm = 'sortedDeep'): string {
	return encodeJsJson(sortedValue(root, lists));
}
