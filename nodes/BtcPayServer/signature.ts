/**
 * BTCPay Server Greenfield webhook signatures.
 *
 * Header `BTCPay-Sig: sha256=<hex>`, the lower-case hex HMAC-SHA256 of the request body's exact bytes, keyed with the
 * UTF-8 bytes of the webhook's secret: `sha256=HMAC256(UTF8(webhook's secret), body)` (Greenfield API reference,
 * `BTCPayServer/wwwroot/swagger/v1/swagger.template.webhooks.json`, schema `WebhookDataCreate.secret`). The body is
 * the event serialized by Newtonsoft.Json with `Formatting.Indented` (two-space indentation, `\n` line breaks on the
 * Linux servers BTCPay runs on) and encoded as UTF-8 without BOM (`BTCPayServer/Plugins/Webhooks/WebhookSender.cs`,
 * `ToBytes` and `SendDelivery`): verifying a re-serialized body fails, only the raw bytes verify. There is no
 * timestamp header (the body has `timestamp`) and no replay window: duplicates are handled by `dedupeKey`.
 *
 * BTCPay's own PHP client compares `'sha256=' . hash_hmac('sha256', $body, $secret)` with the header
 * (`btcpayserver/btcpayserver-greenfield-php`, `src/Client/Webhook.php`); this verifier does the same over the raw
 * bytes in constant time (`nodes/shared/bodyHmac.ts`), with the prefix and hex compared case-insensitively.
 *
 * Pure: imports only `node:crypto` (through the shared helpers).
 */
import { signBodyHmac, verifyBodyHmac, type BodyHmacScheme } from '../shared/bodyHmac';
import type { VerifyResult } from '../shared/types';

export const BTCPAY_SIGNATURE: BodyHmacScheme = {
	header: 'btcpay-sig',
	algorithm: 'sha256',
	encoding: 'hex',
	prefix: 'sha256=',
};

/** The `BTCPay-Sig` value BTCPay Server sends for `rawBody` with the webhook's `secret`. */
export function signBtcPayDelivery(rawBody: Uint8Array | string, secret: string): string {
	return signBodyHmac(rawBody, secret, BTCPAY_SIGNATURE);
}

/**
 * Checks a delivery's `BTCPay-Sig` header (`undefined` when absent) against the raw body and the webhook's secret.
 * Reasons: `no_key_configured`, `missing_signature`, `bad_format` (no `sha256=` or not 64 hex digits), `mismatch`.
 */
export function verifyBtcPayDelivery(rawBody: Uint8Array, signature: string | undefined, secret: string): VerifyResult {
	return verifyBodyHmac(rawBody, signature, secret, BTCPAY_SIGNATURE);
}

const WELL_FORMED = /^sha256=[0-9a-f]{64}$/i;

/**
 * The header's shape alone, checked before any secret is loaded (a request without a usable `BTCPay-Sig` is refused
 * without reading the credential or the workflow's static data): `missing_signature` or `bad_format`.
 */
export function checkBtcPaySignatureShape(signature: string | undefined): VerifyResult {
	const value = (signature ?? '').trim();
	if (value === '') return { ok: false, reason: 'missing_signature' };
	return WELL_FORMED.test(value) ? { ok: true, value: undefined } : { ok: false, reason: 'bad_format' };
}
