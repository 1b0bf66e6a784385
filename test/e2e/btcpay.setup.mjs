// What the BTCPay Server scenarios (btcpay.e2e.ts) need inside n8n: the trigger in automatic registration mode, in
// workflows left inactive (`active: false`) because activating them registers a webhook through the Greenfield API —
// the scenario starts the fake BTCPay Server (test/fake-btcpay) on the port reserved here first, then activates them
// through n8n's REST API (harness/activation.ts). Manual mode is a provider case (cases/btcpay.ts): the contract suite.
// And the BTCPay Server action node (create / get an invoice) for the loop: create → signed events → trigger → get.
import fs from 'node:fs';

import { lane, node, removeDuplicates, trigger, webhookNode, workflow } from './harness/workflows.mjs';

const TRIGGER = 'n8n-nodes-crypto-webhooks.btcPayServerTrigger';
const ACTION = 'n8n-nodes-crypto-webhooks.btcPayServer';
const keys = JSON.parse(fs.readFileSync(new URL('../fixtures/btcpay/test-credentials.json', import.meta.url), 'utf8'));

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function btcpaySetup(ctx) {
  const serverUrl = `http://127.0.0.1:${ctx.port('fakeBtcPay')}`;
  // A key with every store permission (the fake's test-credentials setup), and one that may only handle invoices.
  const full = { id: 'e2eBtcPayAutoCred', name: 'BTCPay Server (e2e)', type: 'btcPayServerApi', data: { serverUrl, apiKey: keys.apiKey, storeId: keys.storeId, webhookSecret: '' } };
  const limited = { id: 'e2eBtcPayLimCred', name: 'BTCPay Server, invoices-only key (e2e)', type: 'btcPayServerApi', data: { serverUrl, apiKey: keys.invoicesOnlyApiKey, storeId: keys.storeId, webhookSecret: '' } };
  const automatic = (credential, events) =>
    trigger({ type: TRIGGER, typeVersion: 1.1, parameters: { registration: 'automatic', events, options: {} }, credentials: { btcPayServerApi: credential } });

  // Trigger → Remove Duplicates → capture: a redelivery is accepted by the trigger and dropped downstream.
  const auto = workflow(ctx, {
    id: 'e2eBtcPayAutoWf1',
    name: 'E2E BTCPay Server: automatic registration',
    active: false,
    lanes: [lane('auto', automatic(full, ['InvoiceSettled', 'InvoiceProcessing']), [removeDuplicates()])],
  });
  // A key without btcpay.store.webhooks.canmodifywebhooks: activation must be refused, naming the permission.
  const denied = workflow(ctx, {
    id: 'e2eBtcPayDenyWf1',
    name: 'E2E BTCPay Server: key without the webhook permission',
    active: false,
    lanes: [lane('denied', automatic(limited, ['*']))],
  });
  // The action node, each call started by n8n's Webhook node with `{ orderId }` or `{ invoiceId }` (active from the
  // start; its calls go to the fake only when a scenario runs them).
  const api = (label, parameters) => node({ type: ACTION, label, parameters, credentials: { btcPayServerApi: full } });
  const actions = workflow(ctx, {
    id: 'e2eBtcPayActWf01',
    name: 'E2E BTCPay Server: invoices',
    lanes: [
      lane('invoiceCreate', webhookNode('e2e-btcpay-invoice-create'), [
        api('Create Invoice', {
          resource: 'invoice',
          operation: 'create',
          amount: '10.50',
          currency: 'EUR',
          orderId: '={{ $json.body.orderId }}',
          additionalFields: { itemDesc: 'Café ☕, 1 kg', metadata: '{"posData": {"price": 10.50}}' },
        }),
      ]),
      lane('invoiceGet', webhookNode('e2e-btcpay-invoice-get'), [
        api('Get Invoice', { resource: 'invoice', operation: 'get', invoiceId: '={{ $json.body.invoiceId }}' }),
      ]),
    ],
  });
  return { credentials: [full, limited], workflows: [auto, denied, actions] };
}
