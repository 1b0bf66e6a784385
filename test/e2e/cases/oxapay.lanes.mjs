// OxaPay in the contract scenarios (./types.ts): the credential with the test keys, the trigger as a user adds it,
// and a narrow trigger that only takes "paying" callbacks (the valid "Paid" one is acknowledged and ignored).
import fs from 'node:fs';

import { trigger } from '../harness/workflows.mjs';

const keys = JSON.parse(fs.readFileSync(new URL('../../fixtures/oxapay/test-credentials.json', import.meta.url), 'utf8'));

/** @param ctx the setup context (see ../harness/workflows.mjs) */
export default function oxapayLanes(ctx) {
  const credential = {
    id: 'e2eOxaPayCred001',
    name: 'OxaPay (e2e)',
    type: 'oxaPayApi',
    data: { merchantApiKey: keys.merchantApiKey, payoutApiKey: keys.payoutApiKey, baseUrl: `http://127.0.0.1:${ctx.port('fakeOxaPay')}` },
  };
  const credentials = { oxaPayApi: credential };
  const type = 'n8n-nodes-crypto-webhooks.oxaPayTrigger';
  return {
    id: 'oxapay',
    credentials: [credential],
    trigger: trigger({ type, typeVersion: 1.1, credentials }),
    narrow: trigger({ type, typeVersion: 1.1, parameters: { statuses: ['paying'] }, credentials }),
  };
}
