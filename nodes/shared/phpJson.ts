import { JsonFormatError, lastValuePerKey, type JsonNode } from './losslessJson';

/**
 * Re-encodes a lossless JSON tree exactly as PHP's `json_encode($value, JSON_UNESCAPED_UNICODE)` prints what
 * `json_decode($text, true)` read (the way Cryptomus signs its webhooks):
 *
 * 1. `/` is escaped as `\/`.
 * 2. Non-ASCII stays raw UTF-8, except U+2028 / U+2029, which are escaped as `\u2028` / `\u2029`.
 * 3. Control characters: `\b \f \n \r \t`, the others `\u00XX` with lowercase hex; `"` and `\` escaped as usual.
 * 4. Strings are re-encoded from their decoded value, so a received `\u00e9` comes out as a raw `é`.
 * 5. Objects decode to PHP arrays: an empty object prints as `[]`, and an object whose keys are exactly
 *    `"0"`, `"1"`, … `"n-1"` in that order is a PHP list and prints as a JSON array.
 * 6. Keys keep their received order (including integer-like keys).
 * 7. Compact output, no spaces.
 * 8. Number literals are copied verbatim (Cryptomus sends amounts as strings; see `providers/cryptomus.md`).
 *
 * A string holding an unpaired UTF-16 surrogate (from a `\ud800` escape) makes PHP's `json_decode` fail, so no
 * genuine signature can exist for it: `encodePhpJson` throws `PhpJsonError` and callers treat that as a bad body.
 */
export class PhpJsonError extends JsonFormatError {
	constructor(message: string) {
		super(message);
		this.name = 'PhpJsonError';
	}
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\/\u0000-\u001f\u2028\u2029]/g;
const SHORT_ESCAPES: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'/': '\\/',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

function escapeChar(c: string): string {
	return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A string literal as PHP's `json_encode(…, JSON_UNESCAPED_UNICODE)` prints it. */
export function encodePhpString(value: string): string {
	if (LONE_SURROGATE.test(value)) throw new PhpJsonError('string with an unpaired UTF-16 surrogate');
	return `"${value.replace(NEEDS_ESCAPE, escapeChar)}"`;
}

function isPhpList(keys: string[]): boolean {
	return keys.every((key, index) => key === String(index));
}

/** Encodes a lossless tree as PHP does (rules above). */
export function encodePhpJson(node: JsonNode): string {
	switch (node.type) {
		case 'object': {
			const members = lastValuePerKey(node.members);
			if (members.length === 0) return '[]';
			if (isPhpList(members.map((m) => m.key))) return `[${members.map((m) => encodePhpJson(m.value)).join(',')}]`;
			return `{${members.map((m) => `${encodePhpString(m.key)}:${encodePhpJson(m.value)}`).join(',')}}`;
		}
		case 'array':
			return `[${node.items.map(encodePhpJson).join(',')}]`;
		case 'string':
			return encodePhpString(node.value);
		case 'number':
			return node.raw;
		case 'boolean':
			return node.value ? 'true' : 'false';
		case 'null':
			return 'null';
	}
}
