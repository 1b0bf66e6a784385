// Workflows only the queue-mode scenarios (scaleout.queue.e2e.ts) use: nothing in single-process mode.
// `load`: Koywe order events → capture (1 000 callbacks, one workflow, so Postgres counts are exact);
// `race`: Koywe order events → Remove Duplicates → capture (one callback delivered to both webhook processors at once).
import fs from 'node:fs';

import { lane, removeDuplicates, trigger, workflow } from './harness/workflows.mjs';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function queueSetup(ctx) {
  if (ctx.mode !== 'queue') return {};
  const vectors = JSON.parse(fs.readFileSync(new URL('../fixtures/koywe/vectors.json', import.meta.url), 'utf8'));
  const credential = { id: 'e2eQueueKoyweCrd', name: 'Koywe (e2e queue)', type: 'koyweApi', data: { webhookSecret: vectors.secret } };
  const orders = () => trigger({ type: 'n8n-nodes-crypto-webhooks.koyweTrigger', credentials: { koyweApi: credential } });
  return {
    credentials: [credential],
    workflows: [
      workflow(ctx, { id: 'e2eQueueLoadWf01', name: 'E2E queue load', lanes: [lane('load', orders())] }),
      workflow(ctx, { id: 'e2eQueueRaceWf01', name: 'E2E queue race', lanes: [lane('race', orders(), [removeDuplicates()])] }),
    ],
  };
}
