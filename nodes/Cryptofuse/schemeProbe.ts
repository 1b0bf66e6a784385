/**
 * Cryptofuse does not document its signature scheme, so the defaults may be wrong for a real account. When a
 * delivery fails verification, this looks for other settings under which one of its signatures matches the
 * user's secret, so the n8n log can say exactly what to change. It never lets a request through: the caller still
 * answers 401.
 *
 * Bounded work: bodies up to `PROBE_MAX_BODY_BYTES`, at most `PROBE_MAX_HEADERS` header names of each kind, one
 * HMAC per (signed content, algorithm) pair — at most 2 × (1 + 3) = 8 — and cheap comparisons after that.
 *
 * Pure: imports only `node:crypto` (through the shared helpers) and the package's own pure helpers.
 */
import { base64DigestEquals, hexDigestEquals } from '../shared/constantTime';
import { hmacDigest, type HmacAlgorithm } from '../shared/hmac';
import type { CryptofuseSignatureSettings, SignatureEncoding, SignedContent } from './settings';
import {
	cryptofuseSignedBytes,
	headerText,
	MAX_SIGNATURES_PER_HEADER,
	SIGNATURE_LABEL,
	SIGNATURE_SEPARATORS,
	type HeaderMap,
} from './signature';

/** Larger bodies are not probed (the probe runs on rejected, possibly hostile requests). */
export const PROBE_MAX_BODY_BYTES = 64 * 1024;
export const PROBE_MAX_HEADERS = 3;

/** Setting name → the value that would have verified the request. */
export type ProbeFinding = Record<string, string>;

const ALGORITHMS: HmacAlgorithm[] = ['sha256', 'sha512'];
const ENCODINGS: Array<[SignatureEncoding, (expected: Uint8Array, received: string) => boolean]> = [
	['hex', hexDigestEquals],
	['base64', base64DigestEquals],
];

/** The configured header name first, then other request headers whose name matches `pattern`. */
function headerCandidates(configured: string, names: string[], pattern: RegExp): string[] {
	const all = [configured.toLowerCase(), ...names.filter((name) => pattern.test(name))];
	return [...new Set(all)].slice(0, PROBE_MAX_HEADERS);
}

/**
 * Settings (other than the configured ones) under which a signature in this request matches `secret`: the
 * setting names that differ and their values; `undefined` when none does. The replay window is not checked here.
 */
export function probeCryptofuseScheme(
	rawBody: Uint8Array,
	headers: HeaderMap,
	secret: string,
	settings: CryptofuseSignatureSettings,
): ProbeFinding | undefined {
	const key = secret.trim();
	if (key === '' || rawBody.length > PROBE_MAX_BODY_BYTES) return undefined;
	const names = Object.keys(headers);
	const contents: Array<{ signedContent: SignedContent; timestampHeader: string; text: string }> = [
		{ signedContent: 'rawBody', timestampHeader: settings.timestampHeader, text: '' },
	];
	for (const name of headerCandidates(settings.timestampHeader, names, /timestamp/i)) {
		const text = headerText(headers, name);
		if (text !== undefined) contents.push({ signedContent: 'timestampDotBody', timestampHeader: name, text });
	}
	const signatures = headerCandidates(settings.signatureHeader, names, /sign|hmac/i).flatMap((header) =>
		(headerText(headers, header) ?? '')
			.split(SIGNATURE_SEPARATORS)
			.filter((part) => part !== '')
			.slice(0, MAX_SIGNATURES_PER_HEADER)
			.map((part) => ({ header, prefix: SIGNATURE_LABEL.exec(part)?.[1] ?? '', part })),
	);
	for (const { signedContent, timestampHeader, text } of contents) {
		for (const algorithm of ALGORITHMS) {
			const digest = hmacDigest(algorithm, key, cryptofuseSignedBytes(rawBody, signedContent, text));
			for (const { header, prefix, part } of signatures) {
				for (const [encoding, equals] of ENCODINGS) {
					if (!equals(digest, part.slice(prefix.length))) continue;
					const found = { signatureHeader: header, algorithm, encoding, prefix, signedContent, timestampHeader };
					return differences(found, settings);
				}
			}
		}
	}
	return undefined;
}

/** The settings in `found` that differ from the configured ones (case-insensitively), or `undefined` if none. */
function differences(found: Record<string, string>, settings: CryptofuseSignatureSettings): ProbeFinding | undefined {
	const out: ProbeFinding = {};
	for (const [name, value] of Object.entries(found)) {
		if (name === 'timestampHeader' && found.signedContent !== 'timestampDotBody') continue;
		const current = String(settings[name as keyof CryptofuseSignatureSettings]);
		if (current.toLowerCase() !== value.toLowerCase()) out[name] = value;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}
