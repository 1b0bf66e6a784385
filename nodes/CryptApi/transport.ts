/**
 * HTTP plumbing for the CryptAPI action node. CryptAPI's API has no account and no key: every call is
 * `GET {base}/{ticker}/{endpoint}/?{query}` (or `GET {base}/{endpoint}/`), as the official SDK `@cryptapi/api` sends
 * it. Errors are `{"status":"error","error":"<message>"}` with HTTP 4xx (docs.cryptapi.io/get-started/error-handling);
 * the shared transport (nodes/shared/apiRequest.ts) turns them into node errors naming CryptAPI's message.
 *
 * The query string is built here byte for byte (nodes/shared/query.ts) and sent as part of the URL, not through
 * n8n's `qs` option, so what CryptAPI receives is exactly what the unit tests check.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, type ApiDialect } from '../shared/apiRequest';
import { fail, text } from '../shared/params';
import { buildQuery, type QueryPair } from '../shared/query';
import { MAX_REQUEST_LENGTH } from './validate';

export const CRYPTAPI_BASE_URL = 'https://api.cryptapi.io';
/** CryptAPI's WooCommerce plugin gives each call 30 s. */
export const CRYPTAPI_REQUEST_TIMEOUT_MS = 30_000;

const CRYPTAPI: ApiDialect = {
	provider: 'CryptAPI',
	timeoutMs: CRYPTAPI_REQUEST_TIMEOUT_MS,
	baseUrlHint: 'the Base URL option of the CryptAPI node',
	errorOf: (answer) => (answer.status === 'error' ? text(answer.error) || 'unknown error' : undefined),
};

const BASE_URL = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/i;

/** The node's Base URL option (a proxy, or a fake API in tests), without a trailing slash. */
export function cryptApiBaseUrl(this: IExecuteFunctions, itemIndex: number): string {
	const options = this.getNodeParameter('options', itemIndex, {}) as { baseUrl?: unknown };
	const base = text(options.baseUrl) || CRYPTAPI_BASE_URL;
	if (!BASE_URL.test(base)) fail('Base URL', 'must be an http(s) URL such as https://api.cryptapi.io');
	return base.replace(/\/+$/, '');
}

/**
 * `GET {base}/{ticker}/{endpoint}/?{query}` (no ticker: `{base}/{endpoint}/`) and CryptAPI's JSON answer. A request
 * longer than CryptAPI's 8192 characters is refused before it is sent.
 */
export async function cryptApiRequest(
	this: IExecuteFunctions,
	ticker: string | undefined,
	endpoint: string,
	query: readonly QueryPair[],
	itemIndex: number,
): Promise<IDataObject> {
	const path = ticker ? `/${ticker}/${endpoint}/` : `/${endpoint}/`;
	const qs = buildQuery(query);
	const url = `${cryptApiBaseUrl.call(this, itemIndex)}${path}${qs ? `?${qs}` : ''}`;
	if (url.length > MAX_REQUEST_LENGTH) {
		fail('Callback URL', `the request would be ${url.length} characters long; CryptAPI accepts at most ${MAX_REQUEST_LENGTH}`);
	}
	return await apiRequest.call(this, CRYPTAPI, { label: `GET ${path}`, request: { method: 'GET', url } }, itemIndex);
}
