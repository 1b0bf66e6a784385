// What the CryptAPI scenarios (cryptapi.e2e.ts) need inside n8n: one workflow of lanes, no credential (CryptAPI has
// no secret; the trigger verifies with a public key). The lanes use the throw-away test key pair from
// test/fixtures/cryptapi, except `builtinKey`, which keeps CryptAPI's published key (the parameter's default).
import fs from 'node:fs';

import { lane, removeDuplicates, trigger, workflow } from './harness/workflows.mjs';

const TRIGGER = 'n8n-nodes-crypto-webhooks.cryptApiTrigger';
const WORKFLOW_ID = 'e2eCryptApiWf001';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function cryptapiSetup(ctx) {
  const publicKey = fs.readFileSync(new URL('../fixtures/cryptapi/cryptapi-test-public.pem', import.meta.url), 'utf8');
  const cryptApiTrigger = (parameters = {}) => trigger({ type: TRIGGER, parameters: { publicKey, ...parameters } });

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
    ],
  });
  return { credentials: [], workflows: [wf] };
}
