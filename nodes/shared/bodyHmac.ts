/**
 * "An HMAC of the raw request body, in a header": the scheme several providers share, differing only in data —
 * which header, which hash, how the digest is written and what label precedes it:
 *
 * | provider                 | header       | algorithm   | encoding | prefix     |
 * |--------------------------|--------------|-------------|----------|------------|
 * | OxaPay                   | `HMAC`       | HMAC-SHA512 | hex      |            |
 * | CoinPayments (v1 IPN)    | `HMAC`       | HMAC-SHA512 | hex      |            |
 * | BTCPay Server            | `BTCPay-Sig` | HMAC-SHA256 | hex      | `sha256=`  |
 *
 * The key is the secret's UTF-8 text with surrounding whitespace trimmed (what the providers' PHP samples do with
 * `trim($secret)`, and what a secret pasted with a trailing newline needs). Hex digests compare case-insensitively; a
 * prefix compares case-insensitively too. Decoded digests are compared in constant time, length first.
 *
 * Pure: imports only `node:crypto` (through the shared HMAC helper) and the package's own pure helpers.
 */
import { base64DigestEquals, hexDigestEquals } from './constantTime';
import { hmacDigest, type HmacAlgorithm } from './hmac';
import type { VerifyResult } from './types';

export interface BodyHmacScheme {
	/** Lower-case header name, as Node hands headers over (`hmac`, `btcpay-sig`). */
	header: string;
	algorithm: HmacAlgorithm;
	encoding: 'hex' | 'base64';
	/** Label in front of the digest (`sha256=`), or ''. */
	prefix: string;
}

/** The header value a provider following `scheme` sends for `rawBody` signed with `secret`. */
export function signBodyHmac(rawBody: Uint8Array | string, secret: string, scheme: BodyHmacScheme): string {
	if (typeof secret !== 'string' || secret.trim() === '') {
		throw new TypeError('n8n-nodes-crypto-webhooks: signBodyHmac needs a non-empty secret');
	}
	return scheme.prefix + hmacDigest(scheme.algorithm, secret.trim(), rawBody).toString(scheme.encoding);
}

/**
 * Verifies `signature` (the header's value as received, `undefined` when absent) against the HMAC of the raw body.
 *
 * Reasons: `no_key_configured` (blank secret), `missing_signature` (no or blank header), `bad_format` (the prefix is
 * missing, or the digest is not `scheme.encoding` of the right length), `mismatch` (well-formed, wrong digest).
 */
export function verifyBodyHmac(
	rawBody: Uint8Array,
	signature: string | undefined,
	secret: string,
	scheme: BodyHmacScheme,
): VerifyResult {
	const key = secret.trim();
	if (key === '') return { ok: false, reason: 'no_key_configured' };
	const value = (signature ?? '').trim();
	if (value === '') return { ok: false, reason: 'missing_signature' };
	if (value.slice(0, scheme.prefix.length).toLowerCase() !== scheme.prefix.toLowerCase()) {
		return { ok: false, reason: 'bad_format' };
	}
	const digest = value.slice(scheme.prefix.length);
	const expected = hmacDigest(scheme.algorithm, key, rawBody);
	const decodable = scheme.encoding === 'hex' ? /^[0-9a-fA-F]+$/.test(digest) : /^[A-Za-z0-9+/_-]+=*$/.test(digest);
	if (!decodable) return { ok: false, reason: 'bad_format' };
	const equals = scheme.encoding === 'hex' ? hexDigestEquals : base64DigestEquals;
	return equals(expected, digest) ? { ok: true, value: undefined } : { ok: false, reason: 'mismatch' };
}
