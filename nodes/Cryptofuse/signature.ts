/**
 * Cryptofuse v1.0 webhook signatures, configurable because the provider's public docs do not pin them down.
 *
 * Cryptofuse says every v1.0 webhook carries "an HMAC signature for verification" and a timestamp, keyed by the
 * `webhook_secret` set with `PATCH https://api.cryptofuse.io/user/webhooks/` (secrets look like `whsk_…`), but the
 * docs that could be retrieved name neither the header, the hash, the signed bytes nor the encoding
 * (https://cryptofuse-docs.pages.dev/api-reference/webhook-reference, https://docs.cryptofuse.io/guides/webhook-flow-guide).
 * So every part is a setting, with these defaults:
 *
 * - header `X-Cryptofuse-Signature`: one or more signatures separated by commas and/or spaces (secret rotation);
 *   any one of them matching is enough;
 * - each signature: optional fixed prefix (e.g. `sha256=`, compared case-insensitively), then the digest as
 *   lowercase/uppercase hex (default) or base64 (standard or URL-safe alphabet);
 * - algorithm: HMAC-SHA256 (default) or HMAC-SHA512, keyed with the secret's UTF-8 bytes exactly as given
 *   (surrounding whitespace trimmed; a `whsk_` prefix is part of the key);
 * - signed bytes: the raw request body (default), or `<timestamp header text> + "." + <raw body>`; only in the
 *   second case is the timestamp authenticated, so only then is it checked against `replayWindowSeconds`
 *   (both directions; formats in `./timestamp.ts`).
 *
 * Pure: imports only `node:crypto` (through the shared helpers) and the package's own pure helpers.
 */
import { base64DigestEquals, hexDigestEquals } from '../shared/constantTime';
import { concatBytes, hmacDigest } from '../shared/hmac';
import { withinWindow } from '../shared/timeWindow';
import type { RejectReason } from '../shared/types';
import type { CryptofuseSignatureSettings, SignedContent } from './settings';
import { parseTimestampHeader } from './timestamp';

/** More signatures than this in one header is not a rotation but a malformed (or hostile) header. */
export const MAX_SIGNATURES_PER_HEADER = 10;

/** Request headers with lower-case names, as Node and n8n hand them over. */
export type HeaderMap = Record<string, string | string[] | undefined>;

/** Between the signatures of one header value. */
export const SIGNATURE_SEPARATORS = /[\s,]+/;
/** A `name=` label in front of a digest (`sha256=…`, `v1=…`). */
export const SIGNATURE_LABEL = /^([A-Za-z0-9_-]{1,16}=)/;

/** The exact bytes that are signed: the raw body, or `timestamp + "." + rawBody`. */
export function cryptofuseSignedBytes(rawBody: Uint8Array, signedContent: SignedContent, timestampText: string): Buffer {
	return signedContent === 'timestampDotBody' ? concatBytes(timestampText, '.', rawBody) : concatBytes(rawBody);
}

/** One signature as it appears in the header: prefix + encoded HMAC of the signed bytes. */
export function signCryptofuse(
	rawBody: Uint8Array,
	secret: string,
	settings: CryptofuseSignatureSettings,
	timestampText = '',
): string {
	if (typeof secret !== 'string' || secret.trim() === '') {
		throw new TypeError('n8n-nodes-crypto-webhooks: signCryptofuse needs a non-empty webhook secret');
	}
	const digest = hmacDigest(settings.algorithm, secret.trim(), cryptofuseSignedBytes(rawBody, settings.signedContent, timestampText));
	return settings.prefix + digest.toString(settings.encoding);
}

/** Headers of a correctly signed delivery (timestamp in Unix seconds at `now` when it is signed). For tests/tools. */
export function cryptofuseSignedHeaders(
	rawBody: Uint8Array,
	secret: string,
	settings: CryptofuseSignatureSettings,
	now: Date,
): Record<string, string> {
	if (settings.signedContent !== 'timestampDotBody') {
		return { [settings.signatureHeader]: signCryptofuse(rawBody, secret, settings) };
	}
	const timestamp = String(Math.floor(now.getTime() / 1000));
	return {
		[settings.timestampHeader]: timestamp,
		[settings.signatureHeader]: signCryptofuse(rawBody, secret, settings, timestamp),
	};
}

export type CryptofuseVerifyResult =
	| { ok: true; value: { timestampMs?: number } }
	| { ok: false; reason: RejectReason; detail: string };

/** All values of a header joined with ',' (a repeated header is a list), or `undefined` when absent or blank. */
export function headerText(headers: HeaderMap, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	const text = (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
	return text === '' ? undefined : text;
}

function fail(reason: RejectReason, detail: string): CryptofuseVerifyResult {
	return { ok: false, reason, detail };
}

/** The digests in a header value with the prefix removed; a string explains a malformed value. */
function digestsIn(value: string, settings: CryptofuseSignatureSettings): string[] | string {
	const parts = value.split(SIGNATURE_SEPARATORS).filter((part) => part !== '');
	if (parts.length === 0) return 'no signature';
	if (parts.length > MAX_SIGNATURES_PER_HEADER) return `more than ${MAX_SIGNATURES_PER_HEADER} signatures`;
	const prefix = settings.prefix.toLowerCase();
	if (prefix === '') {
		const label = SIGNATURE_LABEL.exec(parts[0]);
		return label ? `signatures start with "${label[1]}": set it as the Signature Prefix` : parts;
	}
	const digests = parts
		.filter((part) => part.slice(0, prefix.length).toLowerCase() === prefix)
		.map((part) => part.slice(prefix.length));
	return digests.length > 0 ? digests : `no signature starts with the Signature Prefix "${settings.prefix}"`;
}

/**
 * Verifies a Cryptofuse v1.0 webhook over the raw request bytes (scheme and defaults in the file comment).
 *
 * `now` is the receiving time in Unix milliseconds (injectable clock). Reasons, each with a log-safe `detail`
 * (header names, counts and offsets only; never the secret, the signatures or the body):
 * `no_key_configured` (empty secret), `missing_signature` (no signature, or no timestamp when it is signed),
 * `bad_format` (timestamp in no accepted format, too many signatures, wrong prefix, undecodable digest),
 * `stale` (signed timestamp outside the replay window, either direction), `mismatch` (no signature matches).
 */
export function verifyCryptofuseWebhook(
	rawBody: Uint8Array,
	headers: HeaderMap,
	secret: string,
	settings: CryptofuseSignatureSettings,
	now: number,
): CryptofuseVerifyResult {
	const key = secret.trim();
	if (key === '') return fail('no_key_configured', 'the credential has no Webhook Secret');
	const signatureValue = headerText(headers, settings.signatureHeader);
	if (signatureValue === undefined) return fail('missing_signature', `no ${settings.signatureHeader} header`);

	let timestampText = '';
	let timestampMs: number | undefined;
	if (settings.signedContent === 'timestampDotBody') {
		timestampText = headerText(headers, settings.timestampHeader) ?? '';
		if (timestampText === '') return fail('missing_signature', `no ${settings.timestampHeader} header`);
		timestampMs = parseTimestampHeader(timestampText);
		if (timestampMs === undefined) {
			return fail('bad_format', `${settings.timestampHeader} is not Unix seconds, Unix milliseconds or ISO-8601`);
		}
		if (!withinWindow(timestampMs, now, settings.replayWindowSeconds * 1000)) {
			const offset = Math.round((now - timestampMs) / 1000);
			return fail('stale', `timestamp ${offset} s from now, window ${settings.replayWindowSeconds} s`);
		}
	}

	const digests = digestsIn(signatureValue, settings);
	if (typeof digests === 'string') return fail('bad_format', `${settings.signatureHeader}: ${digests}`);

	const expected = hmacDigest(settings.algorithm, key, cryptofuseSignedBytes(rawBody, settings.signedContent, timestampText));
	const equals = settings.encoding === 'hex' ? hexDigestEquals : base64DigestEquals;
	if (digests.some((digest) => equals(expected, digest))) return { ok: true, value: { timestampMs } };
	return fail('mismatch', `none of ${digests.length} signature(s) in ${settings.signatureHeader} matches`);
}
