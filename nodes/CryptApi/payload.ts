/**
 * CryptAPI callback payloads (GET query, POST form, POST JSON) and their mapping to the normalized item.
 * Sources: docs.cryptapi.io webhooks + custom-payment-flow-webhooks, cryptapi/woocommerce-cryptapi.
 *
 * Form and query values are all strings; they are read into the same lossless tree as JSON bodies (string members)
 * so that one code path reads every mode, and JSON numbers keep their literal text (`0.05`, `1000.50`).
 */
import {
	attempt,
	JsonFormatError,
	parseJsonLossless,
	textAt,
	toPlain,
	tryDecodeUtf8,
	type JsonNode,
	type JsonObjectNode,
} from '../shared/losslessJson';
import { formToTree } from '../shared/form';
import { dedupeKey, integerOrNull, type NormalizedFields, type State } from '../shared/types';

export const CRYPTAPI_EVENTS = ['pending', 'confirmed'] as const;
export type CryptApiEvent = (typeof CRYPTAPI_EVENTS)[number] | 'unknown';

export type CryptApiDelivery = 'get' | 'post-form' | 'post-json';

/** Field names CryptAPI sends; in GET mode every other query parameter is the merchant's own. */
export const CRYPTAPI_FIELDS: ReadonlySet<string> = new Set([
	'uuid',
	'address_in',
	'address_out',
	'txid_in',
	'txid_out',
	'confirmations',
	'value',
	'value_coin',
	'value_forwarded',
	'value_forwarded_coin',
	'fee',
	'fee_coin',
	'coin',
	'price',
	'pending',
	'result',
]);

/** `value_coin_convert`, `value_forwarded_coin_convert`, …: JSON objects sent as strings. */
const CONVERT_FIELD = /^value(?:_[a-z0-9]+)*_convert$/;

/** The custom parameter that becomes `orderId` (only when the signature covers it, i.e. in GET mode). */
export const ORDER_ID_PARAM = 'order_id';

export function isCryptApiField(key: string): boolean {
	return CRYPTAPI_FIELDS.has(key) || CONVERT_FIELD.test(key);
}

/**
 * Reads a verified POST body: JSON when it starts with `{` (or `[`), else form. `undefined` when it is neither a JSON
 * object nor UTF-8 text.
 */
export function parseCryptApiBody(rawBody: Uint8Array): { tree: JsonObjectNode; delivery: CryptApiDelivery } | undefined {
	const text = tryDecodeUtf8(rawBody);
	if (text === undefined) return undefined;
	if (!/^\s*[{[]/.test(text)) return { tree: formToTree(text), delivery: 'post-form' };
	const parsed = attempt(() => parseJsonLossless(text));
	if (parsed instanceof JsonFormatError || parsed.root.type !== 'object') return undefined;
	return { tree: parsed.root, delivery: 'post-json' };
}

/** A JSON object carried in a string (`value_coin_convert`, a split `address_out`); `undefined` if it is not one. */
function jsonObjectInString(node: JsonNode): JsonNode | undefined {
	if (node.type !== 'string' || !node.value.trimStart().startsWith('{')) return undefined;
	const parsed = attempt(() => parseJsonLossless(node.value));
	return parsed instanceof JsonFormatError || parsed.root.type !== 'object' ? undefined : parsed.root;
}

/** The tree with `value_*_convert` and split-payment `address_out` strings decoded; undecodable ones stay as sent. */
export function decodeJsonStrings(tree: JsonObjectNode): JsonObjectNode {
	return {
		type: 'object',
		members: tree.members.map((member) => {
			if (member.key !== 'address_out' && !CONVERT_FIELD.test(member.key)) return member;
			const decoded = jsonObjectInString(member.value);
			return decoded ? { ...member, value: decoded } : member;
		}),
	};
}

/** The merchant's own parameters: string values, the last one wins for a repeated name (as PHP and `toPlain`). */
export function customParamsOf(tree: JsonObjectNode, keep: (key: string) => boolean): Record<string, string> {
	const out: Record<string, string> = {};
	for (const { key, value } of tree.members) {
		if (!keep(key) || value.type !== 'string') continue;
		Object.defineProperty(out, key, { value: value.value, enumerable: true, writable: true, configurable: true });
	}
	return out;
}

/** `pending=1` → seen in the mempool; `pending=0` → confirmed and forwarded. Anything else is `unknown`. */
export function cryptApiEvent(pendingText: string | undefined): CryptApiEvent {
	if (pendingText === '1') return 'pending';
	if (pendingText === '0') return 'confirmed';
	return 'unknown';
}

const EVENT_STATES: Record<CryptApiEvent, State> = { pending: 'pending', confirmed: 'completed', unknown: 'unknown' };

/** A verified callback, read: what the signature covers, and the merchant's own parameters. */
export interface CryptApiCallback {
	delivery: CryptApiDelivery;
	/** GET: the whole query; POST: the body. Everything here is covered by the signature. */
	fieldsTree: JsonObjectNode;
	customParams: Record<string, string>;
	/** GET: the query, custom parameters included, is signed. POST: only the body is, the query is not. */
	customParamsSigned: boolean;
}

/**
 * Reads a verified callback. GET: CryptAPI's fields and the merchant's parameters share the (signed) query; the
 * merchant's are the names CryptAPI does not use. POST: CryptAPI's fields come only from the body, and every query
 * parameter is the merchant's (unsigned). `undefined` when a POST body is neither form text nor a JSON object.
 */
export function readCryptApiCallback(method: 'GET' | 'POST', rawQuery: string, rawBody: Uint8Array): CryptApiCallback | undefined {
	const queryTree = formToTree(rawQuery);
	if (method === 'GET') {
		return {
			delivery: 'get',
			fieldsTree: queryTree,
			customParams: customParamsOf(queryTree, (key) => !isCryptApiField(key)),
			customParamsSigned: true,
		};
	}
	const body = parseCryptApiBody(rawBody);
	if (!body) return undefined;
	return {
		delivery: body.delivery,
		fieldsTree: body.tree,
		customParams: customParamsOf(queryTree, () => true),
		customParamsSigned: false,
	};
}

/**
 * Maps a verified callback to the normalized fields: `event`/`status` `pending` | `confirmed` from `pending`,
 * `amount` = `value_coin` as sent, `currency` = CryptAPI's ticker (`trc20_usdt`) and `network` its prefix, `txHash` =
 * `txid_in`, `orderId` = the `order_id` parameter only when the signature covers it (GET). `payload` is the signed
 * part, parsed, with JSON-in-string fields decoded. `undefined` when `uuid` is missing (not a CryptAPI callback).
 */
export function normalizeCryptApi(callback: CryptApiCallback): NormalizedFields | undefined {
	const { fieldsTree, customParams, customParamsSigned } = callback;
	const uuid = textAt(fieldsTree, 'uuid');
	if (uuid === undefined || uuid === '') return undefined;
	const pending = textAt(fieldsTree, 'pending');
	const event = cryptApiEvent(pending);
	const state = EVENT_STATES[event];
	const coin = textAt(fieldsTree, 'coin') ?? null;
	const underscore = coin?.indexOf('_') ?? -1;
	const orderId = customParamsSigned ? customParams[ORDER_ID_PARAM] : undefined;
	return {
		provider: 'cryptapi',
		event,
		status: event,
		state,
		isFinal: state === 'completed',
		id: uuid,
		orderId: orderId ?? null,
		amount: textAt(fieldsTree, 'value_coin') ?? null,
		currency: coin,
		network: coin !== null && underscore > 0 ? coin.slice(0, underscore) : null,
		txHash: textAt(fieldsTree, 'txid_in') ?? null,
		confirmations: integerOrNull(textAt(fieldsTree, 'confirmations')),
		dedupeKey: dedupeKey(uuid, pending),
		payload: toPlain(decodeJsonStrings(fieldsTree)),
	};
}
