// NOWPayments in the provider contract (./nowpayments.ts): its credential (the throw-away keys of
// test/fixtures/nowpayments) and its trigger as a user configures it, plus a payouts-only trigger the valid payment
// IPN does not pass.
import fs from 'node:fs';

import { trigger } from '../harness/workflows.mjs';

const TYPE = 'n8n-nodes-crypto-webhooks.nowPaymentsTrigger';

/** @param _ctx the setup context (see ../harness/workflows.mjs) */
export default function nowpaymentsLanes(_ctx) {
  const keys = JSON.parse(fs.readFileSync(new URL('../../fixtures/nowpayments/test-credentials.json', import.meta.url), 'utf8'));
  const credential = {
    id: 'e2eNowPaymentsCred',
    name: 'NOWPayments (e2e)',
    type: 'nowPaymentsApi',
    data: { ipnSecret: keys.ipnSecret, apiKey: keys.apiKey, email: keys.email, password: keys.password, baseUrl: 'https://api.nowpayments.io' },
  };
  const credentials = { nowPaymentsApi: credential };
  const nowPaymentsTrigger = (parameters) => trigger({ type: TYPE, typeVersion: 1.1, parameters, credentials });
  return {
    id: 'nowpayments',
    credentials: [credential],
    trigger: nowPaymentsTrigger({ events: ['payment', 'payout', 'custody'], statuses: [], options: {} }),
    narrow: nowPaymentsTrigger({ events: ['payout'], statuses: [], options: {} }),
  };
}
