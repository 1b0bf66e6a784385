// What the OxaPay loop scenarios (oxapay.e2e.ts) need inside n8n: the OxaPay action node and the OxaPay Trigger in
// one workflow, against the fake OxaPay (test/fake-oxapay) the scenarios start on the loopback port `fakeOxaPay`.
// The credential is the OxaPay provider case's (cases/oxapay.lanes.mjs: test keys, Base URL = that port); it is
// imported with the contract suite's workflow (callbacks.setup.mjs), so it is only referenced here.
import oxapayLanes from './cases/oxapay.lanes.mjs';
import { lane, node, trigger, triggerUrl, webhookNode, workflow } from './harness/workflows.mjs';

const ACTION = 'n8n-nodes-crypto-webhooks.oxaPay';
const TRIGGER = 'n8n-nodes-crypto-webhooks.oxaPayTrigger';
const WORKFLOW_ID = 'e2eOxaPayLoopWf1';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function oxapaySetup(ctx) {
  const [credential] = oxapayLanes(ctx).credentials;
  const credentials = { oxaPayApi: credential };
  const api = (label, parameters) => node({ type: ACTION, label, parameters, credentials });

  const wf = workflow(ctx, {
    id: WORKFLOW_ID,
    name: 'E2E OxaPay loop',
    lanes: [
      // Webhook {orderId, amount} → OxaPay Create Invoice (callback_url = loopTrigger's Production URL) → capture; …
      lane('loopCreate', webhookNode('e2e-oxapay-create'), [
        api('Create Invoice', {
          resource: 'invoice',
          operation: 'create',
          amount: '={{ $json.body.amount }}',
          currency: 'USDT',
          orderId: '={{ $json.body.orderId }}',
          callbackUrl: triggerUrl(ctx, WORKFLOW_ID, 'loopTrigger'),
          additionalFields: { lifetime: 30, description: 'e2e order' },
        }),
      ]),
      // … the fake then POSTs the signed callback to this trigger; …
      lane('loopTrigger', trigger({ type: TRIGGER, typeVersion: 1.1, credentials })),
      // … and Payment → Get by the invoice's track ID.
      lane('loopGet', webhookNode('e2e-oxapay-get'), [
        api('Get Payment', { resource: 'payment', operation: 'get', trackId: '={{ $json.body.trackId }}' }),
      ]),
    ],
  });
  return { credentials: [], workflows: [wf] };
}
