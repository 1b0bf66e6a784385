/**
 * HTTP plumbing for the BTCPay Server Greenfield API, shared by the trigger (registering its webhook) and the action
 * node (invoices): the credential's `Authorization: token <API key>` (its `authenticate`), JSON bodies sent as the
 * exact text built here, answers returned with their status, and BTCPay's error bodies turned into node errors that
 * name BTCPay's own message.
 *
 * Greenfield errors (`BTCPayServer.Abstractions/Extensions/GreenfieldExtensions.cs`, `Security/GreenField/
 * GreenfieldAuthenticationHandler.cs`): `{code, message}` (401 `unauthenticated`, 403 `missing-permission` with
 * `missingPermission`, 404 `…-not-found`, 400 `generic-error`), or for validation a 422 array `[{path, message}]`.
 */
import {
	NodeApiError,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { isTimeout, readJson } from '../shared/apiRequest';
import { buildQuery, type QueryPair } from '../shared/query';
import type { BtcPayConnection } from './connection';

export const BTCPAY_CREDENTIAL = 'btcPayServerApi';

/** How long one Greenfield call may take (invoice creation fetches exchange rates on the server). */
export const GREENFIELD_TIMEOUT_MS = 20_000;

type GreenfieldContext = IExecuteFunctions | IHookFunctions;

export interface GreenfieldRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Path under the server URL, e.g. `/api/v1/stores/<id>/webhooks`; each part already URI-encoded. */
	path: string;
	/** Query parameters in order; a name may repeat (`status=New&status=Settled`, what ASP.NET binds to arrays). */
	query?: QueryPair[];
	/** The exact JSON text to send (Content-Type: application/json), or nothing. */
	body?: string;
}

export interface GreenfieldAnswer {
	statusCode: number;
	/** The answer as plain JSON, or `undefined` for an empty or unparsable one. */
	body: unknown;
}

/** `/api/v1/stores/{storeId}` + `rest`, the store id encoded. */
export const storePath = (storeId: string, rest = ''): string => `/api/v1/stores/${encodeURIComponent(storeId)}${rest}`;

/** The request as one line for messages: `GET /api/v1/stores/…/webhooks`. */
export const requestLine = (request: GreenfieldRequest): string => `${request.method} ${request.path}`;

const queryString = (query: QueryPair[] | undefined): string => (query && query.length > 0 ? `?${buildQuery(query)}` : '');

/** The network error code of a failed request (`ECONNREFUSED`, `ENOTFOUND`, …), if it has one. */
function errorCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * Sends one Greenfield call. Resolves with any HTTP answer (the caller decides what a 404 means); throws a
 * NodeApiError when no answer came (timeout, refused, unknown host), saying where it tried.
 */
export async function greenfieldCall(
	ctx: GreenfieldContext,
	connection: BtcPayConnection,
	request: GreenfieldRequest,
	itemIndex?: number,
): Promise<GreenfieldAnswer> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${connection.serverUrl}${request.path}${queryString(request.query)}`,
		headers: { Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
		body: request.body,
		// the answer's bytes, read with the lossless JSON reader (numbers a JS number cannot hold keep their digits)
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: GREENFIELD_TIMEOUT_MS,
	};
	let response: { statusCode: number; body: unknown };
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, BTCPAY_CREDENTIAL, options)) as typeof response;
	} catch (error) {
		const timedOut = isTimeout(error);
		const code = errorCode(error);
		throw new NodeApiError(ctx.getNode(), { code: code ?? 'unknown' } as JsonObject, {
			message: timedOut
				? `BTCPay Server did not answer within ${GREENFIELD_TIMEOUT_MS / 1000} s`
				: `Could not reach BTCPay Server at ${connection.serverUrl}${code ? ` (${code})` : ''}`,
			description: timedOut
				? `${requestLine(request)} was abandoned; nothing is known about its outcome. Retry later.`
				: `${requestLine(request)} failed before BTCPay Server answered. Check the Server URL in the BTCPay Server credential and that n8n can reach it.`,
			itemIndex,
		});
	}
	return { statusCode: response.statusCode, body: readJson(response.body) };
}

/** BTCPay's own words for a failed answer: `message` (+ the missing permission), or `path: message; …` for 422. */
export function describeGreenfieldError(body: unknown): string {
	if (Array.isArray(body)) {
		const parts = body
			.filter((entry): entry is { path?: unknown; message?: unknown } => entry !== null && typeof entry === 'object')
			.map((entry) => `${typeof entry.path === 'string' && entry.path !== '' ? `${entry.path}: ` : ''}${String(entry.message ?? '')}`);
		if (parts.length > 0) return parts.join('; ');
	}
	if (body !== null && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
		return (body as { message: string }).message;
	}
	return 'no error message';
}

/** What to check, by status, for someone reading the error in the editor. */
function hint(statusCode: number, body: unknown, request: GreenfieldRequest): string {
	const permission = (body as { missingPermission?: unknown } | undefined)?.missingPermission;
	switch (statusCode) {
		case 401:
			return 'Check the API Key in the BTCPay Server credential (BTCPay Server: Account → API Keys).';
		case 403:
			return `The API key lacks a permission${typeof permission === 'string' ? ` (${permission})` : ''} for this store. Create a key with it in BTCPay Server (Account → API Keys), limited to this store if you like.`;
		case 404:
			return `BTCPay Server does not know what ${requestLine(request)} names: check the Store ID in the credential and the id you gave.`;
		default:
			return `HTTP ${statusCode} from ${requestLine(request)}`;
	}
}

/** A failed answer as a node error: "BTCPay Server rejected …: <BTCPay's message>", with what to check. */
export function greenfieldError(
	ctx: GreenfieldContext,
	answer: GreenfieldAnswer,
	request: GreenfieldRequest,
	itemIndex?: number,
): NodeApiError {
	const detail = describeGreenfieldError(answer.body);
	const response = (answer.body !== null && typeof answer.body === 'object' ? answer.body : {}) as JsonObject;
	return new NodeApiError(ctx.getNode(), response, {
		message: `BTCPay Server rejected ${requestLine(request)}: ${detail}`,
		description: hint(answer.statusCode, answer.body, request),
		httpCode: String(answer.statusCode),
		itemIndex,
	});
}

/** Sends the call and returns the answer's JSON; any non-2xx answer becomes `greenfieldError`. */
export async function greenfieldRequest(
	ctx: GreenfieldContext,
	connection: BtcPayConnection,
	request: GreenfieldRequest,
	itemIndex?: number,
): Promise<unknown> {
	const answer = await greenfieldCall(ctx, connection, request, itemIndex);
	if (answer.statusCode < 200 || answer.statusCode >= 300) throw greenfieldError(ctx, answer, request, itemIndex);
	return answer.body;
}
