/**
 * Koywe's user-validation callback (https://github.com/koyweforest/gitbook/blob/main/documentacion/webhooks.md,
 * "Callback de Autenticación"): before a user buys, sells or reads private data in the merchant's context, Koywe
 * POSTs `{"email": "…"}` to the merchant, authenticated as agreed (the docs' example: `Authorization: Bearer <JWT>`),
 * and treats a reply that "looks like a positive boolean" as permission.
 *
 * Pure: how the call is authenticated, what the request must contain, and how the workflow's result becomes the
 * answer. Imports only `node:crypto` and the package's own pure helpers.
 */
import { createHash } from 'node:crypto';

import { bytesEqual } from '../shared/constantTime';
import { getMember, tryParseJsonLossless } from '../shared/losslessJson';
import type { VerifyResult } from '../shared/types';

/** How Koywe authenticates the call: `Authorization: Bearer <token>`, or a header name with an exact value. */
export type ValidationAuth = { kind: 'bearer'; token: string } | { kind: 'header'; name: string; value: string };

/** An HTTP header field name (RFC 9110 `token`). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BEARER = /^Bearer +(\S+) *$/i;

/** What is wrong with a configured authentication, for the workflow author; `undefined` when usable. */
export function authConfigurationProblem(auth: ValidationAuth): string | undefined {
	if (auth.kind === 'bearer') return auth.token === '' ? 'The bearer token is empty' : undefined;
	if (!HEADER_NAME.test(auth.name)) return 'The header name is empty or not a valid HTTP header name';
	return auth.value === '' ? 'The header value is empty' : undefined;
}

/** Constant-time equality of two secrets of any length (both sides hashed first, so no length is revealed). */
export function secretEquals(expected: string, received: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return bytesEqual(digest(expected), digest(received));
}

/**
 * Checks the request's credentials. `header(name)` returns a request header by lower-case name.
 * Reasons: `no_key_configured` (unusable configuration), `missing_signature` (header absent or not a bearer
 * token), `mismatch` (wrong token / value).
 */
export function verifyValidationAuth(auth: ValidationAuth, header: (name: string) => string | undefined): VerifyResult {
	if (authConfigurationProblem(auth) !== undefined) return { ok: false, reason: 'no_key_configured' };
	let expected: string;
	let received: string | undefined;
	if (auth.kind === 'bearer') {
		expected = auth.token;
		received = BEARER.exec(header('authorization') ?? '')?.[1];
	} else {
		expected = auth.value;
		received = header(auth.name.toLowerCase());
	}
	if (received === undefined || received === '') return { ok: false, reason: 'missing_signature' };
	return secretEquals(expected, received) ? { ok: true, value: undefined } : { ok: false, reason: 'mismatch' };
}

/** The validation request's `email` (a non-empty string in a JSON object); `undefined` when the body is not that. */
export function readValidationEmail(rawBody: Uint8Array): string | undefined {
	const email = getMember(tryParseJsonLossless(rawBody)?.root, 'email');
	return email?.type === 'string' && email.value !== '' ? email.value : undefined;
}

/**
 * Why the answer was what it was: `allowed` / `denied` are the workflow's own boolean; everything else answers
 * `false` (fail closed).
 */
export type DecisionOutcome = 'allowed' | 'denied' | 'workflow_error' | 'no_decision' | 'timeout';

/**
 * Reads the workflow's decision from what n8n is about to send for "respond when the last node finishes": the HTTP
 * status it chose and the last node's first item (`body`). Only a 2xx status with `body[field] === true` allows;
 * a field that is missing or not a boolean is `no_decision`, an error status is `workflow_error`.
 */
export function decisionFrom(statusCode: number, body: unknown, field: string): DecisionOutcome {
	if (!(statusCode >= 200 && statusCode < 300)) return 'workflow_error';
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'no_decision';
	if (!Object.prototype.hasOwnProperty.call(body, field)) return 'no_decision';
	const value = (body as Record<string, unknown>)[field];
	if (value === true) return 'allowed';
	return value === false ? 'denied' : 'no_decision';
}
