/**
 * `application/x-www-form-urlencoded` texts (a POST body or a query string) read into the same lossless tree as
 * JSON bodies: an object of string members in the order sent (repeated keys kept), so one code path reads both.
 * Pure: no imports beyond the package's own tree type.
 */
import type { JsonMember, JsonObjectNode } from './losslessJson';

function stringMember(key: string, value: string): JsonMember {
	return { key, value: { type: 'string', value }, start: 0, end: 0 };
}

/** A form text as an object of string members, in order (`+` is a space, `%XX` decoded as UTF-8, as browsers do). */
export function formToTree(text: string): JsonObjectNode {
	return { type: 'object', members: [...new URLSearchParams(text)].map(([key, value]) => stringMember(key, value)) };
}
