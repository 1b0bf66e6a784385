import { crypto2bKeyProblem, decodeCrypto2bSecret, publicKeyMatches } from '../../../nodes/Crypto2b/keys';
import { vectors as V } from './fixtures';

describe('decodeCrypto2bSecret', () => {
	it('decodes the docs example secret to 128 bytes (shared/providers/crypto2b.md)', () => {
		expect(decodeCrypto2bSecret(V.secretKeyBase64)?.length).toBe(V.secretKeyDecodedLength);
	});

	it('ignores surrounding whitespace such as a pasted line break', () => {
		const decoded = decodeCrypto2bSecret(`  ${V.secretKeyBase64}\n`);
		expect(decoded?.equals(Buffer.from(V.secretKeyBase64, 'base64'))).toBe(true);
	});

	it.each([
		['empty', ''],
		['not base64', 'this is not base64!'],
		['missing padding', V.secretKeyBase64.replace(/=+$/, '')],
		['base64url alphabet', V.secretKeyBase64.replace(/\+/g, '-').replace(/\//g, '_')],
		['whitespace inside', `${V.secretKeyBase64.slice(0, 40)} ${V.secretKeyBase64.slice(40)}`],
		['wrong length', `${V.secretKeyBase64}A`],
	])('refuses %s', (_name, text) => {
		expect(decodeCrypto2bSecret(text)).toBeUndefined();
	});
});

describe('publicKeyMatches', () => {
	it('compares hex case-insensitively and trims', () => {
		expect(publicKeyMatches(V.publicKey, ` ${V.publicKey.toUpperCase()} `)).toBe(true);
		expect(publicKeyMatches(V.publicKey, `${V.publicKey.slice(0, 31)}0`)).toBe(false);
	});

	it('an empty configured key never matches', () => {
		expect(publicKeyMatches('', '')).toBe(false);
		expect(publicKeyMatches('  ', '  ')).toBe(false);
	});
});

describe('crypto2bKeyProblem', () => {
	it('accepts the spec keys, strictly too', () => {
		expect(crypto2bKeyProblem(V.publicKey, V.secretKeyBase64, true)).toBeUndefined();
	});

	it.each([
		['empty public key', '', V.secretKeyBase64, /Public Key is empty/],
		['empty secret', V.publicKey, ' ', /Secret Key is empty/],
		['non-base64 secret', V.publicKey, 'secret!', /not valid base64/],
		['swapped keys', V.secretKeyBase64, V.secretKeyBase64, /same as the Public Key/],
	])('reports %s (also when not strict)', (_name, pub, secret, message) => {
		expect(crypto2bKeyProblem(pub, secret)).toMatch(message);
		expect(crypto2bKeyProblem(pub, secret, true)).toMatch(message);
	});

	it('only the strict check flags shapes that differ from the documented ones', () => {
		expect(crypto2bKeyProblem('d93b4098-3c61-423c-9a84-9956bf1c3549', V.secretKeyBase64)).toBeUndefined();
		expect(crypto2bKeyProblem('d93b4098-3c61-423c-9a84-9956bf1c3549', V.secretKeyBase64, true)).toMatch(/32 hexadecimal/);
		const publicKeyShaped = '0123456789abcdef'.repeat(2);
		expect(crypto2bKeyProblem(V.publicKey, publicKeyShaped)).toBeUndefined();
		expect(crypto2bKeyProblem(V.publicKey, publicKeyShaped, true)).toMatch(/looks like a public key/);
	});

	it('never repeats the secret in its message', () => {
		const secret = 'c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw=!';
		expect(crypto2bKeyProblem(V.publicKey, secret)).not.toContain('c2VjcmV0');
	});
});
