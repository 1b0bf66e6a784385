/**
 * CryptAPI's signing key: the published default, and the user's optional replacement (key rotation, tests), parsed
 * once per distinct PEM text and cached as a `KeyObject`.
 *
 * Pure: imports only `node:crypto`.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';

/** Published at https://api.cryptapi.io/pubkey/ and on docs.cryptapi.io/webhooks/verify-webhook-signature. */
export const CRYPTAPI_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC3FT0Ym8b3myVxhQW7ESuuu6lo
dGAsUJs4fq+Ey//jm27jQ7HHHDmP1YJO7XE7Jf/0DTEJgcw4EZhJFVwsk6d3+4fy
Bsn0tKeyGMiaE6cVkX0cy6Y85o8zgc/CwZKc0uw6d5siAo++xl2zl+RGMXCELQVE
ox7pp208zTvown577wIDAQAB
-----END PUBLIC KEY-----
`;

/** The smallest RSA key accepted (CryptAPI's own key is 1024-bit), in bits. */
export const MIN_RSA_KEY_BITS = 1024;

/** How many distinct PEM texts are kept parsed (one per configured node is typical). */
const KEY_CACHE_LIMIT = 32;

/** A key the user configured cannot be used. The message never contains the key text. */
export class CryptApiKeyError extends Error {
	constructor(message: string) {
		super(`n8n-nodes-crypto-webhooks: ${message}`);
		this.name = 'CryptApiKeyError';
	}
}

const PEM_PUBLIC = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/;
const PEM_PRIVATE = /-----BEGIN (?:RSA |ENCRYPTED |EC )?PRIVATE KEY-----/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Brings a pasted key into canonical PEM: accepts the literal `\n` escapes of the JSON at /pubkey/, a PEM squeezed
 * onto one line by a form field, or the bare base64 body. Throws `CryptApiKeyError` for anything else.
 */
export function normalizePublicKeyPem(text: string): string {
	const unescaped = text.replace(/\\n/g, '\n').replace(/\\r/g, '').trim();
	if (PEM_PRIVATE.test(unescaped)) {
		throw new CryptApiKeyError('this is a private key; paste CryptAPI\'s PUBLIC key (BEGIN PUBLIC KEY)');
	}
	const match = PEM_PUBLIC.exec(unescaped);
	if (!match && unescaped.includes('-----')) {
		throw new CryptApiKeyError('the public key must be a PEM "BEGIN PUBLIC KEY" block');
	}
	const body = (match ? match[1] : unescaped).replace(/\s+/g, '');
	if (!BASE64_BODY.test(body)) throw new CryptApiKeyError('the public key is not valid PEM (bad base64)');
	const lines = body.match(/.{1,64}/g) ?? [];
	return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

function parsePublicKey(text: string): KeyObject {
	const pem = normalizePublicKeyPem(text);
	let key: KeyObject | undefined;
	try {
		key = createPublicKey({ key: pem, format: 'pem' });
	} catch {
		key = undefined;
	}
	if (!key) throw new CryptApiKeyError('the public key could not be parsed (is the PEM complete?)');
	const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
	if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_KEY_BITS) {
		throw new CryptApiKeyError(`the public key must be an RSA key of at least ${MIN_RSA_KEY_BITS} bits`);
	}
	return key;
}

const keyCache = new Map<string, KeyObject>();

/**
 * The RSA key to verify with: `pemText` parsed (cached by its exact text), or CryptAPI's published key when it is
 * empty. Throws `CryptApiKeyError` when the text is not a usable RSA public key.
 */
export function cryptApiPublicKey(pemText: string | undefined): KeyObject {
	const text = (pemText ?? '').trim() === '' ? CRYPTAPI_PUBLIC_KEY_PEM : (pemText as string);
	let key = keyCache.get(text);
	if (!key) {
		key = parsePublicKey(text);
		if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
		keyCache.set(text, key);
	}
	return key;
}

/** Like `cryptApiPublicKey`, but returns the `CryptApiKeyError` instead of throwing it (other errors propagate). */
export function tryCryptApiPublicKey(pemText: string | undefined): KeyObject | CryptApiKeyError {
	let unexpected: unknown;
	try {
		return cryptApiPublicKey(pemText);
	} catch (error) {
		if (error instanceof CryptApiKeyError) return error;
		unexpected = error;
	}
	throw unexpected;
}
