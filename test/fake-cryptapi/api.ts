/**
 * What the fake CryptAPI's handlers share: CryptAPI's answers (`{"status":"success",…}`, errors as
 * `{"status":"error","error":"<message>"}` with the HTTP status its docs give), and JSON text with exact decimal
 * literals (CryptAPI sends amounts such as `1.844926267290333679` as JSON numbers; a JS number would round them).
 * Error messages are the ones docs.cryptapi.io/get-started/error-handling lists.
 */
import type { Answer } from '../helpers/fakeHttp';

export type { Answer } from '../helpers/fakeHttp';

/** Documented error messages (400 unless said otherwise). */
export const ERRORS = {
	invalidTicker: 'Invalid ticker',
	callbackMalformed: 'Callback URL malformed, please provide a correct URL',
	addressAndCallback: 'You must provide a valid address and a callback',
	invalidAddress: 'You must provide a valid address',
	maxAddresses: 'Maximum 20 output addresses',
	otherToken: 'Non multi_token address already created for another token',
	addressIsInvalid: 'Address is invalid',
	/** 404 */
	callbackNotFound: 'Callback not found',
	/** 404 */
	notFound: 'Resource not found',
} as const;

export const error = (message: string, status = 400): Answer => ({ status, body: { status: 'error', error: message } });

/** A decimal number written into JSON as its literal text (see `jsonText`). */
export class DecimalLiteral {
	constructor(readonly text: string) {}
}

const MARK = '\u0000decimal:';

/** JSON.stringify, except that `DecimalLiteral`s are written as bare numbers with exactly their text. */
export function jsonText(value: unknown): string {
	const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof DecimalLiteral ? `${MARK}${v.text}` : v));
	return text.replace(/"\\u0000decimal:([0-9.eE+-]+)"/g, '$1');
}

/** A success answer; its JSON keeps `DecimalLiteral`s exact. */
export const success = (body: Record<string, unknown>): Answer => ({
	status: 200,
	body: undefined,
	raw: jsonText({ ...body, status: 'success' }),
	rawType: 'application/json',
});

/** Query parameters as CryptAPI's server reads them: decoded once (form style, `+` is a space), the last one wins. */
export type Query = Record<string, string>;
