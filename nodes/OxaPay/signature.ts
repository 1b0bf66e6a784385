/**
 * OxaPay callback signatures (https://docs.oxapay.com/webhook, "Validating Callbacks"; official PHP SDK
 * oxapaysdk/php-sdk `src/Endpoints/Webhook.php`).
 *
 * - Header `HMAC` = lowercase hex HMAC-SHA512 of the **raw POST body**, keyed with an API key's text.
 * - Which key: the merchant API key for payment callbacks (`type` = invoice, white_label, static_address,
 *   payment_link, donation — and, like the SDK, any other or missing type), the payout API key when the body's `type`
 *   is `payout`. Only that key is tried: a payout body signed with the merchant key is refused.
 * - No timestamp is signed (no replay window); OxaPay retries the same body up to 5 times over ~3.5 h.
 *
 * The `type` is read from the (not yet trusted) body only to choose the key; nothing else is read before the HMAC
 * over the exact bytes has matched. Pure: `node:crypto` through the shared helpers only.
 */
import { signBodyHmac, verifyBodyHmac, type BodyHmacScheme } from '../shared/bodyHmac';
import { textAt, tryParseJsonLossless, type JsonNode } from '../shared/losslessJson';
import type { VerifyResult } from '../shared/types';

export const OXAPAY_SCHEME: BodyHmacScheme = { header: 'hmac', algorithm: 'sha512', encoding: 'hex', prefix: '' };

export type OxaPayKeyName = 'merchant' | 'payout';

export interface OxaPayKeys {
	merchant?: string;
	payout?: string;
}

/** The key OxaPay signs a callback of this `type` with. */
export function oxaPayKeyFor(type: string | undefined): OxaPayKeyName {
	return type === 'payout' ? 'payout' : 'merchant';
}

/** The `HMAC` header OxaPay sends for `rawBody` signed with `apiKey`. */
export function signOxaPay(rawBody: Uint8Array | string, apiKey: string): string {
	return signBodyHmac(rawBody, apiKey, OXAPAY_SCHEME);
}

/** A callback body read without any key: the parsed root (undefined when not JSON) and the key it calls for. */
export interface OxaPayCallbackRead {
	root: JsonNode | undefined;
	key: OxaPayKeyName;
}

/** Parses the body (leniently: a body that is not JSON is still verified, with the merchant key) to pick the key. */
export function readOxaPayCallback(rawBody: Uint8Array): OxaPayCallbackRead {
	const root = tryParseJsonLossless(rawBody)?.root;
	return { root, key: oxaPayKeyFor(root?.type === 'object' ? textAt(root, 'type') : undefined) };
}

/**
 * Verifies an OxaPay callback over the raw bytes with the key its `type` calls for. Reasons: `missing_signature`
 * (no `HMAC` header), `no_key_configured` (that key is not set), `bad_format` (not hex), `mismatch`.
 */
export function verifyOxaPayCallback(
	rawBody: Uint8Array,
	signature: string | undefined,
	read: OxaPayCallbackRead,
	keys: OxaPayKeys,
): VerifyResult<{ key: OxaPayKeyName }> {
	const verified = verifyBodyHmac(rawBody, signature, keys[read.key] ?? '', OXAPAY_SCHEME);
	return verified.ok ? { ok: true, value: { key: read.key } } : verified;
}
