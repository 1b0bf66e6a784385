import { timingSafeEqual } from 'node:crypto';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;

/** Constant-time comparison of two byte strings; different lengths are unequal (checked first, not secret). */
export function bytesEqual(expected: Uint8Array, received: Uint8Array): boolean {
	if (expected.length !== received.length || expected.length === 0) return false;
	return timingSafeEqual(expected, received);
}

/** Strict hex decoding (even length, hex digits only); `undefined` when the text is not hex. */
export function decodeHex(text: string): Buffer | undefined {
	return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/**
 * Strict base64 decoding (standard alphabet with padding, or base64url with or without it); `undefined` when
 * malformed. Only the canonical text of some bytes is accepted: Node ignores the low bits the padding drops, so
 * without the round-trip check 'AP8Qqx==' would decode to the bytes of 'AP8Qqw==' and a signature could be altered
 * and still verify.
 */
export function decodeBase64(text: string): Buffer | undefined {
	if (text.length === 0) return undefined;
	if (BASE64.test(text)) {
		const bytes = Buffer.from(text, 'base64');
		return bytes.toString('base64') === text ? bytes : undefined;
	}
	if (BASE64URL.test(text)) {
		const bytes = Buffer.from(text, 'base64url');
		return bytes.toString('base64url') === text.replace(/=+$/, '') ? bytes : undefined;
	}
	return undefined;
}

/** Compares a computed digest with a hex digest received from a provider (case-insensitive), in constant time. */
export function hexDigestEquals(expected: Uint8Array, receivedHex: string): boolean {
	const received = decodeHex(receivedHex.trim());
	return received !== undefined && bytesEqual(expected, received);
}

/** Compares a computed digest with a base64 digest received from a provider, in constant time. */
export function base64DigestEquals(expected: Uint8Array, receivedBase64: string): boolean {
	const received = decodeBase64(receivedBase64.trim());
	return received !== undefined && bytesEqual(expected, received);
}
