/** OxaPay test keys and vectors (test/fixtures/oxapay/, made by make-vectors.sh with OpenSSL). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', 'fixtures', 'oxapay');
const json = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

export const oxaPayTestKeys = json<{ merchantApiKey: string; payoutApiKey: string }>('test-credentials.json');

interface FileVector {
	file: string;
	key: 'merchant' | 'payout';
	hmac: string;
}
export const oxaPayVectors = json<{
	sdk: { body: string; key: string; hmac: string };
	invoicePaid: FileVector;
	payoutConfirmed: FileVector;
	payoutSignedWithMerchantKey: FileVector;
}>('vectors.json');

/** A fixture body's exact bytes. */
export const readOxaPayBody = (file: string): Buffer => readFileSync(join(dir, file));
