/**
 * HTTP plumbing of the NOWPayments node: every call goes through the shared `apiRequest` with the `nowPaymentsApi`
 * credential (its `authenticate` adds `x-api-key`). NOWPayments answers errors with an HTTP error status and
 * `{"status":false,"statusCode":…,"code":"…","message":"…"}` (its documentation's error examples).
 *
 * "Get list of payments" also needs `Authorization: Bearer <JWT>`; the JWT comes from `POST /v1/auth` with the
 * dashboard email and password (no API key) and lives 5 minutes, so one is fetched per execution and reused for 4.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, type ApiDialect } from '../shared/apiRequest';
import { stringifyExact } from '../shared/exactJson';

export const NOWPAYMENTS_BASE_URL = 'https://api.nowpayments.io';

export const NOWPAYMENTS_API: ApiDialect = {
	provider: 'NOWPayments',
	timeoutMs: 15_000,
	baseUrlHint: 'the Base URL in the NOWPayments credential',
	errorOf(answer, statusCode) {
		if (statusCode < 400 && answer.status !== false) return undefined;
		const message = typeof answer.message === 'string' && answer.message !== '' ? answer.message : `HTTP ${statusCode}`;
		return typeof answer.code === 'string' && answer.code !== '' ? `${message} (${answer.code})` : message;
	},
	errorHint(statusCode, label) {
		if (statusCode === 401 || statusCode === 403) {
			return label.startsWith('POST /v1/auth')
				? 'Check the Email and Password in the NOWPayments credential (both are case-sensitive).'
				: 'Check the API key in the NOWPayments credential (and, for Get Many, its Email and Password).';
		}
		return undefined;
	},
};

export interface NowPaymentsCall {
	method: IHttpRequestMethods;
	/** `/v1/payment`, `/v1/payment/5745459419` … */
	path: string;
	qs?: IDataObject;
	/** The JSON text to send as it is (`stringifyExact`). */
	body?: string;
	/** A JWT for `Authorization: Bearer` (Get list of payments). */
	bearer?: string;
}

async function baseUrl(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await ctx.getCredentials('nowPaymentsApi', itemIndex);
	return String(credentials.baseUrl || NOWPAYMENTS_BASE_URL).trim().replace(/\/+$/, '');
}

/** Sends one authenticated call and returns NOWPayments' JSON answer (errors become NodeApiErrors, see above). */
export async function nowPaymentsRequest(this: IExecuteFunctions, call: NowPaymentsCall, itemIndex: number): Promise<IDataObject> {
	const headers: IDataObject = {};
	if (call.body !== undefined) headers['Content-Type'] = 'application/json';
	if (call.bearer !== undefined) headers.Authorization = `Bearer ${call.bearer}`;
	return await apiRequest.call(
		this,
		NOWPAYMENTS_API,
		{
			label: `${call.method} ${call.path}`,
			credentialType: 'nowPaymentsApi',
			request: {
				method: call.method,
				url: `${await baseUrl(this, itemIndex)}${call.path}`,
				...(call.qs ? { qs: call.qs } : {}),
				...(call.body !== undefined ? { body: call.body } : {}),
				headers,
			},
		},
		itemIndex,
	);
}

const JWT_REUSE_MS = 4 * 60_000;
const tokens = new WeakMap<object, { token: string; at: number }>();

/** A JWT from `POST /v1/auth` (dashboard email + password from the credential), reused within one execution. */
export async function nowPaymentsToken(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const cached = tokens.get(this);
	if (cached && Date.now() - cached.at < JWT_REUSE_MS) return cached.token;
	const credentials = await this.getCredentials('nowPaymentsApi', itemIndex);
	const email = String(credentials.email ?? '').trim();
	const password = String(credentials.password ?? '');
	if (email === '' || password === '') {
		throw new NodeOperationError(this.getNode(), 'Get Many needs the Email and Password of your NOWPayments account', {
			description:
				'NOWPayments lists payments only with a login token (POST /v1/auth with the email and password you sign in to the dashboard with). Add both to the NOWPayments credential.',
			itemIndex,
		});
	}
	const answer = await apiRequest.call(
		this,
		NOWPAYMENTS_API,
		{
			label: 'POST /v1/auth',
			request: {
				method: 'POST',
				url: `${await baseUrl(this, itemIndex)}/v1/auth`,
				body: stringifyExact({ email, password }),
				headers: { 'Content-Type': 'application/json' },
			},
		},
		itemIndex,
	);
	if (typeof answer.token !== 'string' || answer.token === '') {
		throw new NodeOperationError(this.getNode(), 'NOWPayments answered POST /v1/auth without a token', { itemIndex });
	}
	tokens.set(this, { token: answer.token, at: Date.now() });
	return answer.token;
}
