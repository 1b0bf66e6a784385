/**
 * Cryptofuse v0.9 callbacks carried no signature at all
 * (https://docs.cryptofuse.io/v0.9/guides/implementing-callbacks). Accepting them is only allowed behind an IP
 * allowlist and/or a secret token the user appends to the callback URL: `…/webhook?token=<Legacy URL Token>`.
 *
 * The token lives in the credential (field `legacyUrlToken`), not in a node parameter, so it never travels with an
 * exported workflow. It is compared in constant time (SHA-256 of both sides, so not even its length leaks) and is
 * never logged.
 *
 * Pure: imports only `node:crypto` and the package's own pure helpers.
 */
import { createHash } from 'node:crypto';

import { bytesEqual } from '../shared/constantTime';
import type { RejectReason, VerifyResult } from '../shared/types';

export const LEGACY_TOKEN_PARAMETER = 'token';
/** Shorter tokens are guessable; 16 URL-safe characters are ~95 bits when random. */
export const MIN_LEGACY_TOKEN_LENGTH = 16;
const URL_SAFE = /^[A-Za-z0-9._~-]+$/;

/** What is wrong with a configured token (for the workflow author), or `undefined`. An empty token is "not set". */
export function legacyTokenProblem(token: string): string | undefined {
	if (token === '') return undefined;
	if (token.length < MIN_LEGACY_TOKEN_LENGTH) {
		return `The Legacy URL Token must be at least ${MIN_LEGACY_TOKEN_LENGTH} characters long`;
	}
	if (!URL_SAFE.test(token)) {
		return 'The Legacy URL Token may only contain letters, digits and . _ ~ - (so it needs no escaping in a URL)';
	}
	return undefined;
}

/** Why legacy mode may not run with this configuration, or `undefined` when it has a guard. */
export function legacyGuardProblem(ipAllowlist: string, token: string): string | undefined {
	if (ipAllowlist.trim() !== '' || token !== '') return legacyTokenProblem(token);
	return 'Legacy v0.9 mode accepts unsigned requests, so it needs an IP Allowlist (node option) or a Legacy URL Token (credential)';
}

function sha256(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

function fail(reason: RejectReason): VerifyResult {
	return { ok: false, reason };
}

/**
 * Checks the `token` query parameter of the request's raw query string against the configured token.
 * Reasons: `no_key_configured` (no token configured), `missing_signature` (no token in the URL), `bad_format` (the parameter appears more than once),
 * `mismatch`.
 */
export function verifyLegacyToken(rawQuery: string, expected: string): VerifyResult {
	if (expected === '') return fail('no_key_configured');
	const received = new URLSearchParams(rawQuery).getAll(LEGACY_TOKEN_PARAMETER);
	if (received.length === 0 || received[0] === '') return fail('missing_signature');
	if (received.length > 1) return fail('bad_format');
	return bytesEqual(sha256(expected), sha256(received[0])) ? { ok: true, value: undefined } : fail('mismatch');
}
