/**
 * Crypto2B callback signatures: the same scheme as Crypto2B's own API requests
 * (docs.crypto2b.com/api/authorization, /integration/callbacks).
 *
 * Pure: imports only `node:crypto` (through the shared helpers) and the package's own pure helpers.
 */
import { base64DigestEquals } from '../shared/constantTime';
import { concatBytes, hmacDigest } from '../shared/hmac';
import { parseIntegerHeader, withinWindow } from '../shared/timeWindow';
import type { RejectReason } from '../shared/types';
import { publicKeyMatches } from './keys';

/** Window in milliseconds when a callback has no `X-Processing-RecvWindow` header (Crypto2B's API default). */
export const DEFAULT_RECV_WINDOW_MS = 5_000;

/**
 * The receiver's own maximum window (Stripe's "tolerance"): the signed `X-Processing-RecvWindow` is the sender's
 * choice, so without a cap a callback signed with a one-day window could be replayed for a day. Default: Crypto2B's
 * documented default window (5000 ms), so a callback signed with the default is judged exactly as Crypto2B means it
 * and a larger signed window is cut to it. Settable up to `MAX_RECV_WINDOW_LIMIT_MS`.
 */
export const DEFAULT_MAX_RECV_WINDOW_MS = DEFAULT_RECV_WINDOW_MS;
/** The highest Maximum Receive Window the node accepts. */
export const MAX_RECV_WINDOW_LIMIT_MS = 60_000;

/** The signed method: Crypto2B always POSTs callbacks. */
export const CRYPTO2B_METHOD = 'POST';

export const CRYPTO2B_HEADERS = {
	key: 'x-processing-key',
	timestamp: 'x-processing-timestamp',
	recvWindow: 'x-processing-recvwindow',
	signature: 'x-processing-signature',
} as const;

/** The four `X-Processing-*` header values as received (`undefined` when absent). */
export interface Crypto2bHeaderValues {
	key?: string;
	timestamp?: string;
	recvWindow?: string;
	signature?: string;
}

export interface Crypto2bSignInput {
	/** The HMAC key: the secret key base64-DECODED (see `decodeCrypto2bSecret`). */
	secret: Uint8Array;
	/** Unix time in milliseconds, as the decimal text that is sent. */
	timestamp: string;
	/** Window in milliseconds; omit when the header is not sent (it is then not signed either). */
	recvWindow?: string;
	/** Path + raw query string of the URL called, e.g. `/webhooks/crypto2b?src=n8n`. */
	relativeUrl: string;
	body: Uint8Array | string;
}

/** The exact bytes Crypto2B signs: `timestamp + recvWindow? + "POST" + relativeUrl + rawBody` (text as UTF-8). */
export function crypto2bSignedBytes(input: Omit<Crypto2bSignInput, 'secret'>): Buffer {
	return concatBytes(input.timestamp, input.recvWindow ?? '', CRYPTO2B_METHOD, input.relativeUrl, input.body);
}

/** `X-Processing-Signature`: base64 of HMAC-SHA512 over `crypto2bSignedBytes` with the decoded secret. */
export function signCrypto2b(input: Crypto2bSignInput): string {
	if (!(input.secret instanceof Uint8Array) || input.secret.length === 0) {
		throw new TypeError('n8n-nodes-crypto-webhooks: signCrypto2b needs the decoded secret key bytes');
	}
	return hmacDigest('sha512', input.secret, crypto2bSignedBytes(input)).toString('base64');
}

/** All headers of a signed callback (for tests and test-callback tooling). */
export function crypto2bCallbackHeaders(input: Crypto2bSignInput & { publicKey: string }): Record<string, string> {
	const headers: Record<string, string> = {
		'X-Processing-Key': input.publicKey,
		'X-Processing-Timestamp': input.timestamp,
		'X-Processing-Signature': signCrypto2b(input),
	};
	if (input.recvWindow !== undefined) headers['X-Processing-RecvWindow'] = input.recvWindow;
	return headers;
}

export interface Crypto2bVerifyInput {
	rawBody: Uint8Array;
	headers: Crypto2bHeaderValues;
	/** Path + raw query of the public URL Crypto2B called (see `publicUrl.ts`). */
	relativeUrl: string;
	publicKey: string;
	/** The decoded secret key bytes. */
	secret: Uint8Array;
	/** The injectable clock: Unix time in milliseconds. */
	nowMs: number;
	/** Window used when the callback has no `X-Processing-RecvWindow` header; default `DEFAULT_RECV_WINDOW_MS`. */
	defaultRecvWindowMs?: number;
	/** The receiver's cap on any window, signed or default; default `DEFAULT_MAX_RECV_WINDOW_MS`. */
	maxRecvWindowMs?: number;
}

export type Crypto2bVerifyResult =
	| { ok: true; value: { windowMs: number } }
	| { ok: false; reason: RejectReason; detail: string };

function fail(reason: RejectReason, detail: string): Crypto2bVerifyResult {
	return { ok: false, reason, detail };
}

/**
 * Verifies a Crypto2B callback.
 *
 * Headers: `X-Processing-Key` (public key, must equal the configured one), `X-Processing-Timestamp` (Unix ms),
 * `X-Processing-RecvWindow` (ms, optional, signed only when present), `X-Processing-Signature` (base64).
 * Algorithm: HMAC-SHA512, key = base64-decoded secret key, over the UTF-8 bytes of
 * `timestamp + recvWindow? + "POST" + relativeUrl + rawBody`, compared in constant time after decoding.
 *
 * Docs: https://docs.crypto2b.com/api/authorization and https://docs.crypto2b.com/integration/callbacks.
 *
 * Checks in order; reasons: `no_key_configured`, `missing_signature` (key, timestamp or signature header absent),
 * `wrong_key`, `bad_format` (timestamp or window not a decimal integer), `stale` (|now − timestamp| > window, in
 * either direction; window = min(signed or default window, `maxRecvWindowMs`)), `mismatch`. `detail` is for the log:
 * it never holds a secret or the body.
 */
export function verifyCrypto2bCallback(input: Crypto2bVerifyInput): Crypto2bVerifyResult {
	const { headers } = input;
	if (input.secret.length === 0 || input.publicKey.trim() === '') {
		return fail('no_key_configured', 'no public key or secret key configured');
	}
	for (const name of ['key', 'timestamp', 'signature'] as const) {
		if ((headers[name] ?? '').trim() === '') return fail('missing_signature', `${CRYPTO2B_HEADERS[name]} missing`);
	}
	const { key = '', timestamp = '', signature = '' } = headers;
	if (!publicKeyMatches(input.publicKey, key)) return fail('wrong_key', 'x-processing-key is not the configured public key');

	const timestampMs = parseIntegerHeader(timestamp);
	if (timestampMs === undefined) return fail('bad_format', 'x-processing-timestamp is not Unix milliseconds');
	const recvWindow = headers.recvWindow === undefined || headers.recvWindow.trim() === '' ? undefined : headers.recvWindow;
	const askedMs = recvWindow === undefined ? (input.defaultRecvWindowMs ?? DEFAULT_RECV_WINDOW_MS) : parseIntegerHeader(recvWindow);
	if (askedMs === undefined || !Number.isSafeInteger(askedMs)) {
		return fail('bad_format', 'x-processing-recvwindow is not a number of milliseconds');
	}
	const windowMs = Math.min(askedMs, input.maxRecvWindowMs ?? DEFAULT_MAX_RECV_WINDOW_MS);
	if (!withinWindow(timestampMs, input.nowMs, windowMs)) {
		const offset = input.nowMs - timestampMs;
		const direction = offset >= 0 ? 'older' : 'newer';
		const capped = windowMs < askedMs ? ` (${recvWindow === undefined ? 'default' : 'signed'} ${askedMs} ms, capped by the Maximum Receive Window)` : '';
		return fail('stale', `timestamp is ${Math.abs(offset)} ms ${direction} than this server's clock; window ${windowMs} ms${capped}`);
	}

	const expected = hmacDigest(
		'sha512',
		input.secret,
		crypto2bSignedBytes({ timestamp: timestamp.trim(), recvWindow: recvWindow?.trim(), relativeUrl: input.relativeUrl, body: input.rawBody }),
	);
	if (!base64DigestEquals(expected, signature)) {
		const [path, query] = input.relativeUrl.split('?');
		const url = query === undefined ? path : `${path}?…`;
		return fail('mismatch', `signature does not match URL ${url} + body with the configured secret key`);
	}
	return { ok: true, value: { windowMs } };
}
