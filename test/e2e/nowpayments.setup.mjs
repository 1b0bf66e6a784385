// The NOWPayments loop (nowpayments.e2e.ts) inside n8n: the NOWPayments node against the fake NOWPayments API
// (test/fake-nowpayments, started by the scenarios on a reserved port) creating a payment whose ipn_callback_url is
// the live NOWPayments Trigger's Production URL, then looking it up. The trigger's contract is the generic provider
// case (cases/nowpayments.ts); this file holds only what the loop needs.
import fs from 'node:fs';

import { lane, node, trigger, triggerUrl, webhookNode, workflow } from './harness/workflows.mjs';

const TRIGGER = 'n8n-nodes-crypto-webhooks.nowPaymentsTrigger';
const ACTION = 'n8n-nodes-crypto-webhooks.nowPayments';
const WORKFLOW_ID = 'e2eNowPayLoop001';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function nowpaymentsSetup(ctx) {
  const keys = JSON.parse(fs.readFileSync(new URL('../fixtures/nowpayments/test-credentials.json', import.meta.url), 'utf8'));
  const credential = {
    id: 'e2eNowPaymentsLoop',
    name: 'NOWPayments loop (e2e)',
    type: 'nowPaymentsApi',
    data: {
      ipnSecret: keys.ipnSecret,
      apiKey: keys.apiKey,
      email: keys.email,
      password: keys.password,
      baseUrl: `http://127.0.0.1:${ctx.port('fakeNowPayments')}`,
    },
  };
  const credentials = { nowPaymentsApi: credential };
  const api = (label, parameters) => node({ type: ACTION, label, parameters, credentials });

  const wf = workflow(ctx, {
    id: WORKFLOW_ID,
    name: 'E2E NOWPayments loop',
    lanes: [
      // An order arrives ({ orderId, amount }) → Create Payment with the trigger's Production URL as ipn_callback_url.
      lane('create', webhookNode('e2e-nowpayments-create'), [
        api('Create Payment', {
          resource: 'payment',
          operation: 'create',
          priceAmount: '={{ $json.body.amount }}',
          priceCurrency: 'usd',
          payCurrency: 'btc',
          ipnCallbackUrl: triggerUrl(ctx, WORKFLOW_ID, 'ipn'),
          orderId: '={{ $json.body.orderId }}',
          orderDescription: '=café order — https://shop.example/o/{{ $json.body.orderId }}',
        }),
      ]),
      // … the fake sends the signed IPN here.
      lane('ipn', trigger({ type: TRIGGER, typeVersion: 1.1, parameters: { events: ['payment'], statuses: [], options: {} }, credentials })),
      // Look the payment up again by its id.
      lane('get', webhookNode('e2e-nowpayments-get'), [
        api('Get Payment', { resource: 'payment', operation: 'get', paymentId: '={{ $json.body.paymentId }}' }),
      ]),
      // Every payment of the account (JWT from POST /v1/auth, pages of 2).
      lane('list', webhookNode('e2e-nowpayments-list'), [
        api('Get Many', { resource: 'payment', operation: 'getMany', returnAll: false, limit: 100, filters: { orderBy: 'desc' } }),
      ]),
    ],
  });
  return { credentials: [credential], workflows: [wf] };
}
