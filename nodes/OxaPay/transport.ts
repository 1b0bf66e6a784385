/**
 * HTTP plumbing for the OxaPay action node: OxaPay's merchant API v1 (`https://api.oxapay.com/v1/…`), authenticated by
 * the `merchant_api_key` header the `oxaPayApi` credential adds (https://docs.oxapay.com/api-reference). Every answer
 * is an envelope `{"data":{…},"message":"…","error":{"type","key","message"}|{},"status":200,"version":"1.0.0"}`
 * (https://docs.oxapay.com/api-reference/error); the node outputs `data`. Errors carry HTTP 400/401/404/500/503 and the
 * same `status` in the body; the shared transport (nodes/shared/apiRequest.ts) turns them into node errors naming
 * OxaPay's message and the field (`error.key`).
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { apiRequest, type ApiDialect } from '../shared/apiRequest';
import { stringifyExact, type ExactJson } from '../shared/exactJson';
import { text } from '../shared/params';

export const OXAPAY_BASE_URL = 'https://api.oxapay.com';
/** OxaPay's PHP SDK gives each call 30 s (`Client::$timeout`). */
export const OXAPAY_REQUEST_TIMEOUT_MS = 30_000;

/** "The lifetime field must be an integer. (lifetime)" from OxaPay's `error`, else its `message`. */
export function describeOxaPayError(answer: IDataObject): string {
	const error = (answer.error ?? {}) as IDataObject;
	const message = text(error.message) || text(answer.message) || 'unknown error';
	const key = text(error.key);
	return key !== '' && !message.includes(key) ? `${message} (${key})` : message;
}

const OXAPAY: ApiDialect = {
	provider: 'OxaPay',
	timeoutMs: OXAPAY_REQUEST_TIMEOUT_MS,
	baseUrlHint: 'the Base URL in the OxaPay credential',
	errorOf: (answer, statusCode) =>
		statusCode >= 400 || (answer.status !== undefined && Number(answer.status) !== 200) ? describeOxaPayError(answer) : undefined,
	errorHint: (statusCode) =>
		statusCode === 401 ? 'Check the Merchant API Key in the OxaPay credential (OxaPay dashboard → Merchant Service).' : undefined,
};

/**
 * Calls `{baseUrl}/v1{path}` with the `oxaPayApi` credential and returns OxaPay's `data`. A body is sent as JSON text
 * built here (`stringifyExact`: amounts exactly as typed).
 */
export async function oxaPayRequest(
	this: IExecuteFunctions,
	method: 'GET' | 'POST',
	path: string,
	body: Record<string, ExactJson | undefined> | undefined,
	itemIndex: number,
): Promise<IDataObject> {
	const credentials = await this.getCredentials('oxaPayApi', itemIndex);
	const baseUrl = (text(credentials.baseUrl) || OXAPAY_BASE_URL).replace(/\/+$/, '');
	const request: IHttpRequestOptions = { method, url: `${baseUrl}/v1${path}` };
	if (body) {
		request.body = stringifyExact(body);
		request.headers = { 'Content-Type': 'application/json' };
	}
	const answer = await apiRequest.call(this, OXAPAY, { label: `${method} /v1${path}`, request, credentialType: 'oxaPayApi' }, itemIndex);
	const data = answer.data;
	return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
}
