// What `npm run bench:n8n` (scripts/e2e.mjs --bench) imports into n8n: one small workflow per lane, start node →
// No Operation, so every lane costs n8n the same downstream work. Lanes: each trigger of the package (credentials and
// parameters as test/helpers/benchRequests.ts signs for), the Cryptomus Trigger once more at node version 1, n8n's own
// Webhook node, and the Webhook node with Header Auth (the reference for the rejection path). Read back as `run.lane('bench.<lane>')`.
import fs from 'node:fs';

import { lane, noOp, trigger, webhookNode, workflow } from '../harness/workflows.mjs';

const PACKAGE = 'n8n-nodes-crypto-webhooks';
/** The header the Header Auth lane expects; the bench sends a wrong value to be refused. */
export const BENCH_AUTH_HEADER = { name: 'X-Bench-Auth', value: 'bench-header-auth-value' };

const fixture = (file) => JSON.parse(fs.readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8'));
const pem = (file) => fs.readFileSync(new URL(`../../fixtures/cryptapi/${file}`, import.meta.url), 'utf8');

/**
 * The package's triggers as start nodes, with the credentials and parameters test/helpers/benchRequests.ts signs
 * for: `{ credentials, starts: { cryptomus, cryptapi, crypto2b, koywe, cryptofuse } }`. Credential ids start with
 * `idPrefix` (ids are global in n8n: each setup file uses its own prefix).
 */
export function packageTriggers({ idPrefix, typeVersion }) {
  const cryptomus = fixture('cryptomus/test-credentials.json');
  const crypto2b = fixture('crypto2b/vectors.json');
  const credential = (id, type, data) => ({ id: `${idPrefix}${id}`.padEnd(16, '0').slice(0, 16), name: `${type} (${idPrefix})`, type, data });
  const credentials = {
    cryptomus: credential('Cryptomus', 'cryptomusApi', { paymentApiKey: cryptomus.paymentApiKey, payoutApiKey: cryptomus.payoutApiKey }),
    crypto2b: credential('Crypto2b', 'crypto2bApi', { publicKey: crypto2b.publicKey, secretKey: crypto2b.secretKeyBase64 }),
    koywe: credential('Koywe', 'koyweApi', { webhookSecret: fixture('koywe/vectors.json').secret }),
    cryptofuse: credential('Cryptofuse', 'cryptofuseApi', { webhookSecret: fixture('cryptofuse/test-credentials.json').webhookSecret }),
  };
  const ours = (type, key, parameters = {}) =>
    trigger({ type: `${PACKAGE}.${type}`, typeVersion, parameters, credentials: key ? { [credentials[key].type]: credentials[key] } : undefined });
  return {
    credentials,
    starts: {
      cryptomus: ours('cryptomusTrigger', 'cryptomus'),
      cryptapi: ours('cryptApiTrigger', undefined, { publicKey: pem('cryptapi-test-public.pem') }),
      crypto2b: ours('crypto2bTrigger', 'crypto2b'),
      koywe: ours('koyweTrigger', 'koywe'),
      cryptofuse: ours('cryptofuseTrigger', 'cryptofuse'),
    },
  };
}

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function benchSetup(ctx) {
  // Version 1.1, as n8n creates the nodes now; `cryptomusV1` is a node saved before 1.1 existed.
  const current = packageTriggers({ idPrefix: 'bench', typeVersion: 1.1 });
  const v1 = packageTriggers({ idPrefix: 'benchV1', typeVersion: 1 });
  const headerAuth = { id: 'benchHeaderAuth1', name: 'httpHeaderAuth (bench)', type: 'httpHeaderAuth', data: BENCH_AUTH_HEADER };
  const starts = {
    webhook: webhookNode('bench-webhook'),
    webhookAuth: webhookNode('bench-webhook-auth', { authentication: 'headerAuth' }, { httpHeaderAuth: headerAuth }),
    ...current.starts,
    cryptomusV1: v1.starts.cryptomus,
  };
  const workflows = Object.entries(starts).map(([name, start]) =>
    workflow(ctx, {
      id: `bench${name[0].toUpperCase()}${name.slice(1)}`.padEnd(16, '0').slice(0, 16),
      name: `Bench ${name}`,
      lanes: [lane(name, start, [noOp()], { capture: false })],
    }),
  );
  return { credentials: [...Object.values(current.credentials), v1.credentials.cryptomus, headerAuth], workflows };
}
