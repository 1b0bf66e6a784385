// What the Cryptofuse scenarios (cryptofuse.e2e.ts) need inside n8n: credentials, one workflow of lanes, and a
// second workflow that must NOT activate (legacy v0.9 without an IP allowlist or URL token). That one has no lanes
// (the orchestrator waits for every lane's webhook to register); the scenario reads its refusal from n8n's log.
import fs from 'node:fs';

import { lane, removeDuplicates, trigger, workflow } from './harness/workflows.mjs';

const TRIGGER = 'n8n-nodes-crypto-webhooks.cryptofuseTrigger';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function cryptofuseSetup(ctx) {
  const fixture = (name) => JSON.parse(fs.readFileSync(new URL(`../fixtures/cryptofuse/${name}`, import.meta.url), 'utf8'));
  const secrets = fixture('test-credentials.json');
  const full = {
    id: 'e2eCryptofuseCr1',
    name: 'Cryptofuse (e2e)',
    type: 'cryptofuseApi',
    data: { webhookSecret: secrets.webhookSecret, legacyUrlToken: secrets.legacyUrlToken },
  };
  const secretOnly = {
    id: 'e2eCryptofuseCr2',
    name: 'Cryptofuse without legacy token (e2e)',
    type: 'cryptofuseApi',
    data: { webhookSecret: secrets.webhookSecret },
  };
  const cryptofuseTrigger = (parameters = {}, credential = full) =>
    trigger({ type: TRIGGER, parameters, credentials: { cryptofuseApi: credential } });

  const lanes = workflow(ctx, {
    id: 'e2eCryptofuseWf1',
    name: 'E2E Cryptofuse',
    lanes: [
      // v1.0 with the spec defaults (HMAC-SHA256, hex, raw body, X-Cryptofuse-Signature), all events.
      lane('all', cryptofuseTrigger()),
      // v1.0 with every signature setting changed (cryptofuse.e2e.ts signs with the same file).
      lane('custom', cryptofuseTrigger(fixture('e2e-custom-parameters.json'))),
      // Only deposit_received: a valid payment_status_update is acknowledged and starts nothing.
      lane('depositOnly', cryptofuseTrigger({ events: ['deposit_received'] })),
      // Trigger → Remove Duplicates (previous executions, dedupeKey) → capture.
      lane('dedupe', cryptofuseTrigger(), [removeDuplicates()]),
      // Legacy v0.9, guarded by the credential's Legacy URL Token (?token=…).
      lane('legacy', cryptofuseTrigger({ webhookVersion: 'v0.9' })),
    ],
  });
  const unguarded = workflow(ctx, {
    id: 'e2eCryptofuseWf2',
    name: 'E2E Cryptofuse legacy unguarded',
    lanes: [lane('legacyUnguarded', cryptofuseTrigger({ webhookVersion: 'v0.9' }, secretOnly))],
  });
  return { credentials: [full, secretOnly], workflows: [lanes, { json: unguarded.json, lanes: {} }] };
}
