/**
 * Crypto2B API keys as the merchant account issues them (docs.crypto2b.com/api/authorization):
 * - the public key: 32 hex digits without dashes, sent back in `X-Processing-Key`;
 * - the secret key: base64 text. The HMAC key is the base64-DECODED bytes (the docs' example decodes to 128 bytes),
 *   not the text itself.
 *
 * Pure: no n8n imports. Used by the trigger at activation and per request, and by the credential check.
 */
import { decodeBase64 } from '../shared/constantTime';

/** The documented public key shape: 32 hex digits, no dashes. */
export const CRYPTO2B_PUBLIC_KEY = /^[0-9a-fA-F]{32}$/;

/** Standard base64 with its `=` padding, as Crypto2B shows the secret (base64url and unpadded text are refused). */
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes the secret key text to the HMAC key bytes; `undefined` when it is empty or not valid base64.
 * Surrounding whitespace (a pasted line break) is ignored; whitespace inside the value is not.
 */
export function decodeCrypto2bSecret(secretKey: string): Buffer | undefined {
	const text = secretKey.trim();
	if (text === '' || !STANDARD_BASE64.test(text)) return undefined;
	return decodeBase64(text);
}

/** `true` when the `X-Processing-Key` header names the configured public key (hex, so case does not matter). */
export function publicKeyMatches(configured: string, received: string): boolean {
	const expected = configured.trim().toLowerCase();
	return expected !== '' && expected === received.trim().toLowerCase();
}

/**
 * What is wrong with a pair of keys, in words for the workflow author; `undefined` when they look usable.
 * `strict` also flags a public key that does not have the documented shape (used by the credential check only, so
 * an unexpected but genuine key never blocks activation).
 */
export function crypto2bKeyProblem(publicKey: string, secretKey: string, strict = false): string | undefined {
	const pub = publicKey.trim();
	const secret = secretKey.trim();
	if (pub === '') return 'The Public Key is empty. Copy it from the API keys section of your Crypto2B account.';
	if (secret === '') return 'The Secret Key is empty. Copy it from the API keys section of your Crypto2B account.';
	if (decodeCrypto2bSecret(secret) === undefined) {
		return 'The Secret Key is not valid base64. Paste it exactly as Crypto2B shows it (letters, digits, "+", "/", ending in "=" padding), without spaces or line breaks inside it.';
	}
	if (secret.toLowerCase() === pub.toLowerCase()) {
		return 'The Secret Key is the same as the Public Key. Paste the secret key into the Secret Key field.';
	}
	if (strict && !CRYPTO2B_PUBLIC_KEY.test(pub)) {
		return 'The Public Key does not look like a Crypto2B public key (32 hexadecimal characters, no dashes).';
	}
	if (strict && CRYPTO2B_PUBLIC_KEY.test(secret)) {
		return 'The Secret Key looks like a public key (32 hexadecimal characters). Paste the long base64 secret key instead.';
	}
	return undefined;
}
