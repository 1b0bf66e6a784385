/**
 * The HTTP plumbing every action node shares: send one request through n8n's request helper (with the node's
 * credential, or without one for key-less APIs such as CryptAPI's), and turn what can go wrong into a NodeApiError
 * that says what happened — the API did not answer in time, could not be reached, answered something that is not its
 * JSON (an outage page, a proxy), or rejected the request (the provider's own message). What an error answer looks
 * like is the provider's business (`ApiDialect.errorOf`); everything else is the same for every provider.
 *
 * Answers are read as bytes and parsed with the lossless JSON reader (`toPlain`): an amount such as
 * `1.844926267290333679` that a JS number cannot hold keeps its digits (as text) instead of being rounded.
 */
import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { JsonFormatError, attempt, parseJsonLossless, toPlain, tryDecodeUtf8 } from './losslessJson';

/** How one provider's API answers. */
export interface ApiDialect {
	/** The provider's name as messages show it: "Cryptomus", "CryptAPI". */
	provider: string;
	/** How long a call may take before the item fails (ms). */
	timeoutMs: number;
	/** Where the user changes the API's address: "the Base URL in the Cryptomus credential". */
	baseUrlHint: string;
	/** The provider's error message when the answer is an error, `undefined` when it is a success. */
	errorOf(answer: IDataObject, statusCode: number): string | undefined;
	/** What to check for a rejected request, e.g. the credential's keys on HTTP 401; default `HTTP <status> from <label>`. */
	errorHint?(statusCode: number, label: string): string | undefined;
}

export interface ApiCall {
	/** `GET /btc/create/`, `POST /v1/payment`: names the call in error descriptions (no query, no secrets). */
	label: string;
	request: IHttpRequestOptions;
	/** The node's credential type; none for key-less APIs (n8n's plain `httpRequest` is used). */
	credentialType?: string;
}

/**
 * axios (n8n's request helper) reports a timeout as ECONNABORTED / ETIMEDOUT, sometimes wrapped in `cause`; n8n 1.x
 * hands it over as a NodeApiError reading "The connection was aborted, perhaps the server is offline".
 */
export function isTimeout(error: unknown): boolean {
	const e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
	if (!e || typeof e !== 'object') return false;
	if (e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' || /\btimeout\b|timed out|connection was aborted/i.test(String(e.message ?? ''))) return true;
	return e.cause !== undefined && e.cause !== error && isTimeout(e.cause);
}

/**
 * An answer body (bytes, text, or what n8n already parsed) as plain JSON — any JSON value, numbers that a JS number
 * cannot hold kept as text — or undefined when it is not JSON.
 */
export function readJson(body: unknown): unknown {
	if (!(body instanceof ArrayBuffer || Buffer.isBuffer(body) || typeof body === 'string')) return body;
	const text = typeof body === 'string' ? body : tryDecodeUtf8(Buffer.isBuffer(body) ? body : new Uint8Array(body));
	if (text === undefined) return undefined;
	const tree = attempt(() => parseJsonLossless(text.replace(/^\uFEFF/, '')));
	return tree instanceof JsonFormatError ? undefined : toPlain(tree.root);
}

/** The answer as a plain JSON object (numbers that a JS number cannot hold kept as text), or undefined. */
export function readJsonObject(body: unknown): IDataObject | undefined {
	const parsed = readJson(body);
	return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
}

/**
 * Sends `call.request` and returns the provider's JSON answer. Any HTTP error or error answer (`dialect.errorOf`), an
 * unreachable or silent server, or a body that is not the provider's JSON becomes a NodeApiError for the item.
 */
export async function apiRequest(this: IExecuteFunctions, dialect: ApiDialect, call: ApiCall, itemIndex: number): Promise<IDataObject> {
	const { provider, timeoutMs, baseUrlHint } = dialect;
	const { label } = call;
	const request: IHttpRequestOptions = {
		...call.request,
		headers: { Accept: 'application/json', ...call.request.headers },
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};

	let response: { statusCode: number; body: unknown };
	try {
		response = (call.credentialType
			? await this.helpers.httpRequestWithAuthentication.call(this, call.credentialType, request)
			: await this.helpers.httpRequest(request)) as typeof response;
	} catch (error) {
		if (isTimeout(error)) {
			throw new NodeApiError(this.getNode(), { message: 'timeout' } as JsonObject, {
				message: `${provider} did not answer within ${timeoutMs / 1000} s`,
				description: `${label} was abandoned; nothing is known about its outcome. Retry later.`,
				itemIndex,
			});
		}
		const code = (error as { code?: string }).code;
		throw new NodeApiError(this.getNode(), { code: code ?? 'unknown' } as JsonObject, {
			message: `Could not reach ${provider}${code ? ` (${code})` : ''}`,
			description: `${label} failed before ${provider} answered (refused or unreachable). Check ${baseUrlHint} and try again.`,
			itemIndex,
		});
	}

	const answer = readJsonObject(response.body);
	if (!answer) {
		throw new NodeApiError(this.getNode(), { statusCode: response.statusCode } as JsonObject, {
			message: `${provider} answered HTTP ${response.statusCode} with a body that is not ${provider} JSON`,
			description: `${label}: an outage page or a proxy error, not a ${provider} API answer. Check ${baseUrlHint}, or try again if ${provider} is down.`,
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	const error = dialect.errorOf(answer, response.statusCode);
	if (error !== undefined || response.statusCode >= 400) {
		throw new NodeApiError(this.getNode(), answer as JsonObject, {
			message: `${provider} rejected the request: ${error ?? 'unknown error'}`,
			description: dialect.errorHint?.(response.statusCode, label) ?? `HTTP ${response.statusCode} from ${label}`,
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	return answer;
}
