/** HTTP plumbing for the Cryptomus action node: signed POSTs, and Cryptomus's error envelopes (nodes/shared/apiRequest.ts). */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { apiRequest, type ApiDialect } from '../shared/apiRequest';

/** How long a Cryptomus API call may take: its calls answer in well under a second, a hung one fails the item. */
export const CRYPTOMUS_REQUEST_TIMEOUT_MS = 10_000;

interface CryptomusEnvelope {
	state?: unknown;
	result?: unknown;
	message?: unknown;
	errors?: unknown;
}

/** "field: reason; field: reason" from a Cryptomus `errors` object, or its `message`. */
export function describeCryptomusError(envelope: CryptomusEnvelope): string {
	if (envelope.errors && typeof envelope.errors === 'object') {
		const parts = Object.entries(envelope.errors).map(
			([field, reasons]) => `${field}: ${Array.isArray(reasons) ? reasons.join(', ') : String(reasons)}`,
		);
		if (parts.length > 0) return parts.join('; ');
	}
	return typeof envelope.message === 'string' && envelope.message !== '' ? envelope.message : 'unknown error';
}

/** Cryptomus answers `{"state":0,"result":…}`; anything else (also with HTTP 200) is an error. */
const CRYPTOMUS: ApiDialect = {
	provider: 'Cryptomus',
	timeoutMs: CRYPTOMUS_REQUEST_TIMEOUT_MS,
	baseUrlHint: 'the Base URL in the Cryptomus credential',
	errorOf: (envelope: CryptomusEnvelope, statusCode) =>
		statusCode >= 400 || envelope.state !== 0 ? describeCryptomusError(envelope) : undefined,
	errorHint: (statusCode) =>
		statusCode === 401 ? 'Check the Merchant ID and API keys in the Cryptomus credential.' : undefined,
};

export interface CryptomusRequestOptions {
	/** Query parameters (not signed: Cryptomus signs the body only), e.g. the list's `cursor`. */
	qs?: IDataObject;
}

/**
 * POSTs `body` to `path` with the `cryptomusApi` credential (its `authenticate` signs the exact bytes) and returns
 * `result`. An empty body is sent (and signed) as the empty string. Any HTTP error, `state != 0` (Cryptomus also
 * reports errors with HTTP 200), an unreachable or silent server becomes a NodeApiError naming the rejected fields.
 */
export async function cryptomusRequest(
	this: IExecuteFunctions,
	path: string,
	body: IDataObject | undefined,
	itemIndex: number,
	options: CryptomusRequestOptions = {},
): Promise<unknown> {
	const credentials = await this.getCredentials('cryptomusApi', itemIndex);
	const baseUrl = String(credentials.baseUrl || 'https://api.cryptomus.com').replace(/\/+$/, '');
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: `${baseUrl}${path}`,
		body: body && Object.keys(body).length > 0 ? body : undefined,
	};
	if (options.qs) request.qs = options.qs;
	const envelope = await apiRequest.call(this, CRYPTOMUS, { label: `POST ${path}`, request, credentialType: 'cryptomusApi' }, itemIndex);
	return (envelope as CryptomusEnvelope).result;
}
