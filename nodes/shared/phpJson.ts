import { encodeCompactJson, encodeCompactString, escapeTable, type CompactJsonDialect } from './compactJson';
import { JsonFormatError, type JsonNode } from './losslessJson';

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

function isPhpList(members: ReadonlyArray<{ key: string }>): boolean {
	for (let i = 0; i < members.length; i++) if (members[i].key !== String(i)) return false;
	return true;
}

const PHP: CompactJsonDialect = {
	escaped: escapeTable([0x2f, 0x2028, 0x2029]),
	loneSurrogate() {
		throw new PhpJsonError('string with an unpaired UTF-16 surrogate');
	},
	object(members, encode) {
		if (members.length === 0) return '[]';
		if (!isPhpList(members)) return undefined;
		let out = '';
		for (let i = 0; i < members.length; i++) out += (i === 0 ? '' : ',') + encode(members[i].value);
		return `[${out}]`;
	},
};

/** A string literal as PHP's `json_encode(…, JSON_UNESCAPED_UNICODE)` prints it. */
export function encodePhpString(value: string): string {
	return encodeCompactString(value, PHP);
}

/** Encodes a lossless tree as PHP does (rules above). */
export function encodePhpJson(node: JsonNode): string {
	return encodeCompactJson(node, PHP);
}
