/**
 * Query strings built byte for byte, for APIs whose parameters are URLs themselves (CryptAPI's `callback`) or whose
 * answers depend on the exact text sent. Pure.
 *
 * Every name and value is percent-encoded as RFC 3986 asks: only the unreserved characters `A-Z a-z 0-9 - . _ ~`
 * stay as they are, everything else becomes `%XX` of its UTF-8 bytes, a space is `%20` (never `+`). Such a string
 * reads back unchanged with either decoder a server may use (RFC 3986 or form-urlencoded, where `+` would be a
 * space), and URL parsers on the way (axios, WHATWG `URL`) leave it as it is.
 */

/** One `name=value` pair, in the order it is sent. */
export type QueryPair = readonly [name: string, value: string];

/** `encodeURIComponent` plus the five characters it leaves alone although RFC 3986 reserves them: `! ' ( ) *`. */
export function encodeQueryComponent(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `a=1&b=x%20y`: the pairs in their order, each name and value encoded once. */
export function buildQuery(pairs: readonly QueryPair[]): string {
	return pairs.map(([name, value]) => `${encodeQueryComponent(name)}=${encodeQueryComponent(value)}`).join('&');
}

/**
 * `url` with `pairs` appended: after its own query (kept byte for byte) with `&`, or after a new `?`. A URL that
 * ends in `?` or `&` is continued without another separator.
 */
export function appendQuery(url: string, pairs: readonly QueryPair[]): string {
	if (pairs.length === 0) return url;
	const separator = !url.includes('?') ? '?' : /[?&]$/.test(url) ? '' : '&';
	return `${url}${separator}${buildQuery(pairs)}`;
}
