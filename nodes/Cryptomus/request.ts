/** Signing of outgoing Cryptomus API requests (shared by the credential's `authenticate` and the tests). */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { signCryptomus } from './signature';

/** The Cryptomus endpoints signed with the payout key. */
export const CRYPTOMUS_PAYOUT_PATHS = /^\/?v1\/payout/;

/**
 * Endpoints matching `payoutPaths` (a provider of the scheme lists its own) are signed with the payout key;
 * everything else with the payment key.
 */
export function cryptomusKeyFor(
	url: string,
	credentials: ICredentialDataDecryptedObject,
	payoutPaths: RegExp = CRYPTOMUS_PAYOUT_PATHS,
): string {
	const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
	const field = payoutPaths.test(path) ? 'payoutApiKey' : 'paymentApiKey';
	return String(credentials[field] ?? '');
}

/**
 * Serializes the body once, signs exactly those bytes and sends exactly them (a copy that differs from the signed
 * text, e.g. by slash escaping, is the classic `Invalid Sign`). An empty body signs the empty string.
 */
export function signedCryptomusRequest(
	requestOptions: IHttpRequestOptions,
	merchantId: string,
	apiKey: string,
): IHttpRequestOptions {
	const { body } = requestOptions;
	const text =
		body === undefined || body === null || body === ''
			? ''
			: typeof body === 'string'
				? body
				: JSON.stringify(body);
	return {
		...requestOptions,
		body: text,
		headers: {
			...requestOptions.headers,
			'Content-Type': 'application/json',
			merchant: merchantId,
			sign: apiKey === '' ? '' : signCryptomus(text, apiKey),
		},
	};
}
