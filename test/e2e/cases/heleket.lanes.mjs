// Heleket's lanes for the provider contract (./types.ts): its credential (the throw-away keys of
// test/fixtures/heleket/test-credentials.json) and the trigger as a user adds it; `narrow` only takes payouts, so the
// case's valid payment webhook is acknowledged and starts nothing.
import fs from 'node:fs';

import { trigger } from '../harness/workflows.mjs';

const TYPE = 'n8n-nodes-crypto-webhooks.heleketTrigger';

/** @param _ctx the setup context (see ../harness/workflows.mjs); nothing of it is needed here */
export default function heleketLanes(_ctx) {
  const keys = JSON.parse(fs.readFileSync(new URL('../../fixtures/heleket/test-credentials.json', import.meta.url), 'utf8'));
  const credential = {
    id: 'e2eHeleketCred01',
    name: 'Heleket (e2e)',
    type: 'heleketApi',
    data: {
      merchantId: keys.merchantId,
      paymentApiKey: keys.paymentApiKey,
      payoutApiKey: keys.payoutApiKey,
      // Nothing calls Heleket's API in these lanes; the discard port keeps anything stray on loopback.
      baseUrl: 'http://127.0.0.1:9',
    },
  };
  const credentials = { heleketApi: credential };
  const node = (parameters = {}) => trigger({ type: TYPE, typeVersion: 1.1, parameters, credentials });
  return {
    id: 'heleket',
    credentials: [credential],
    trigger: node(),
    narrow: node({ events: ['payout'] }),
  };
}
