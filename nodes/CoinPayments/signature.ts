/**
 * CoinPayments signatures, two schemes (docs/providers/coinpayments.md has the sources):
 *
 * 1. **IPN of the v1 API** (https://www.coinpayments.net/merchant-tools-ipn, "Authenticating IPNs"): a form POST
 *    (`application/x-www-form-urlencoded`) whose header `HMAC` is the lowercase hex HMAC-SHA512 of the raw POST body,
 *    keyed with the merchant's IPN Secret (`hash_hmac("sha512", $request, trim($secret))` in their PHP sample and
 *    their plugins): the shared body-HMAC scheme of `../shared/bodyHmac.ts`. Nothing time-dependent is signed.
 * 2. **Webhooks of the newer API** (https://a-docs.coinpayments.net/api/webhooks/authenticating-requests,
 *    …/api/auth/generate-api-signature): header `X-CoinPayments-Signature` = base64 HMAC-SHA256, keyed with the
 *    integration's client secret (its UTF-8 text), over the UTF-8 bytes of
 *    `U+FEFF (byte-order mark) + "POST" + <webhook URL exactly as called> + <client ID> + <X-CoinPayments-Timestamp> + <raw body>`,
 *    the timestamp being UTC `YYYY-MM-DDTHH:mm:ss` without a zone (`new Date().toISOString().split('.')[0]`). Their
 *    PHP helper (`CoinPaymentsNet/examples` src/Helpers/ApiHelper.php `calculateSignature`) concatenates
 *    `chr(239).chr(187).chr(191)` + method + URL + client ID + date + payload and base64-encodes the raw HMAC. The
 *    client ID in the signed text is the merchant's own (that helper's `$this->clientId`); the request also carries it
 *    as `X-CoinPayments-Client`. CoinPayments documents no replay window: this module enforces one on the timestamp.
 *
 * Pure: imports only `node:crypto` (through the shared HMAC helper) and the package's own pure helpers.
 */
import { base64DigestEquals } from '../shared/constantTime';
import { signBodyHmac, verifyBodyHmac, type BodyHmacScheme } from '../shared/bodyHmac';
import { concatBytes, hmacDigest } from '../shared/hmac';
import { withinWindow } from '../shared/timeWindow';
import type { VerifyResult } from '../shared/types';

// ---------------------------------------------------------------------------------------------- v1 IPN

/** The IPN's HMAC header: hex HMAC-SHA512 of the raw form body with the IPN Secret. */
export const COINPAYMENTS_IPN_SCHEME: BodyHmacScheme = { header: 'hmac', algorithm: 'sha512', encoding: 'hex', prefix: '' };

/** The `HMAC` header CoinPayments sends for an IPN body. */
export function signCoinPaymentsIpn(rawBody: Uint8Array | string, ipnSecret: string): string {
	return signBodyHmac(rawBody, ipnSecret, COINPAYMENTS_IPN_SCHEME);
}

/**
 * The keyless half (a node runs it before loading its credential): an `HMAC` header is present and is 64 bytes of
 * hex. Reasons: `missing_signature`, `bad_format`.
 */
export function checkCoinPaymentsIpnHeader(hmacHeader: string | undefined): VerifyResult {
	const value = (hmacHeader ?? '').trim();
	if (value === '') return { ok: false, reason: 'missing_signature' };
	return /^[0-9a-fA-F]{128}$/.test(value) ? { ok: true, value: undefined } : { ok: false, reason: 'bad_format' };
}

/**
 * Verifies an IPN's `HMAC` header over the raw body. Reasons: `no_key_configured`, `missing_signature`, `bad_format`
 * (not hex), `mismatch`.
 */
export function verifyCoinPaymentsIpn(rawBody: Uint8Array, hmacHeader: string | undefined, ipnSecret: string): VerifyResult {
	return verifyBodyHmac(rawBody, hmacHeader, ipnSecret, COINPAYMENTS_IPN_SCHEME);
}

// ---------------------------------------------------------------------------------------------- API webhooks

export const COINPAYMENTS_SIGNATURE_HEADER = 'x-coinpayments-signature';
export const COINPAYMENTS_TIMESTAMP_HEADER = 'x-coinpayments-timestamp';
export const COINPAYMENTS_CLIENT_HEADER = 'x-coinpayments-client';

/** The byte-order mark every signed text starts with (UTF-8 `EF BB BF`, PHP's `chr(239).chr(187).chr(191)`). */
const BOM = '\ufeff';

/**
 * Default replay window, in seconds, either side of this server's clock: CoinPayments documents none; 5 minutes is
 * the usual tolerance for clock skew plus delivery time (the node lets the user change it).
 */
export const COINPAYMENTS_REPLAY_WINDOW_SECONDS = 300;

/** The largest replay window the node accepts (1 day). */
export const COINPAYMENTS_MAX_REPLAY_WINDOW_SECONDS = 86_400;

/** A webhook as signed: the URL CoinPayments called, the integration's client ID, the timestamp text, the raw body. */
export interface CoinPaymentsWebhookInput {
	/** The webhook URL exactly as CoinPayments called it (scheme, host, path and query). */
	url: string;
	clientId: string;
	/** The `X-CoinPayments-Timestamp` text exactly as sent. */
	timestamp: string;
	rawBody: Uint8Array | string;
}

/** The exact bytes signed for a webhook (POST is the only method CoinPayments uses for them). */
export function coinPaymentsSignedBytes(input: CoinPaymentsWebhookInput): Buffer {
	return concatBytes(BOM, 'POST', input.url, input.clientId, input.timestamp, input.rawBody);
}

/** The `X-CoinPayments-Signature` value for a webhook: base64 HMAC-SHA256 with the client secret. */
export function signCoinPaymentsWebhook(input: CoinPaymentsWebhookInput, clientSecret: string): string {
	if (typeof clientSecret !== 'string' || clientSecret.trim() === '') {
		throw new TypeError('n8n-nodes-crypto-webhooks: signCoinPaymentsWebhook needs a non-empty client secret');
	}
	return hmacDigest('sha256', clientSecret.trim(), coinPaymentsSignedBytes(input)).toString('base64');
}

/** `YYYY-MM-DDTHH:mm:ss` as CoinPayments sends it; a trailing `Z` or fraction is tolerated, no other zone. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,7})?Z?$/;

/** The timestamp as Unix ms (UTC), or `undefined` when it is not a valid `YYYY-MM-DDTHH:mm:ss` date-time. */
export function parseCoinPaymentsTimestamp(text: string | undefined): number | undefined {
	const m = TIMESTAMP.exec(text ?? '');
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
	const ms = Date.UTC(year, month - 1, day, hour, minute, second);
	const back = new Date(ms);
	// Date.UTC rolls 2025-02-30 over to March: only a date-time that exists is valid.
	const exists = back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
	return exists ? ms : undefined;
}

export interface CoinPaymentsWebhookHeaders {
	signature: string | undefined;
	timestamp: string | undefined;
}

export interface FreshnessOptions {
	/** Tolerance either side of `now`, in seconds (default `COINPAYMENTS_REPLAY_WINDOW_SECONDS`). */
	replayWindowSeconds?: number;
	now?: Date;
}

/**
 * The keyless half (a node runs it before loading its credential): signature present and 32 bytes of base64,
 * timestamp present, a valid date-time, and within the replay window. Reasons: `missing_signature` (no signature),
 * `bad_format` (signature not base64 of 32 bytes; timestamp missing or malformed), `stale`.
 */
export function checkCoinPaymentsWebhookHeaders(headers: CoinPaymentsWebhookHeaders, options: FreshnessOptions = {}): VerifyResult {
	const signature = (headers.signature ?? '').trim();
	if (signature === '') return { ok: false, reason: 'missing_signature' };
	if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) return { ok: false, reason: 'bad_format' };
	const sentAt = parseCoinPaymentsTimestamp(headers.timestamp);
	if (sentAt === undefined) return { ok: false, reason: 'bad_format' };
	const windowMs = (options.replayWindowSeconds ?? COINPAYMENTS_REPLAY_WINDOW_SECONDS) * 1000;
	if (!withinWindow(sentAt, (options.now ?? new Date()).getTime(), windowMs)) return { ok: false, reason: 'stale' };
	return { ok: true, value: undefined };
}

/**
 * Verifies a webhook of the newer API: the headers (`checkCoinPaymentsWebhookHeaders`), then the signature over
 * `coinPaymentsSignedBytes` with the client secret, compared in constant time. The signed timestamp is the header's
 * text as sent. Reasons: `no_key_configured` (blank client ID or secret), `missing_signature`, `bad_format`,
 * `stale`, `mismatch`.
 */
export function verifyCoinPaymentsWebhook(
	input: Omit<CoinPaymentsWebhookInput, 'timestamp'> & CoinPaymentsWebhookHeaders,
	clientSecret: string,
	options: FreshnessOptions = {},
): VerifyResult {
	const secret = clientSecret.trim();
	if (secret === '' || input.clientId.trim() === '') return { ok: false, reason: 'no_key_configured' };
	const headers = checkCoinPaymentsWebhookHeaders(input, options);
	if (!headers.ok) return headers;
	const expected = hmacDigest(
		'sha256',
		secret,
		coinPaymentsSignedBytes({ url: input.url, clientId: input.clientId.trim(), timestamp: input.timestamp ?? '', rawBody: input.rawBody }),
	);
	return base64DigestEquals(expected, (input.signature ?? '').trim()) ? { ok: true, value: undefined } : { ok: false, reason: 'mismatch' };
}
