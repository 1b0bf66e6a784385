/** The NOWPayments fixtures (test/fixtures/nowpayments): throw-away credentials, IPN bodies, published-code vectors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../fixtures/nowpayments');

/** Throw-away NOWPayments test credentials (kept in a fixture file, not in source). */
export const nowPaymentsTestCredentials = JSON.parse(readFileSync(join(dir, 'test-credentials.json'), 'utf8')) as {
	ipnSecret: string;
	otherIpnSecret: string;
	apiKey: string;
	email: string;
	password: string;
};

export const readNowPaymentsFixture = (name: string): string => readFileSync(join(dir, name), 'utf8');

export type PublishedAlgorithm = 'nodeDocCurrent' | 'nodeDoc2021' | 'phpDocCurrent' | 'phpKsort' | 'pythonDoc';

/** Each body signed by NOWPayments' own published example code (make-vectors.sh), under `ipnSecret`. */
export const nowPaymentsVectors = JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8')) as {
	algorithms: Record<PublishedAlgorithm, string>;
	bodies: Record<string, Record<PublishedAlgorithm, { text: string; signature: string }>>;
};
