// What the Crypto2B scenarios (crypto2b.e2e.ts) need inside n8n: one credential and one workflow of lanes, read
// back by name in the scenarios (`run.lane('crypto2b.<lane>')`). Loaded by scripts/e2e.mjs before n8n starts.
import fs from 'node:fs';

import { lane, removeDuplicates, trigger, workflow } from './harness/workflows.mjs';

const TRIGGER = 'n8n-nodes-crypto-webhooks.crypto2bTrigger';
const WORKFLOW_ID = 'e2eCrypto2bWf001';

/** The public URL of the "proxy" lane: a reverse proxy would forward it to the node's own path. */
const CRYPTO2B_PROXY_URL = 'https://pay.example.com/webhooks/crypto2b';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function crypto2bSetup(ctx) {
  // The spec's example keys (shared/providers/crypto2b.md test vectors, copied into the fixtures).
  const vectors = JSON.parse(fs.readFileSync(new URL('../fixtures/crypto2b/vectors.json', import.meta.url), 'utf8'));
  const credential = {
    id: 'e2eCrypto2bCred1',
    name: 'Crypto2B (e2e)',
    type: 'crypto2bApi',
    data: { publicKey: vectors.publicKey, secretKey: vectors.secretKeyBase64 },
  };
  const credentials = { crypto2bApi: credential };
  const crypto2bTrigger = (parameters = {}) => trigger({ type: TRIGGER, parameters, credentials });

  const wf = workflow(ctx, {
    id: WORKFLOW_ID,
    name: 'E2E Crypto2B',
    lanes: [
      // The trigger's defaults: every operation type, every status.
      lane('all', crypto2bTrigger()),
      // Only deposits: a valid withdrawal must be acknowledged and start nothing.
      lane('depositOnly', crypto2bTrigger({ operationTypes: ['deposit'] })),
      // Trigger → Remove Duplicates (previous executions, dedupeKey) → capture.
      lane('dedupe', crypto2bTrigger(), [removeDuplicates()]),
      // Behind a path-rewriting proxy: the signature covers the public path, named by the override.
      lane('proxy', crypto2bTrigger({ options: { callbackUrlOverride: CRYPTO2B_PROXY_URL } })),
    ],
  });
  return { credentials: [credential], workflows: [wf] };
}
