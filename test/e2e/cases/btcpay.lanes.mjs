// BTCPay Server's case lanes (./types.ts): the manual-mode credential (the webhook secret the user copied from the
// BTCPay webhook they created; test/fixtures/btcpay) and the trigger as such a user configures it. The automatic
// registration mode has its own scenarios (../btcpay.setup.mjs, ../btcpay.e2e.ts) against the fake Greenfield API.
import fs from 'node:fs';

import { trigger } from '../harness/workflows.mjs';

const keys = JSON.parse(fs.readFileSync(new URL('../../fixtures/btcpay/test-credentials.json', import.meta.url), 'utf8'));

export default function btcpayLanes() {
  const credential = {
    id: 'e2eBtcPayManCred',
    name: 'BTCPay Server, manual webhook (e2e)',
    type: 'btcPayServerApi',
    // No API key: manual mode never calls the Greenfield API (nothing listens at this Server URL).
    data: { serverUrl: 'http://127.0.0.1:9', apiKey: '', storeId: keys.storeId, webhookSecret: keys.webhookSecret },
  };
  const credentials = { btcPayServerApi: credential };
  const btcpay = (events) =>
    trigger({
      type: 'n8n-nodes-crypto-webhooks.btcPayServerTrigger',
      typeVersion: 1.1,
      parameters: { registration: 'manual', events, options: {} },
      credentials,
    });
  return {
    id: 'btcpay',
    credentials: [credential],
    trigger: btcpay(['*']),
    // Only expiries: the valid InvoiceSettled delivery is acknowledged and starts nothing.
    narrow: btcpay(['InvoiceExpired']),
  };
}
