/**
 * What the fake CryptAPI's handlers share: CryptAPI's answers (`{"status":"success",…}`, errors as
 * `{"status":"error","error":"<message>"}` with the HTTP status its docs give), written with exact decimal
 * literals (CryptAPI sends amounts such as `1.844926267290333679` as JSON numbers; a JS number would round them).
 * Error messages are the ones docs.cryptapi.io/get-started/error-handling lists.
 */
import { JsonDecimal, stringifyExact, type ExactJson } from '../../nodes/shared/exactJson';
import type { Answer } from '../helpers/fakeHttp';

/** Decimal amounts CryptAPI writes as JSON numbers, kept exact (the package's own exact-JSON printer). */
export { JsonDecimal as DecimalLiteral };

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

/** A success answer; its JSON keeps `DecimalLiteral`s exact. */
export const success = (body: Record<string, unknown>): Answer => ({
	status: 200,
	body: undefined,
	raw: stringifyExact({ ...body, status: 'success' } as ExactJson),
	rawType: 'application/json',
});

/** Query parameters as CryptAPI's server reads them: decoded once (form style, `+` is a space), the last one wins. */
export type Query = Record<string, string>;
