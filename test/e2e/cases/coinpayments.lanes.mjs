// CoinPayments' lanes for the provider contract (./types.ts): one credential with both secrets (the throw-away values
// of test/fixtures/coinpayments/test-credentials.json); the trigger as a user adds it (IPN mode); `narrow` only takes
// deposit IPNs, so the case's valid API-transaction IPN is acknowledged and starts nothing; and `api`, the same
// trigger in API-webhook mode, for the case's newer-API scenarios.
import fs from 'node:fs';

import { trigger } from '../harness/workflows.mjs';

const TYPE = 'n8n-nodes-crypto-webhooks.coinPaymentsTrigger';

/** @param _ctx the setup context (see ../harness/workflows.mjs); nothing of it is needed here */
export default function coinPaymentsLanes(_ctx) {
  const cred = JSON.parse(fs.readFileSync(new URL('../../fixtures/coinpayments/test-credentials.json', import.meta.url), 'utf8'));
  const credential = {
    id: 'e2eCoinPaymentsC',
    name: 'CoinPayments (e2e)',
    type: 'coinPaymentsApi',
    data: { merchantId: cred.merchantId, ipnSecret: cred.ipnSecret, clientId: cred.clientId, clientSecret: cred.clientSecret },
  };
  const credentials = { coinPaymentsApi: credential };
  const node = (parameters = {}) => trigger({ type: TYPE, typeVersion: 1.1, parameters, credentials });
  return {
    id: 'coinpayments',
    credentials: [credential],
    trigger: node(),
    narrow: node({ events: ['deposit'] }),
    extra: { api: node({ mode: 'webhook' }) },
  };
}
