/**
 * Rebuilding the URL a provider called, for schemes that sign it (CryptAPI GET, Crypto2B). Behind TLS termination
 * or a reverse proxy the request n8n sees is not that URL, so the public part comes from the node's production
 * webhook URL (n8n's `WEBHOOK_URL`) or a user override, and only the raw query string comes from the request.
 */

/** The raw query string of a request line (`/path?a=1&b=%20` → `a=1&b=%20`), exactly as sent; '' when absent. */
export function rawQueryOf(requestUrl: string): string {
	const index = requestUrl.indexOf('?');
	return index === -1 ? '' : requestUrl.slice(index + 1);
}

/** `base` (scheme + host + path, without a query) followed by `?rawQuery` when there is one. */
export function withRawQuery(base: string, rawQuery: string): string {
	const clean = base.replace(/\?.*$/, '');
	return rawQuery === '' ? clean : `${clean}?${rawQuery}`;
}

/** Path + query of an absolute URL (`https://h/p?q` → `/p?q`), keeping the query's raw bytes. */
export function relativeUrlOf(absoluteUrl: string): string {
	const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(absoluteUrl);
	const rest = match ? match[1] : absoluteUrl;
	const withoutFragment = rest.replace(/#.*$/, '');
	return withoutFragment.startsWith('/') ? withoutFragment : `/${withoutFragment}`;
}
