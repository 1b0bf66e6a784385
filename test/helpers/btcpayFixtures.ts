/** The BTCPay Server test fixtures (test/fixtures/btcpay): throw-away keys, delivery bodies, OpenSSL-made vectors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { POLICY } from '../fake-btcpay/api';

const dir = join(__dirname, '../fixtures/btcpay');

export const btcpayTestCredentials = JSON.parse(readFileSync(join(dir, 'test-credentials.json'), 'utf8')) as {
	apiKey: string;
	webhooksOnlyApiKey: string;
	invoicesOnlyApiKey: string;
	storeId: string;
	otherStoreId: string;
	webhookSecret: string;
	otherSecret: string;
};

/** A delivery body exactly as BTCPay sends it (indented JSON, UTF-8). */
export const readBtcPayBody = (name: string): string => readFileSync(join(dir, name), 'utf8');

/** `BTCPay-Sig` per body file, computed with OpenSSL by make-vectors.sh. */
export const btcpayVectors = JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8')) as Record<string, string>;

/** The fake Greenfield API's configuration for these keys: one with every permission on the store, two limited. */
export function fakeBtcPayOptions() {
	const k = btcpayTestCredentials;
	return {
		stores: [k.storeId, k.otherStoreId],
		apiKeys: {
			[k.apiKey]: [`${POLICY.modifyStoreSettings}:${k.storeId}`],
			[k.webhooksOnlyApiKey]: [`${POLICY.modifyWebhooks}:${k.storeId}`],
			[k.invoicesOnlyApiKey]: [`${POLICY.createInvoice}:${k.storeId}`, `${POLICY.viewInvoices}:${k.storeId}`],
		},
	};
}
