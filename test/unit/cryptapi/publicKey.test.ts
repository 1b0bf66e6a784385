import { generateKeyPairSync } from 'node:crypto';

import {
	CRYPTAPI_PUBLIC_KEY_PEM,
	cryptApiPublicKey,
	CryptApiKeyError,
	normalizePublicKeyPem,
	tryCryptApiPublicKey,
} from '../../../nodes/CryptApi/publicKey';
import { TEST_PRIVATE_PEM, TEST_PUBLIC_PEM } from './fixtures';

const der = (pem: string) => cryptApiPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

describe('CryptAPI public key', () => {
	it('uses the published 1024-bit RSA key when the parameter is empty', () => {
		for (const empty of [undefined, '', '  \n']) {
			const key = cryptApiPublicKey(empty);
			expect(key.asymmetricKeyType).toBe('rsa');
			expect(key.asymmetricKeyDetails?.modulusLength).toBe(1024);
			expect(key.export({ type: 'spki', format: 'der' }).toString('base64')).toBe(body(CRYPTAPI_PUBLIC_KEY_PEM));
		}
	});

	it('parses a given PEM once and returns the cached key object', () => {
		expect(cryptApiPublicKey(TEST_PUBLIC_PEM)).toBe(cryptApiPublicKey(TEST_PUBLIC_PEM));
		expect(der(TEST_PUBLIC_PEM)).toBe(body(TEST_PUBLIC_PEM));
	});

	it('accepts the forms a pasted key arrives in: JSON escapes, one line, bare base64, CRLF', () => {
		const expected = body(TEST_PUBLIC_PEM);
		const variants = [
			TEST_PUBLIC_PEM.trim().replace(/\n/g, '\\n'),
			TEST_PUBLIC_PEM.trim().replace(/\n/g, ' '),
			expected,
			TEST_PUBLIC_PEM.replace(/\n/g, '\r\n'),
		];
		for (const variant of variants) expect(der(variant)).toBe(expected);
		expect(normalizePublicKeyPem(expected)).toBe(cryptApiPublicKey(TEST_PUBLIC_PEM).export({ type: 'spki', format: 'pem' }));
	});

	it('refuses a private key without echoing it', () => {
		const result = tryCryptApiPublicKey(TEST_PRIVATE_PEM);
		expect(result).toBeInstanceOf(CryptApiKeyError);
		expect((result as Error).message).toMatch(/private key/);
		expect((result as Error).message).not.toContain(body(TEST_PRIVATE_PEM).slice(0, 20));
	});

	it('refuses garbage, truncated PEM, non-RSA and short RSA keys', () => {
		const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' });
		const rsa512 = generateKeyPairSync('rsa', { modulusLength: 512 }).publicKey.export({ type: 'spki', format: 'pem' });
		const truncated = TEST_PUBLIC_PEM.replace(/\n[^\n]+\n-----END/, '\n-----END');
		for (const text of ['hello', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', truncated, ec, rsa512]) {
			expect(tryCryptApiPublicKey(text.toString())).toBeInstanceOf(CryptApiKeyError);
			expect(() => cryptApiPublicKey(text.toString())).toThrow(CryptApiKeyError);
		}
	});
});
