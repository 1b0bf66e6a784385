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

/**
 * A string literal as PHP's `json_encode(…, JSON_UNESCAPED_UNICODE)` prints it. One pass over the code units: runs
 * that need no escape are copied as slices (most strings are one run).
 */
export function encodePhpString(value: string): string {
	let out = '"';
	let runStart = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdfff) {
			const next = value.charCodeAt(i + 1);
			if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) throw new PhpJsonError('string with an unpaired UTF-16 surrogate');
			i++; // a valid pair stays raw
			continue;
		}
		if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x2f && c !== 0x2028 && c !== 0x2029) continue;
		out += value.slice(runStart, i) + escapeChar(value[i]);
		runStart = i + 1;
	}
	return `${out}${value.slice(runStart)}"`;
}

function isPhpList(members: ReadonlyArray<{ key: string }>): boolean {
	for (let i = 0; i < members.length; i++) if (members[i].key !== String(i)) return false;
	return true;
}

/** Encodes a lossless tree as PHP does (rules above). */
export function encodePhpJson(node: JsonNode): string {
	switch (node.type) {
		case 'object': {
			const members = lastValuePerKey(node.members);
			if (members.length === 0) return '[]';
			let out = '';
			if (isPhpList(members)) {
				for (let i = 0; i < members.length; i++) out += (i === 0 ? '' : ',') + encodePhpJson(members[i].value);
				return `[${out}]`;
			}
			for (let i = 0; i < members.length; i++) {
				out += `${i === 0 ? '' : ','}${encodePhpString(members[i].key)}:${encodePhpJson(members[i].value)}`;
			}
			return `{${out}}`;
		}
		case 'array': {
			let out = '';
			for (let i = 0; i < node.items.length; i++) out += (i === 0 ? '' : ',') + encodePhpJson(node.items[i]);
			return `[${out}]`;
		}
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
