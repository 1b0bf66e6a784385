/**
 * Rebuilding the URL a provider called, for schemes that sign it (CryptAPI GET, Crypto2B). Behind TLS termination
 * or a reverse proxy the request n8n sees is not that URL, so the public part comes from the node's production
 * webhook URL (n8n's `WEBHOOK_URL`) or a user override, and only the raw query string comes from the request.
 */

/** An absolute http(s) URL with a host (what a public-URL override must be when the full URL is signed). */
export const ABSOLUTE_HTTP_URL = /^https?:\/\/[^/?#\s]+[^\s]*$/i;

/**
 * The raw query string of a request line (`/path?a=1&b=%20` → `a=1&b=%20`), exactly as sent; `undefined` when the
 * line has no '?', and '' for a bare '?' (a different URL, byte for byte, from the one without it).
 */
export function rawQueryOf(requestUrl: string): string | undefined {
	const index = requestUrl.indexOf('?');
	return index === -1 ? undefined : requestUrl.slice(index + 1);
}

/** `base` (scheme + host + path, without a query) followed by `?rawQuery` when there is one (even an empty one). */
export function withRawQuery(base: string, rawQuery: string | undefined): string {
	const clean = base.replace(/\?.*$/, '');
	return rawQuery === undefined ? clean : `${clean}?${rawQuery}`;
}

/**
 * The URL a provider called, for a request whose line is `requestLine`: the user's `override` (kept whole when it has
 * a query, else followed by the request's raw query), else `webhookUrl` (the node's public URL) followed by the
 * request's raw query; `undefined` when neither is known.
 */
export function calledUrl(requestLine: string, webhookUrl: string | undefined, override = ''): string | undefined {
	const rawQuery = rawQueryOf(requestLine);
	const chosen = override.trim();
	if (chosen !== '') return chosen.includes('?') ? chosen : withRawQuery(chosen, rawQuery);
	return webhookUrl === undefined ? undefined : withRawQuery(webhookUrl, rawQuery);
}

/** Path + query of an absolute URL (`https://h/p?q` → `/p?q`), keeping the query's raw bytes. */
export function relativeUrlOf(absoluteUrl: string): string {
	const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(absoluteUrl);
	const rest = match ? match[1] : absoluteUrl;
	const withoutFragment = rest.replace(/#.*$/, '');
	return withoutFragment.startsWith('/') ? withoutFragment : `/${withoutFragment}`;
}

/**
 * The test URL (`…/webhook-test/<id>/<path>`) that belongs to a production URL (`…/webhook/<id>/<path>`), for
 * n8n 1.x, whose webhook functions only tell the production URL. n8n routes a test webhook at
 * `/<test endpoint>/<id>/<path>`: the path segments the request and the production URL end with in common are the
 * node's own, and the segment before them is the endpoint, replaced by the one the request came in on (so custom
 * `N8N_ENDPOINT_WEBHOOK_TEST` names and path prefixes in `WEBHOOK_URL` are kept). `undefined` when they share no
 * segment (not this node's URL).
 */
export function testUrlOf(productionUrl: string, requestLine: string): string | undefined {
	const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(productionUrl);
	if (!match) return undefined;
	const [, origin, productionPath] = match;
	const prod = productionPath.split('/');
	const req = requestLine.replace(/[?#].*$/, '').split('/');
	let shared = 0;
	while (shared < prod.length - 1 && shared < req.length - 1 && prod[prod.length - 1 - shared] === req[req.length - 1 - shared]) {
		shared++;
	}
	if (shared === 0 || prod.length - shared < 2 || req.length - shared < 2) return undefined;
	const endpoint = req[req.length - 1 - shared];
	const rebuilt = [...prod.slice(0, prod.length - 1 - shared), endpoint, ...prod.slice(prod.length - shared)];
	return `${origin}${rebuilt.join('/')}`;
}
