/**
 * CryptAPI callback signatures (https://docs.cryptapi.io/webhooks/verify-webhook-signature).
 *
 * - Header `x-ca-signature`: base64 of an RSA-SHA256 signature with PKCS#1 v1.5 padding, made with CryptAPI's
 *   1024-bit key (public half at https://api.cryptapi.io/pubkey/, shipped in `./publicKey.ts`).
 * - GET callbacks sign the full URL CryptAPI requested: scheme + host + path + `?` + the raw query string exactly as
 *   sent. n8n behind TLS termination or a proxy does not see that URL, so it is rebuilt from the public callback URL
 *   (n8n's production webhook URL, or the user's override) plus the raw query of the request line.
 * - POST callbacks (`post=1`, form or `json=1`) sign the raw request body only; the query string (the merchant's own
 *   parameters) is then NOT covered.
 * - Nothing time-dependent is signed: no replay window exists, duplicates are handled by the dedupe key.
 *
 * Pure: imports only `node:crypto` and the package's own pure helpers.
 */
import { createSign, verify as rsaVerify, type KeyObject } from 'node:crypto';

import { decodeBase64 } from '../shared/constantTime';
import { withRawQuery } from '../shared/publicUrl';
import type { VerifyResult } from '../shared/types';

export const CRYPTAPI_SIGNATURE_HEADER = 'x-ca-signature';

export type CryptApiMethod = 'GET' | 'POST';

export interface CryptApiRequest {
	method: CryptApiMethod;
	/** The public URL CryptAPI was given, without a query: `https://n8n.example.com/webhook/<id>/webhook`. */
	publicUrl: string;
	/**
	 * The request line's query string exactly as received (`rawQueryOf(req.originalUrl)`): `undefined` when the line
	 * has no '?', '' for a bare '?' (signed as part of the URL).
	 */
	rawQuery: string | undefined;
	/** The raw body bytes (ignored for GET). */
	rawBody: Uint8Array;
	/** The `x-ca-signature` header value. */
	signature: string | undefined;
}

/** A POST body that is an absolute URL can only be a GET signature replayed as a POST body. */
const URL_AS_BODY = /^\s*https?:\/\//i;

/** The exact bytes CryptAPI signs for this request (GET: the public URL + raw query; POST: the raw body). */
export function cryptApiSignedData(request: Omit<CryptApiRequest, 'signature'>): Buffer {
	return request.method === 'GET'
		? Buffer.from(withRawQuery(request.publicUrl, request.rawQuery), 'utf8')
		: Buffer.from(request.rawBody);
}

/** Signs `data` as CryptAPI does: base64 RSA-SHA256 PKCS#1 v1.5. For tests and test-callback tooling. */
export function signCryptApi(data: Uint8Array | string, privateKey: string | KeyObject): string {
	if (typeof privateKey === 'string' && privateKey.trim() === '') {
		throw new TypeError('n8n-nodes-crypto-webhooks: signCryptApi needs a private key');
	}
	return createSign('sha256').update(data).sign(privateKey, 'base64');
}

/**
 * Verifies an `x-ca-signature` value over `data` with `key` (RSA-SHA256, PKCS#1 v1.5).
 *
 * Reasons: `missing_signature` (absent or empty), `bad_format` (not base64, or not as long as the key's modulus),
 * `mismatch` (a well-formed signature that does not verify).
 */
export function verifyCryptApiSignature(
	data: Uint8Array,
	signature: string | undefined,
	key: KeyObject,
): VerifyResult {
	const text = (signature ?? '').trim();
	if (text === '') return { ok: false, reason: 'missing_signature' };
	const bytes = decodeBase64(text);
	const modulusBytes = (key.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
	if (!bytes || bytes.length !== modulusBytes) return { ok: false, reason: 'bad_format' };
	return rsaVerify('sha256', data, key, bytes) ? { ok: true, value: undefined } : { ok: false, reason: 'mismatch' };
}

/**
 * Verifies a CryptAPI callback (GET or POST) over the bytes CryptAPI signs for that method; see the module comment.
 * A POST whose body is an absolute URL is refused (`mismatch`): that is a GET callback's signed URL replayed as a
 * POST body, which would otherwise verify.
 */
export function verifyCryptApiCallback(request: CryptApiRequest, key: KeyObject): VerifyResult {
	if (request.method === 'POST' && URL_AS_BODY.test(Buffer.from(request.rawBody.subarray(0, 16)).toString('latin1'))) {
		return (request.signature ?? '').trim() === ''
			? { ok: false, reason: 'missing_signature' }
			: { ok: false, reason: 'mismatch' };
	}
	return verifyCryptApiSignature(cryptApiSignedData(request), request.signature, key);
}
