/**
 * Cryptomus signatures (https://doc.cryptomus.com/merchant-api/request-format, payments/webhook).
 *
 * - Requests to the API: header `sign` = `md5(base64(body) + apiKey)` over the exact body bytes sent (empty body →
 *   the empty string), lowercase hex, next to header `merchant`.
 * - Webhooks: the `sign` member of the JSON body = `md5(base64(json) + apiKey)`, where `json` is the body without
 *   `sign` re-encoded as PHP's `json_encode(…, JSON_UNESCAPED_UNICODE)` prints it (see `../shared/phpJson.ts`).
 *   Payment and wallet webhooks use the payment key, live payouts the payout key: both configured keys are tried,
 *   payment first, and the result says which one matched. No timestamp is signed, so there is no replay window.
 *
 * Pure: imports only `node:crypto` and the package's own pure helpers.
 */
import { createHash } from 'node:crypto';

import { hexDigestEquals } from '../shared/constantTime';
import { attempt, JsonFormatError, parseJsonLossless, type JsonNode, type ParsedJson } from '../shared/losslessJson';
import { encodePhpJson, PhpJsonError } from '../shared/phpJson';
import type { VerifyResult } from '../shared/types';

export type CryptomusKeyName = 'payment' | 'payout';

export interface CryptomusKeys {
	payment?: string;
	payout?: string;
}

function md5Base64(text: string, apiKey: string): Buffer {
	return createHash('md5')
		.update(Buffer.from(text, 'utf8').toString('base64') + apiKey, 'utf8')
		.digest();
}

/** `md5(base64(text) + apiKey)` as lowercase hex: the `sign` of an API request body or of a re-encoded webhook. */
export function signCryptomus(text: string, apiKey: string): string {
	if (typeof text !== 'string' || typeof apiKey !== 'string' || apiKey === '') {
		throw new TypeError('n8n-nodes-crypto-webhooks: signCryptomus needs a text and a non-empty API key');
	}
	return md5Base64(text, apiKey).toString('hex');
}

/** The text Cryptomus signs for a webhook: the body without its top-level `sign`, PHP-encoded. */
export function cryptomusSignedText(root: JsonNode): string {
	if (root.type !== 'object') throw new PhpJsonError('a Cryptomus webhook body must be a JSON object');
	return encodePhpJson({ type: 'object', members: root.members.filter((m) => m.key !== 'sign') });
}

/**
 * Signs a webhook body the way Cryptomus does and returns the delivered body text: the given JSON text (without a
 * `sign` member) with `"sign":"…"` appended as the last member. For tests and the fake Cryptomus API.
 */
export function signCryptomusWebhookBody(jsonText: string, apiKey: string): string {
	const { root } = parseJsonLossless(jsonText);
	const sign = signCryptomus(cryptomusSignedText(root), apiKey);
	const trimmed = jsonText.trimEnd();
	const body = trimmed.slice(0, -1);
	const separator = root.type === 'object' && root.members.length > 0 ? ',' : '';
	return `${body}${separator}"sign":"${sign}"}`;
}

export interface VerifiedCryptomusWebhook {
	/** Which configured key produced the matching signature. */
	key: CryptomusKeyName;
	parsed: ParsedJson;
}

/** A webhook body read without any key: parsed, the text Cryptomus signed, and the `sign` it carries. */
export interface CryptomusWebhookRead {
	parsed: ParsedJson;
	signedText: string;
	sign: string;
}

/**
 * The keyless half of verification (so a node can refuse a malformed or unsigned body before it loads its
 * credential). Reasons: `bad_format` (not a JSON object, invalid UTF-8, or a value PHP could not have decoded),
 * `missing_signature` (no non-empty string `sign`).
 */
export function readCryptomusWebhook(rawBody: Uint8Array): VerifyResult<CryptomusWebhookRead> {
	const read = attempt(() => {
		const parsed = parseJsonLossless(rawBody);
		return { parsed, signedText: cryptomusSignedText(parsed.root) };
	});
	if (read instanceof JsonFormatError) return { ok: false, reason: 'bad_format' };
	const { parsed, signedText } = read;

	const signs = parsed.root.type === 'object' ? parsed.root.members.filter((m) => m.key === 'sign') : [];
	const sign = signs[signs.length - 1]?.value;
	if (sign?.type !== 'string' || sign.value === '') return { ok: false, reason: 'missing_signature' };
	return { ok: true, value: { parsed, signedText, sign: sign.value } };
}

/**
 * The keyed half: checks a read body's `sign` against the configured keys, payment first. Reasons:
 * `no_key_configured` (neither key set), `mismatch` (no configured key matches).
 */
export function checkCryptomusSign(read: CryptomusWebhookRead, keys: CryptomusKeys): VerifyResult<VerifiedCryptomusWebhook> {
	const candidates = (['payment', 'payout'] as const).filter((name) => (keys[name] ?? '') !== '');
	if (candidates.length === 0) return { ok: false, reason: 'no_key_configured' };
	for (const name of candidates) {
		if (hexDigestEquals(md5Base64(read.signedText, keys[name] as string), read.sign)) {
			return { ok: true, value: { key: name, parsed: read.parsed } };
		}
	}
	return { ok: false, reason: 'mismatch' };
}

/**
 * Verifies a Cryptomus webhook over the raw request bytes: `readCryptomusWebhook`, then `checkCryptomusSign`.
 *
 * Reasons: `no_key_configured` (neither key set), `bad_format` (not a JSON object, invalid UTF-8, or a value PHP
 * could not have decoded), `missing_signature` (no string `sign`), `mismatch` (no configured key matches).
 */
export function verifyCryptomusWebhook(
	rawBody: Uint8Array,
	keys: CryptomusKeys,
): VerifyResult<VerifiedCryptomusWebhook> {
	if (!keys.payment && !keys.payout) return { ok: false, reason: 'no_key_configured' };
	const read = readCryptomusWebhook(rawBody);
	return read.ok ? checkCryptomusSign(read.value, keys) : read;
}
