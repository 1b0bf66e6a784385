/**
 * Koywe webhook signatures. Two schemes, chosen by the trigger's "Signature Mode":
 *
 * - Body signature (Ramp API, https://github.com/koyweforest/gitbook/blob/main/documentacion/webhooks.md): the JSON
 *   body carries `signature` = lowercase hex HMAC-SHA256, keyed with the merchant-defined `secret`, of
 *   `JSON.stringify(payload)`. The docs do not say what `payload` is; the consistent reading (providers/koywe.md) is
 *   the body without `signature`, compact, in the received key order (`../shared/jsJson.ts`). As a fallback the
 *   raw body text with the `"signature":"…"` member cut out is also tried. `timeStamp` (ISO-8601) is inside the
 *   signed text, so an optional replay window can use it; the docs promise none, so it is off by default.
 * - Header signature (Payments API): header `Koywe-Signature` = lowercase hex HMAC-SHA256 of the raw body bytes,
 *   keyed with the endpoint secret. No timestamp is signed.
 *
 * Pure: imports only `node:crypto` (through the shared HMAC helper) and the package's own pure helpers.
 */
import { hexDigestEquals } from '../shared/constantTime';
import { hmacDigest } from '../shared/hmac';
import { encodeJsJson } from '../shared/jsJson';
import {
	attempt,
	JsonFormatError,
	parseJsonLossless,
	textAt,
	type JsonMember,
	type JsonObjectNode,
	type ParsedJson,
} from '../shared/losslessJson';
import { withinWindow } from '../shared/timeWindow';
import type { VerifyResult } from '../shared/types';

/** Lower-case name of the Payments API signature header. */
export const KOYWE_SIGNATURE_HEADER = 'koywe-signature';
/** The body member that carries the Ramp API signature. */
export const BODY_SIGNATURE_KEY = 'signature';
/** `timeStamp` as Koywe sends it: `2022-10-26T22:36:41.658Z` (an offset instead of `Z` is accepted too). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Lowercase hex HMAC-SHA256 of `data` (text as UTF-8, or raw bytes) with `secret`: both Koywe schemes' digest. */
export function signKoywe(data: string | Uint8Array, secret: string): string {
	if (typeof secret !== 'string' || secret === '') {
		throw new TypeError('n8n-nodes-crypto-webhooks: signKoywe needs a non-empty secret');
	}
	return hmacDigest('sha256', secret, data).toString('hex');
}

/**
 * Signs a Ramp API event the way Koywe does and returns the delivered body: the given JSON object text (without a
 * `signature` member), signed over its compact form, with `"signature":"…"` appended as the last member.
 */
export function signKoyweBody(payloadJsonText: string, secret: string): string {
	const { root } = parseJsonLossless(payloadJsonText);
	if (root.type !== 'object') throw new TypeError('n8n-nodes-crypto-webhooks: a Koywe event must be a JSON object');
	const signature = signKoywe(encodeJsJson(root), secret);
	const body = payloadJsonText.trimEnd().slice(0, -1);
	return `${body}${root.members.length > 0 ? ',' : ''}"${BODY_SIGNATURE_KEY}":"${signature}"}`;
}

/** The raw text with one member cut out, together with the comma that separated it from a neighbour. */
export function textWithoutMember(text: string, members: JsonMember[], index: number): string {
	const member = members[index];
	const previous = members[index - 1];
	const next = members[index + 1];
	if (previous) return text.slice(0, previous.end) + text.slice(member.end);
	if (next) return text.slice(0, member.start) + text.slice(next.start);
	return text.slice(0, member.start) + text.slice(member.end);
}

export interface BodyVerifyOptions {
	/** Reject events whose `timeStamp` is further than this from `now` (either direction); 0 or absent = off. */
	replayWindowMs?: number;
	now?: Date;
}

export interface VerifiedKoyweBody {
	parsed: ParsedJson;
	/** Which reading of "the payload" matched: the compact re-encoding, or the raw text minus the signature. */
	signedOver: 'compact' | 'raw';
}

/** A Ramp API event read without the secret: parsed, and where its `signature` member is. */
export interface KoyweBodyRead {
	parsed: ParsedJson & { root: JsonObjectNode };
	signatureIndex: number;
	signature: string;
}

/**
 * The secret-free half of body verification (so a node can refuse a malformed or unsigned event before it loads
 * its credential). Reasons: `bad_format` (not a JSON object, invalid UTF-8, several `signature` members),
 * `missing_signature` (no non-empty string `signature`).
 */
export function readKoyweBody(rawBody: Uint8Array): VerifyResult<KoyweBodyRead> {
	const parsed = attempt(() => parseJsonLossless(rawBody));
	if (parsed instanceof JsonFormatError || parsed.root.type !== 'object') return { ok: false, reason: 'bad_format' };
	const { members } = parsed.root;
	const signatureIndexes = members.flatMap((m, i) => (m.key === BODY_SIGNATURE_KEY ? [i] : []));
	if (signatureIndexes.length > 1) return { ok: false, reason: 'bad_format' };
	const signature = members[signatureIndexes[0]]?.value;
	if (signature?.type !== 'string' || signature.value === '') return { ok: false, reason: 'missing_signature' };
	const root = parsed.root;
	return { ok: true, value: { parsed: { text: parsed.text, root }, signatureIndex: signatureIndexes[0], signature: signature.value } };
}

/**
 * The keyed half: checks a read event's signature with the secret (compact re-encoding, then the raw text without
 * the member), then the optional replay window. Reasons: `no_key_configured`, `mismatch`, `stale`.
 */
export function checkKoyweBody(read: KoyweBodyRead, secret: string, options: BodyVerifyOptions = {}): VerifyResult<VerifiedKoyweBody> {
	if (secret === '') return { ok: false, reason: 'no_key_configured' };
	const { parsed, signatureIndex, signature } = read;
	const { members } = parsed.root;
	const payload = { type: 'object' as const, members: members.filter((_, i) => i !== signatureIndex) };
	let signedOver: VerifiedKoyweBody['signedOver'] | undefined;
	if (hexDigestEquals(hmacDigest('sha256', secret, encodeJsJson(payload)), signature)) {
		signedOver = 'compact';
	} else {
		const rawText = textWithoutMember(parsed.text, members, signatureIndex);
		if (hexDigestEquals(hmacDigest('sha256', secret, rawText), signature)) signedOver = 'raw';
	}
	if (!signedOver) return { ok: false, reason: 'mismatch' };

	const windowMs = options.replayWindowMs ?? 0;
	if (windowMs > 0) {
		const timeStamp = textAt(parsed.root, 'timeStamp') ?? '';
		const sentAt = ISO_TIMESTAMP.test(timeStamp) ? Date.parse(timeStamp) : NaN;
		if (!withinWindow(sentAt, (options.now ?? new Date()).getTime(), windowMs)) return { ok: false, reason: 'stale' };
	}
	return { ok: true, value: { parsed, signedOver } };
}

/**
 * Verifies a Ramp API event (signature in the body) over the raw request bytes: `readKoyweBody`, then
 * `checkKoyweBody`.
 *
 * Reasons: `no_key_configured` (empty secret), `bad_format` (not a JSON object, invalid UTF-8, several `signature`
 * members), `missing_signature` (no non-empty string `signature`), `mismatch` (neither reading matches), `stale`
 * (replay window on and `timeStamp` missing, malformed or outside it).
 */
export function verifyKoyweBodySignature(
	rawBody: Uint8Array,
	secret: string,
	options: BodyVerifyOptions = {},
): VerifyResult<VerifiedKoyweBody> {
	if (secret === '') return { ok: false, reason: 'no_key_configured' };
	const read = readKoyweBody(rawBody);
	return read.ok ? checkKoyweBody(read.value, secret, options) : read;
}

/**
 * Verifies a Payments API webhook: header `Koywe-Signature` (hex, case-insensitive) must equal HMAC-SHA256 of the
 * exact body bytes with the endpoint secret. Reasons: `no_key_configured`, `missing_signature`, `mismatch`.
 */
export function verifyKoyweHeaderSignature(
	rawBody: Uint8Array,
	signatureHeader: string | undefined,
	secret: string,
): VerifyResult {
	if (secret === '') return { ok: false, reason: 'no_key_configured' };
	if (signatureHeader === undefined || signatureHeader.trim() === '') return { ok: false, reason: 'missing_signature' };
	return hexDigestEquals(hmacDigest('sha256', secret, rawBody), signatureHeader)
		? { ok: true, value: undefined }
		: { ok: false, reason: 'mismatch' };
}
