/** HTTP plumbing for the Cryptomus action node: signed POSTs and Cryptomus error envelopes → NodeApiError. */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

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

function parseEnvelope(body: unknown): CryptomusEnvelope {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as CryptomusEnvelope;
		} catch {
			return { message: body.slice(0, 200) };
		}
	}
	return (body ?? {}) as CryptomusEnvelope;
}

/**
 * POSTs `body` to `path` with the `cryptomusApi` credential (its `authenticate` signs the exact bytes) and returns
 * `result`. Any HTTP error or `state != 0` (Cryptomus also reports errors with HTTP 200) becomes a NodeApiError
 * naming the rejected fields.
 */
export async function cryptomusRequest(
	this: IExecuteFunctions,
	path: string,
	body: IDataObject,
	itemIndex: number,
): Promise<unknown> {
	const credentials = await this.getCredentials('cryptomusApi', itemIndex);
	const baseUrl = String(credentials.baseUrl || 'https://api.cryptomus.com').replace(/\/+$/, '');
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'cryptomusApi', {
		method: 'POST',
		url: `${baseUrl}${path}`,
		body,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: unknown };

	const envelope = parseEnvelope(response.body);
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
