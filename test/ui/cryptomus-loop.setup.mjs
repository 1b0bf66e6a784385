// What the browser check imports besides the examples: the Cryptomus "Test Webhook" loop, as a user would build it
// to try the trigger — one workflow with the Cryptomus Trigger (listened to in one tab), one with Manual Trigger →
// Cryptomus "Send Test Webhook" aimed at that trigger's test URL (run in a second tab). The credential carries the
// throw-away test keys and points at the fake Cryptomus API (test/fake-cryptomus) on a reserved loopback port.
import fs from 'node:fs';

import { stableUuid } from '../e2e/harness/workflows.mjs';

export const LOOP = { triggerWorkflowId: 'uiCryptomusTrig1', senderWorkflowId: 'uiCryptomusSend1', credentialId: 'uiCryptomusFake1' };

/** `baseUrl`: n8n's 'http://127.0.0.1:<port>/'; `fakePort`: where the fake Cryptomus API will listen. */
export default function cryptomusLoop({ baseUrl, fakePort }) {
  const keys = JSON.parse(fs.readFileSync(new URL('../fixtures/cryptomus/test-credentials.json', import.meta.url), 'utf8'));
  const credential = {
    id: LOOP.credentialId,
    name: 'Cryptomus (UI check: test keys, fake API)',
    type: 'cryptomusApi',
    data: { merchantId: keys.merchantId, paymentApiKey: keys.paymentApiKey, payoutApiKey: keys.payoutApiKey, baseUrl: `http://127.0.0.1:${fakePort}` },
  };
  const ref = { cryptomusApi: { id: credential.id, name: credential.name } };
  const webhookId = stableUuid(`${LOOP.triggerWorkflowId}/trigger`);
  const testUrl = `${baseUrl}webhook-test/${webhookId}/webhook`;
  const base = { active: false, settings: { executionOrder: 'v1' }, pinData: {} };
  const triggerWorkflow = {
    ...base,
    id: LOOP.triggerWorkflowId,
    name: 'UI check: Cryptomus Trigger',
    nodes: [
      {
        id: stableUuid(`${LOOP.triggerWorkflowId}/node`),
        name: 'Cryptomus Trigger',
        type: 'n8n-nodes-crypto-webhooks.cryptomusTrigger',
        typeVersion: 1,
        position: [0, 0],
        webhookId,
        parameters: {},
        credentials: ref,
      },
    ],
    connections: {},
  };
  const senderWorkflow = {
    ...base,
    id: LOOP.senderWorkflowId,
    name: 'UI check: send a Cryptomus test webhook',
    nodes: [
      { id: stableUuid(`${LOOP.senderWorkflowId}/manual`), name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: stableUuid(`${LOOP.senderWorkflowId}/send`),
        name: 'Send Test Webhook',
        type: 'n8n-nodes-crypto-webhooks.cryptomus',
        typeVersion: 1,
        position: [250, 0],
        parameters: { resource: 'testWebhook', operation: 'payment', urlCallback: testUrl, currency: 'USDT', network: 'tron', status: 'paid', additionalFields: { orderId: 'ui-check-1' } },
        credentials: ref,
      },
    ],
    connections: { 'Manual Trigger': { main: [[{ node: 'Send Test Webhook', type: 'main', index: 0 }]] } },
  };
  return { credentials: [credential], workflows: [triggerWorkflow, senderWorkflow], testUrl };
}
