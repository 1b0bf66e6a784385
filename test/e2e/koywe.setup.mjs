// What the Koywe scenarios (koywe.e2e.ts) need inside n8n: two credentials and one workflow of lanes.
// Order-event lanes are the usual start → [middle] → capture. The user-validation lanes answer Koywe with their
// LAST node, so there the capture node is moved to run right after the trigger (captureFirst below) and the
// deciding node is last; a lane with no deciding node ends at the capture node (whose item has no decision field).
import fs from 'node:fs';

import { lane, node, removeDuplicates, trigger, workflow } from './harness/workflows.mjs';

const ORDER_TRIGGER = 'n8n-nodes-crypto-webhooks.koyweTrigger';
const VALIDATION_TRIGGER = 'n8n-nodes-crypto-webhooks.koyweUserValidationTrigger';
const WORKFLOW_ID = 'e2eKoyweWorkflow';

/** The bearer token the validation scenarios send (a shared secret for tests, not a real JWT). */
export const E2E_VALIDATION_JWT = 'e2e.koywe-validation.jwt-not-secret';
/** Emails the "Decide" node allows. */
export const ALLOWED_EMAILS = ['ana@example.com', 'josé@ejemplo.cl'];

const set = (label, value) =>
  node({
    type: 'n8n-nodes-base.set',
    typeVersion: 3.4,
    label,
    parameters: {
      mode: 'manual',
      assignments: { assignments: [{ id: 'allowed', name: 'allowed', type: 'boolean', value }] },
      options: {},
    },
  });

/** Rewires a lane from start → middle… → capture to start → capture → middle…, so a middle node is the last node. */
function captureFirst(wf, laneName) {
  const { connections } = wf.json;
  const start = `${laneName}: Start`;
  const capture = `${laneName}: Capture`;
  const chain = [start];
  while (chain[chain.length - 1] !== capture) chain.push(connections[chain[chain.length - 1]].main[0][0].node);
  const order = [start, capture, ...chain.slice(1, -1)];
  for (const name of chain) delete connections[name];
  for (let i = 0; i < order.length - 1; i++) {
    connections[order[i]] = { main: [[{ node: order[i + 1], type: 'main', index: 0 }]] };
  }
}

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function koyweSetup(ctx) {
  const vectors = JSON.parse(fs.readFileSync(new URL('../fixtures/koywe/vectors.json', import.meta.url), 'utf8'));
  const orderCredential = { id: 'e2eKoyweOrderCrd', name: 'Koywe (e2e)', type: 'koyweApi', data: { webhookSecret: vectors.secret } };
  const validationCredential = {
    id: 'e2eKoyweValidCrd',
    name: 'Koywe user validation (e2e)',
    type: 'koyweUserValidationApi',
    data: { authentication: 'bearer', bearerToken: E2E_VALIDATION_JWT },
  };
  const orders = (parameters = {}) => trigger({ type: ORDER_TRIGGER, parameters, credentials: { koyweApi: orderCredential } });
  const validation = (options = {}) =>
    trigger({
      type: VALIDATION_TRIGGER,
      parameters: { decisionField: 'allowed', options },
      credentials: { koyweUserValidationApi: validationCredential },
    });
  const decide = (laneName) =>
    set('Decide', `={{ ${JSON.stringify(ALLOWED_EMAILS)}.includes($('${laneName}: Start').item.json.email) }}`);

  const wf = workflow(ctx, {
    id: WORKFLOW_ID,
    name: 'E2E Koywe',
    lanes: [
      // Order events, body signature (defaults: all six events).
      lane('body', orders()),
      // Only payment_received: a valid crypto_delivered event is acknowledged and starts nothing.
      lane('bodyPaymentOnly', orders({ events: ['payment_received'] })),
      // Trigger → Remove Duplicates (dedupeKey) → capture.
      lane('dedupe', orders(), [removeDuplicates()]),
      // Order events, Koywe-Signature header.
      lane('header', orders({ signatureMode: 'header' })),
      // User validation: the email list decides.
      lane('validate', validation(), [decide('validate')]),
      // User validation whose workflow fails after the trigger.
      lane('validateError', validation(), [
        node({ type: 'n8n-nodes-base.stopAndError', typeVersion: 1, label: 'Fail', parameters: { errorMessage: 'CRM unavailable' } }),
      ]),
      // User validation slower than its 1 s decision timeout (would allow after 4 s).
      lane('validateSlow', validation({ decisionTimeoutSeconds: 1 }), [
        node({ type: 'n8n-nodes-base.wait', typeVersion: 1.1, label: 'Wait', parameters: { resume: 'timeInterval', amount: 4, unit: 'seconds' } }),
        set('Allow', '={{ true }}'),
      ]),
      // User validation whose last node (the capture) has no decision field.
      lane('validateNoField', validation()),
    ],
  });
  for (const name of ['validate', 'validateError', 'validateSlow']) captureFirst(wf, name);
  return { credentials: [orderCredential, validationCredential], workflows: [wf] };
}
