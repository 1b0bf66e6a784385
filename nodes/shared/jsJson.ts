import { encodeCompactJson, encodeCompactString, escapeTable, escapeUnit, type CompactJsonDialect } from './compactJson';
import type { JsonNode } from './losslessJson';

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

const JS: CompactJsonDialect = {
	escaped: escapeTable([]),
	loneSurrogate: escapeUnit,
};

/** A string literal as `JSON.stringify` prints it. */
export function encodeJsString(value: string): string {
	return encodeCompactString(value, JS);
}

/** Encodes a lossless tree compactly, as `JSON.stringify` does (rules above). */
export function encodeJsJson(node: JsonNode): string {
	return encodeCompactJson(node, JS);
}
