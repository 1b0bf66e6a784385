import { lastValuePerKey, type JsonNode } from './losslessJson';

/**
 * Re-encodes a lossless JSON tree the way JavaScript's `JSON.stringify(JSON.parse(text))` prints it, for providers
 * whose servers are written in JavaScript and sign `JSON.stringify(payload)`:
 *
 * 1. Compact output, no spaces.
 * 2. Strings are re-encoded from their decoded value (ECMAScript QuoteJSONString): `"` and `\` escaped, `\b \f \n
 *    \r \t` short escapes, other code units below U+0020 as `\u00XX` (lowercase hex), unpaired UTF-16 surrogates
 *    as `\uXXXX` (lowercase hex, "well-formed JSON.stringify", ES2019). Everything else stays raw: `/` is NOT
 *    escaped, non-ASCII (including U+2028 / U+2029 and U+007F) is raw UTF-8. A received `\u00e9` comes out as `é`.
 * 3. `{}` stays `{}`, arrays stay arrays (unlike PHP).
 * 4. A repeated key keeps its first position and takes the last value (what `JSON.parse` builds).
 * 5. Keys keep their received order. A JS object would move array-index keys (`"0"`, `"7"`) to the front; a body
 *    that a JS server produced with `JSON.stringify` already has them there, so the received order is the signed one.
 * 6. Number literals are copied verbatim. `JSON.stringify` only ever prints canonical numbers, so a genuine body's
 *    literals already are what it printed; re-printing through a JS number could only lose digits.
 */

const SHORT_ESCAPES: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
};

function escapeCodeUnit(c: string): string {
	return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A string literal as `JSON.stringify` prints it. One pass over the code units: runs that need no escape are copied
 * as slices (most strings are one run).
 */
export function encodeJsString(value: string): string {
	let out = '"';
	let runStart = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdfff) {
			const next = value.charCodeAt(i + 1);
			if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
				i++; // a valid pair stays raw
				continue;
			}
		} else if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
			continue;
		}
		out += value.slice(runStart, i) + escapeCodeUnit(value[i]);
		runStart = i + 1;
	}
	return `${out}${value.slice(runStart)}"`;
}

/** Encodes a lossless tree compactly, as `JSON.stringify` does (rules above). */
export function encodeJsJson(node: JsonNode): string {
	switch (node.type) {
		case 'object': {
			const members = lastValuePerKey(node.members);
			let out = '';
			for (let i = 0; i < members.length; i++) {
				out += `${i === 0 ? '' : ','}${encodeJsString(members[i].key)}:${encodeJsJson(members[i].value)}`;
			}
			return `{${out}}`;
		}
		case 'array': {
			let out = '';
			for (let i = 0; i < node.items.length; i++) out += (i === 0 ? '' : ',') + encodeJsJson(node.items[i]);
			return `[${out}]`;
		}
		case 'string':
			return encodeJsString(node.value);
		case 'number':
			return node.raw;
		case 'boolean':
			return node.value ? 'true' : 'false';
		case 'null':
			return 'null';
	}
}
