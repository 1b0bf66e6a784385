// What the Cryptomus scenarios (cryptomus.e2e.ts) need inside n8n: one credential and one workflow whose lanes
// are read back by name in the scenarios (`run.lane('cryptomus.<lane>')`). Loaded by scripts/e2e.mjs before
// n8n starts. Copy this file's shape for another provider: credentials + lanes, nothing else.
import fs from 'node:fs';

import { lane, node, removeDuplicates, trigger, triggerUrl, webhookNode, workflow } from './harness/workflows.mjs';

const TRIGGER = 'n8n-nodes-crypto-webhooks.cryptomusTrigger';
const ACTION = 'n8n-nodes-crypto-webhooks.cryptomus';

const WORKFLOW_ID = 'e2eCryptomusWf01';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function cryptomusSetup(ctx) {
  // The throw-away keys the unit tests and providers/cryptomus.md vectors use.
  const keys = JSON.parse(fs.readFileSync(new URL('../fixtures/cryptomus/test-credentials.json', import.meta.url), 'utf8'));
  const credential = {
    id: 'e2eCryptomusCred',
    name: 'Cryptomus (e2e)',
    type: 'cryptomusApi',
    data: {
      merchantId: keys.merchantId,
      paymentApiKey: keys.paymentApiKey,
      payoutApiKey: keys.payoutApiKey,
      // The fake Cryptomus API the loop scenario starts on this reserved loopback port.
      baseUrl: `http://127.0.0.1:${ctx.port('fakeCryptomus')}`,
    },
  };
  const credentials = { cryptomusApi: credential };
  const cryptomusTrigger = (parameters = {}) => trigger({ type: TRIGGER, parameters, credentials });
  const api = (label, parameters) => node({ type: ACTION, label, parameters, credentials });

  const wf = workflow(ctx, {
    id: WORKFLOW_ID,
    name: 'E2E Cryptomus',
    lanes: [
      // Every event type (the trigger's defaults).
      lane('all', cryptomusTrigger()),
      // Only payouts: a valid payment webhook must be acknowledged and start nothing.
      lane('payoutOnly', cryptomusTrigger({ events: ['payout'] })),
      // Trigger → Remove Duplicates (previous executions, dedupeKey) → capture.
      lane('dedupe', cryptomusTrigger(), [removeDuplicates()]),
      // The loop: Webhook → Cryptomus action (test webhook via the fake API) → capture; the fake then calls …
      lane(
        'loopStart',
        webhookNode('e2e-cryptomus-loop'),
        [
          api('Send Test Webhook', {
            resource: 'testWebhook',
            operation: 'payment',
            urlCallback: triggerUrl(ctx, WORKFLOW_ID, 'loopTrigger'),
            currency: 'USDT',
            network: 'tron',
            status: 'paid',
            additionalFields: { orderId: '={{ $json.body.orderId }}' },
          }),
        ],
      ),
      // … this trigger's production URL.
      lane('loopTrigger', cryptomusTrigger()),

      // The merchant's invoice flow (payment resource), each call started by a Webhook with `{ orderId }`:
      // Create Invoice with url_callback = invoiceTrigger's production URL; the fake "pays" it and calls …
      lane('invoiceCreate', webhookNode('e2e-cryptomus-invoice-create'), [
        api('Create Invoice', {
          resource: 'payment',
          operation: 'create',
          amount: '10.50',
          currency: 'USDT',
          orderId: '={{ $json.body.orderId }}',
          additionalFields: { urlCallback: triggerUrl(ctx, WORKFLOW_ID, 'invoiceTrigger'), network: 'tron', lifetime: 900 },
        }),
      ]),
      // … this trigger, deduplicated downstream (a resent webhook is accepted, then dropped by Remove Duplicates).
      lane('invoiceTrigger', cryptomusTrigger(), [removeDuplicates()]),
      lane('invoiceGet', webhookNode('e2e-cryptomus-invoice-get'), [
        api('Get Info', { resource: 'payment', operation: 'get', orderId: '={{ $json.body.orderId }}' }),
      ]),
      lane('invoiceResend', webhookNode('e2e-cryptomus-invoice-resend'), [
        api('Resend Webhook', { resource: 'payment', operation: 'resendWebhook', orderId: '={{ $json.body.orderId }}' }),
      ]),
      // Payment history through every page (the fake pages by 2: the cursor travels as a query parameter).
      lane('invoiceList', webhookNode('e2e-cryptomus-invoice-list'), [
        api('Get Many', { resource: 'payment', operation: 'getMany', returnAll: true }),
      ]),
      // Read-only calls: payout info (signed with the payout key) and balance (empty body).
      lane('payoutGet', webhookNode('e2e-cryptomus-payout-get'), [
        api('Payout Info', { resource: 'payout', operation: 'get', orderId: '={{ $json.body.orderId }}' }),
      ]),
      lane('balanceGet', webhookNode('e2e-cryptomus-balance-get'), [api('Balance', { resource: 'balance', operation: 'get' })]),
    ],
  });
  return { credentials: [credential], workflows: [wf] };
}
