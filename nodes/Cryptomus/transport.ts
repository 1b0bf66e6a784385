/** HTTP plumbing for the Cryptomus action node: signed POSTs and Cryptomus error envelopes → NodeApiError. */
import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { isTimeout, jsonBody } from '../shared/httpErrors';

/** How long a Cryptomus API call may take: its calls answer in well under a second, a hung one fails the item. */
export const CRYPTOMUS_REQUEST_TIMEOUT_MS = 10_000;

interface CryptomusEnvelope {
	state?: number;
	result?: unknown;
	message?: string;
	errors?: Record<string, string[] | string>;
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

/** The answer as a Cryptomus envelope, or undefined when it is not a JSON object (a proxy's HTML page, text, …). */
function parseEnvelope(body: unknown): CryptomusEnvelope | undefined {
	const parsed = jsonBody(body);
	return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CryptomusEnvelope) : undefined;
}

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
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: CRYPTOMUS_REQUEST_TIMEOUT_MS,
	};
	if (options.qs) request.qs = options.qs;

	let response: { statusCode: number; body: unknown };
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, 'cryptomusApi', request)) as typeof response;
	} catch (error) {
		if (isTimeout(error)) {
			throw new NodeApiError(this.getNode(), { message: 'timeout' } as JsonObject, {
				message: `Cryptomus did not answer within ${CRYPTOMUS_REQUEST_TIMEOUT_MS / 1000} s`,
				description: `POST ${path} was abandoned; nothing is known about its outcome. Retry later.`,
				itemIndex,
			});
		}
		const code = (error as { code?: string }).code;
		throw new NodeApiError(this.getNode(), { code: code ?? 'unknown' } as JsonObject, {
			message: `Could not reach Cryptomus${code ? ` (${code})` : ''}`,
			description: `POST ${path} failed before Cryptomus answered (refused or unreachable). Check the Base URL in the Cryptomus credential and try again.`,
			itemIndex,
		});
	}

	const envelope = parseEnvelope(response.body);
	if (!envelope) {
		throw new NodeApiError(this.getNode(), { statusCode: response.statusCode } as JsonObject, {
			message: `Cryptomus answered HTTP ${response.statusCode} with a body that is not Cryptomus JSON`,
			description: `POST ${path}: an outage page or a proxy error, not a Cryptomus API answer. Check the Base URL in the Cryptomus credential, or try again if Cryptomus is down.`,
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	if (response.statusCode >= 400 || envelope.state !== 0) {
		const detail = describeCryptomusError(envelope);
		throw new NodeApiError(this.getNode(), envelope as JsonObject, {
			message: `Cryptomus rejected the request: ${detail}`,
			description:
				response.statusCode === 401
					? 'Check the Merchant ID and API keys in the Cryptomus credential.'
					: `HTTP ${response.statusCode} from ${path}`,
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	return envelope.result;
}
