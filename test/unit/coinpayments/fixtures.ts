/** CoinPayments fixtures: throw-away secrets and the vectors PHP computed (test/fixtures/coinpayments/make-vectors.php). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../fixtures/coinpayments');
const json = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

export const cpCredential = json<{ merchantId: string; ipnSecret: string; clientId: string; clientSecret: string; otherSecret: string }>('test-credentials.json');

export interface WebhookVector {
	url: string;
	clientId: string;
	timestamp: string;
	body: string;
	signature: string;
	clientSecret?: string;
	signatureForQueryUrl?: string;
}

export const cpVectors = json<{
	ipn: { secretAsPasted: string; bodies: Record<'api-complete' | 'button-queued' | 'deposit-pending' | 'withdrawal-complete', { body: string; hmac: string }> };
	webhook: { research: WebhookVector & { clientSecret: string }; invoiceCompleted: WebhookVector & { signatureForQueryUrl: string } };
}>('vectors.json');

/** The webhook body of the fixture (the exact bytes the PHP vector signed). */
export const invoiceCompletedBody = cpVectors.webhook.invoiceCompleted.body;

/** `YYYY-MM-DDTHH:mm:ss` for a time, as CoinPayments writes X-CoinPayments-Timestamp. */
export const cpTimestamp = (ms: number = Date.now()): string => new Date(ms).toISOString().split('.')[0];
