import { createHmac } from 'node:crypto';

export type HmacAlgorithm = 'sha256' | 'sha512';

/** HMAC digest bytes of `data` (raw bytes or UTF-8 text) under `key` (raw bytes or UTF-8 text). */
export function hmacDigest(algorithm: HmacAlgorithm, key: Uint8Array | string, data: Uint8Array | string): Buffer {
	return createHmac(algorithm, key).update(data).digest();
}

/** Concatenates text and byte parts into the exact bytes to sign (text as UTF-8). */
export function concatBytes(...parts: Array<Uint8Array | string>): Buffer {
	return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
}
