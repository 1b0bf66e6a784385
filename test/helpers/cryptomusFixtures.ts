import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../fixtures/cryptomus');

/** Throw-away Cryptomus test credentials (kept in a fixture file, not in source). */
export const cryptomusTestCredentials = JSON.parse(readFileSync(join(dir, 'test-credentials.json'), 'utf8')) as {
	merchantId: string;
	paymentApiKey: string;
	payoutApiKey: string;
};

export const readCryptomusFixture = (name: string): string => readFileSync(join(dir, name), 'utf8');
