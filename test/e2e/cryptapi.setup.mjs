// What the CryptAPI scenarios (cryptapi.e2e.ts) need inside n8n: one workflow of lanes, no credential (CryptAPI has
// no secret; the trigger verifies with a public key). The lanes use the throw-away test key pair from
// test/fixtures/cryptapi, except `builtinKey`, which keeps CryptAPI's published key (the parameter's default).
// The `loop*` lanes close the loop with the CryptAPI action node and the fake CryptAPI (test/fake-cryptapi), which
// the scenarios start on the loopback port reserved here as `fakeCryptApi`.
import fs from 'node:fs';

import { lane, node, removeDuplicates, trigger, triggerUrl, webhookNode, workflow } from './harness/workflows.mjs';

const TRIGGER = 'n8n-nodes-crypto-webhooks.cryptApiTrigger';
const ACTION = 'n8n-nodes-crypto-webhooks.cryptApi';
/** The forwarding address of the loop (the fake checks it looks like a Bitcoin address). */
const LOOP_DESTINATION = '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP';
const WORKFLOW_ID = 'e2eCryptApiWf001';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function cryptapiSetup(ctx) {
  const publicKey = fs.readFileSync(new URL('../fixtures/cryptapi/cryptapi-test-public.pem', import.meta.url), 'utf8');
  const cryptApiTrigger = (parameters = {}) => trigger({ type: TRIGGER, parameters: { publicKey, ...parameters } });
  const options = { baseUrl: `http://127.0.0.1:${ctx.port('fakeCryptApi')}` };
  const api = (label, parameters) => node({ type: ACTION, label, parameters: { ...parameters, options } });
  // Create and Get Logs build the callback URL from the same fields: the trigger's Production URL + order_id.
  const callback = {
    ticker: 'btc',
    callbackUrl: triggerUrl(ctx, WORKFLOW_ID, 'loopTrigger'),
    orderId: '={{ $json.body.orderId }}',
    callbackParameters: {},
  };

  const wf = workflow(ctx, {
    id: WORKFLOW_ID,
    name: 'E2E CryptAPI',
    lanes: [
      // Both events (the default), test key.
      lane('all', cryptApiTrigger()),
      // Only confirmed callbacks: a valid pending one must get *ok* and start nothing.
      lane('confirmedOnly', cryptApiTrigger({ events: ['confirmed'] })),
      // Trigger → Remove Duplicates (previous executions, dedupeKey) → capture.
      lane('dedupe', cryptApiTrigger(), [removeDuplicates()]),
      // CryptAPI's built-in published key: test-key signatures must be refused.
      lane('builtinKey', trigger({ type: TRIGGER, parameters: {} })),
      // The loop: Webhook {orderId} → CryptAPI Create (callback = loopTrigger's Production URL + order_id) → capture;
      // the fake then calls back, signed, and …
      lane('loopCreate', webhookNode('e2e-cryptapi-create'), [
        api('Create Address', {
          resource: 'address',
          operation: 'create',
          destination: LOOP_DESTINATION,
          ...callback,
          additionalFields: { confirmations: 2 },
        }),
      ]),
      // … this trigger (test key) starts the execution; …
      lane('loopTrigger', cryptApiTrigger()),
      // … and Get Logs (same fields → the same callback URL) shows the callback.
      lane('loopLogs', webhookNode('e2e-cryptapi-logs'), [api('Get Logs', { resource: 'address', operation: 'getLogs', ...callback })]),
      // A QR code as binary data; a Set node reads the binary's metadata into the captured JSON.
      lane('qrCode', webhookNode('e2e-cryptapi-qr'), [
        api('Get QR Code', { resource: 'coin', operation: 'getQrCode', ticker: 'btc', address: '={{ $json.body.address }}', amount: '0.0015', size: 256 }),
        node({
          type: 'n8n-nodes-base.set',
          typeVersion: 3.4,
          label: 'Binary Metadata',
          parameters: {
            mode: 'manual',
            assignments: {
              assignments: [
                { id: 'b1', name: 'mimeType', value: '={{ $binary.data.mimeType }}', type: 'string' },
                { id: 'b2', name: 'fileName', value: '={{ $binary.data.fileName }}', type: 'string' },
              ],
            },
            includeOtherFields: true,
            options: {},
          },
        }),
      ]),
    ],
  });
  return { credentials: [], workflows: [wf] };
}
