/**
 * A trigger as the scenario generators see it: how to build a valid callback for a fresh id (signed with the
 * package's own `sign…()` helpers and the e2e test keys) and where its proof of origin sits, so a scenario can break
 * exactly one thing. Used by the hostile generator (../hostile/targets.ts, ../hostile/mutations.ts) and by the
 * provider contract scenarios (../callbacks.e2e.ts, ../cases/).
 */
import { createHash } from 'node:crypto';

import type { RawRequest } from './rawHttp';

/** Deterministic UUID-shaped id from any text (ids in callbacks built for a nonce). */
export const uuidOf = (text: string): string => {
	const h = createHash('sha1').update(text).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** What the proof of origin covers: the raw bytes, the parsed value (signature inside the body) or nothing (a token). */
export type SignedKind = 'raw' | 'value' | 'token';

export interface BuildOptions {
	/** Makes the callback distinct (ids, order ids, emails). */
	nonce: string;
	/** Sign another callback's body (the one of this nonce) and send this one's. */
	signNonce?: string;
	/** Sign for this URL instead of the lane's (targets whose signature covers the URL). */
	signUrl?: string;
	/** Sign with a key that is not the configured one. */
	otherKey?: boolean;
	/** Signing time (Unix ms); default now. */
	atMs?: number;
	/** Timestamp text sent and signed instead of `atMs` (malformed values). */
	timestampText?: string;
	/** Crypto2B: the signed X-Processing-RecvWindow (default '5000'). */
	recvWindow?: string;
	/** CryptAPI: a POST JSON callback instead of a GET one. */
	post?: boolean;
	/** CryptAPI GET: the raw query to send (signed is the untampered one). */
	sendQuery?: (query: string) => string;
}

/** How to make callbacks of one trigger; a hostile `Target` adds the lanes it attacks. */
export interface CallbackBuilder {
	kind: SignedKind;
	/** Methods n8n registered for this trigger. */
	methods: string[];
	/** Lower-case header carrying the signature/token ('' when it is the `sign`/`signature` member of the body). */
	signatureHeader: string;
	/** How the signature is written ('token' = a bearer token, compared as text). */
	encoding: 'hex' | 'base64' | 'token';
	/** Build options that make the callback carry a body (CryptAPI: POST instead of its GET callback). */
	withBody?: Partial<BuildOptions>;
	/** The signature header may list several signatures, any valid one counts (Cryptofuse: key rotation). */
	signatureList?: boolean;
	/** Other lower-case headers that must be present and unmodified. */
	requiredHeaders: string[];
	/** Signed timestamp: the header and what a valid one looks like, or undefined. */
	timestamp?: { header: string; windowMs: number; unit: 'ms' | 's' };
	/** The signature covers the URL (path and query). */
	signsUrl: boolean;
	/**
	 * A value-signed body whose members are signed sorted by key (NOWPayments): the order they arrive in is not part
	 * of what is signed, so reordering them is no attack on this target.
	 */
	sortsKeys?: boolean;
	/** A valid callback for `url` (the lane's production or test URL). */
	build(url: string, o: BuildOptions): RawRequest;
}

// ---------------------------------------------------------------------------------------------- request edits

export const headerOf = (req: RawRequest, name: string): string | undefined =>
	req.headers.find(([n]) => n.toLowerCase() === name)?.[1];

/** The request with header `name` (lower case) set to `value`, or removed when `value` is undefined. */
export const withHeader = (req: RawRequest, name: string, value: string | undefined): RawRequest => ({
	...req,
	headers: value === undefined
		? req.headers.filter(([n]) => n.toLowerCase() !== name)
		: req.headers.map(([n, v]) => (n.toLowerCase() === name ? [n, value] : [n, v])),
});

export const bodyText = (req: RawRequest): string => (req.body ?? Buffer.alloc(0)).toString('utf8');
export const withBodyText = (req: RawRequest, body: string): RawRequest => ({ ...req, body: Buffer.from(body, 'utf8') });

const BODY_SIGNATURE = /"(?:sign|signature)":"([^"]*)"/;

/** The signature/token of a request: in its header, or the `sign`/`signature` member of the body. */
export function signatureOf(t: CallbackBuilder, req: RawRequest): string {
	if (t.signatureHeader === 'authorization') return (headerOf(req, 'authorization') ?? '').replace(/^Bearer /, '');
	if (t.signatureHeader) return headerOf(req, t.signatureHeader) ?? '';
	return BODY_SIGNATURE.exec(bodyText(req))?.[1] ?? '';
}

/** The request with its signature/token replaced by `sig`. */
export function withSignature(t: CallbackBuilder, req: RawRequest, sig: string): RawRequest {
	if (t.signatureHeader === 'authorization') return withHeader(req, 'authorization', `Bearer ${sig}`);
	if (t.signatureHeader) return withHeader(req, t.signatureHeader, sig);
	const escaped = sig.replace(/[\\"]/g, (c) => `\\${c}`);
	return withBodyText(req, bodyText(req).replace(/("(?:sign|signature)":")[^"]*(")/, (_m, a: string, b: string) => `${a}${escaped}${b}`));
}

/** The request without its signature: the header removed, or the body member cut out (with its comma). */
export function withoutSignature(t: CallbackBuilder, req: RawRequest): RawRequest {
	if (t.signatureHeader) return withHeader(req, t.signatureHeader, undefined);
	return withBodyText(req, bodyText(req).replace(/,?"(?:sign|signature)":"[^"]*"/, '').replace(/^\{,/, '{'));
}

/** The signature with its digit at `index` (mod length, after any `label=` prefix) changed to another digit. */
export function flipSignatureDigit(sig: string, index: number, step = 1): string {
	const label = /^[A-Za-z0-9_-]{1,16}=/.exec(sig)?.[0] ?? '';
	const digest = sig.slice(label.length);
	if (digest === '') return sig;
	const hex = /^[0-9a-f]+$/i.test(digest);
	const alphabet = hex ? '0123456789abcdef' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	const i = index % digest.length;
	const at = alphabet.indexOf(hex ? digest[i].toLowerCase() : digest[i]);
	const c = alphabet[(Math.max(at, 0) + 1 + (step % (alphabet.length - 1))) % alphabet.length];
	return label + digest.slice(0, i) + c + digest.slice(i + 1);
}
