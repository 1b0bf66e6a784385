/**
 * NOWPayments IPN signatures (https://documenter.getpostman.com/view/7907941/2s93JusNJt, "Instant Payments
 * Notifications"; evidence and sources in docs/providers/nowpayments.md).
 *
 * - Header `x-nowpayments-sig`: lowercase hex of HMAC-SHA512, key = the IPN secret (surrounding whitespace trimmed,
 *   as NOWPayments' PHP sample and Node SDK do), 128 hex digits.
 * - Signed bytes: the body's JSON with its keys sorted at every depth, printed as JavaScript's `JSON.stringify`
 *   prints it (`./canonical.ts`). NOWPayments sends exactly that text as the body; the verifier rebuilds it from the
 *   parsed body, as NOWPayments' SDK does, so a body re-encoded on the way still verifies by its value.
 * - Signature forms a trigger may accept: `sortedDeep` (lists kept: NOWPayments' SDK, and what genuine IPNs carry)
 *   and `listsAsObjects` (the documentation's Node sample, which prints a list as `{"0":…}`). Both cover every
 *   member. The 2021 documentation's replacer array (nested objects printed empty) and the PHP / Python samples'
 *   re-encodings are not forms: genuine IPNs do not verify with them (see the docs file).
 * - No timestamp is signed, so there is no replay window; deliveries repeat by design (dedupe downstream).
 *
 * Pure: imports only `node:crypto` (through the shared HMAC helper) and the package's own pure helpers.
 */
import { hexDigestEquals } from '../shared/constantTime';
import { hmacDigest } from '../shared/hmac';
import { encodeJsJson } from '../shared/jsJson';
import { attempt, JsonFormatError, parseJsonLossless, type JsonNode, type ParsedJson } from '../shared/losslessJson';
import type { VerifyResult } from '../shared/types';
import { sortedJsonText, sortedValue, type ListForm } from './canonical';

export const NOWPAYMENTS_SIGNATURE_HEADER = 'x-nowpayments-sig';

/** The signature forms, in the order they are tried. */
export type NowPaymentsSignatureForm = ListForm;
export const NOWPAYMENTS_SIGNATURE_FORMS: readonly NowPaymentsSignatureForm[] = ['sortedDeep', 'listsAsObjects'];

/** What a trigger accepts unless configured otherwise: the form genuine IPNs carry. */
export const DEFAULT_SIGNATURE_FORMS: readonly NowPaymentsSignatureForm[] = ['sortedDeep'];

const SIGNATURE = /^[0-9a-fA-F]{128}$/;

function secretKey(ipnSecret: string): string {
	if (typeof ipnSecret !== 'string' || ipnSecret.trim() === '') {
		throw new TypeError('n8n-nodes-crypto-webhooks: a NOWPayments signature needs a non-empty IPN secret');
	}
	return ipnSecret.trim();
}

/** Hex HMAC-SHA512 of `signedText` under the IPN secret: the `x-nowpayments-sig` of that text. */
export function signNowPayments(signedText: string, ipnSecret: string): string {
	return hmacDigest('sha512', secretKey(ipnSecret), signedText).toString('hex');
}

/**
 * An IPN as NOWPayments sends it, for tests and the fake API: the body is the payload's JSON sorted at every depth
 * (JavaScript's printing), the signature covers the text of `form`.
 */
export function signNowPaymentsIpn(
	payloadJson: string,
	ipnSecret: string,
	form: NowPaymentsSignatureForm = 'sortedDeep',
): { body: string; signature: string } {
	const { root } = parseJsonLossless(payloadJson);
	return { body: sortedJsonText(root, 'sortedDeep'), signature: signNowPayments(sortedJsonText(root, form), ipnSecret) };
}

/** A body read without any key: parsed, and its value as NOWPayments printed it (keys sorted, numbers re-printed). */
export interface NowPaymentsIpnRead {
	parsed: ParsedJson;
	/** The body's value in the signed text's order and number texts (lists kept): what the item is built from. */
	signed: JsonNode;
	signature: string;
}

/**
 * The keyless half of verification, so a node can refuse before it loads its credential. Reasons:
 * `missing_signature` (no or blank header), `bad_format` (a header that is not 128 hex digits, or a body that is not
 * a JSON object in valid UTF-8) — `bodyProblem` tells the two apart.
 */
export function readNowPaymentsIpn(
	rawBody: Uint8Array,
	signatureHeader: string | undefined,
): VerifyResult<NowPaymentsIpnRead> & { bodyProblem?: boolean } {
	const signature = (signatureHeader ?? '').trim();
	if (signature === '') return { ok: false, reason: 'missing_signature' };
	if (!SIGNATURE.test(signature)) return { ok: false, reason: 'bad_format' };
	const parsed = attempt(() => parseJsonLossless(rawBody));
	if (parsed instanceof JsonFormatError || parsed.root.type !== 'object') {
		return { ok: false, reason: 'bad_format', bodyProblem: true };
	}
	return { ok: true, value: { parsed, signed: sortedValue(parsed.root, 'sortedDeep'), signature } };
}

/**
 * The keyed half: checks the signature against each accepted form, `sortedDeep` first. Reasons:
 * `no_key_configured` (blank secret or no form accepted), `mismatch`.
 */
export function checkNowPaymentsSignature(
	read: NowPaymentsIpnRead,
	ipnSecret: string,
	forms: readonly NowPaymentsSignatureForm[] = DEFAULT_SIGNATURE_FORMS,
): VerifyResult<{ form: NowPaymentsSignatureForm }> {
	const key = (ipnSecret ?? '').trim();
	const tried = NOWPAYMENTS_SIGNATURE_FORMS.filter((form) => forms.includes(form));
	if (key === '' || tried.length === 0) return { ok: false, reason: 'no_key_configured' };
	for (const form of tried) {
		const text = form === 'sortedDeep' ? encodeJsJson(read.signed) : sortedJsonText(read.parsed.root, form);
		if (hexDigestEquals(hmacDigest('sha512', key, text), read.signature)) return { ok: true, value: { form } };
	}
	return { ok: false, reason: 'mismatch' };
}

/** Verifies an IPN over the raw request bytes: `readNowPaymentsIpn`, then `checkNowPaymentsSignature`. */
export function verifyNowPaymentsIpn(
	rawBody: Uint8Array,
	signatureHeader: string | undefined,
	ipnSecret: string,
	forms: readonly NowPaymentsSignatureForm[] = DEFAULT_SIGNATURE_FORMS,
): VerifyResult<NowPaymentsIpnRead & { form: NowPaymentsSignatureForm }> {
	const read = readNowPaymentsIpn(rawBody, signatureHeader);
	if (!read.ok) return { ok: false, reason: read.reason };
	const checked = checkNowPaymentsSignature(read.value, ipnSecret, forms);
	return checked.ok ? { ok: true, value: { ...read.value, form: checked.value.form } } : checked;
}
