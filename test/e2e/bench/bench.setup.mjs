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

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function benchSetup(ctx) {
  const cryptomus = fixture('cryptomus/test-credentials.json');
  const crypto2b = fixture('crypto2b/vectors.json');
  const credential = (id, type, data) => ({ id, name: `${type} (bench)`, type, data });
  const credentials = {
    cryptomus: credential('benchCryptomus01', 'cryptomusApi', { paymentApiKey: cryptomus.paymentApiKey, payoutApiKey: cryptomus.payoutApiKey }),
    crypto2b: credential('benchCrypto2b001', 'crypto2bApi', { publicKey: crypto2b.publicKey, secretKey: crypto2b.secretKeyBase64 }),
    koywe: credential('benchKoywe000001', 'koyweApi', { webhookSecret: fixture('koywe/vectors.json').secret }),
    cryptofuse: credential('benchCryptofuse1', 'cryptofuseApi', { webhookSecret: fixture('cryptofuse/test-credentials.json').webhookSecret }),
    headerAuth: credential('benchHeaderAuth1', 'httpHeaderAuth', BENCH_AUTH_HEADER),
  };
  // Version 1.1, as n8n creates the nodes now; `cryptomusV1` is a node saved before 1.1 existed.
  const ours = (type, key, parameters = {}, typeVersion = 1.1) =>
    trigger({ type: `${PACKAGE}.${type}`, typeVersion, parameters, credentials: key ? { [credentials[key].type]: credentials[key] } : undefined });
  const starts = {
    webhook: webhookNode('bench-webhook'),
    webhookAuth: webhookNode('bench-webhook-auth', { authentication: 'headerAuth' }, { httpHeaderAuth: credentials.headerAuth }),
    cryptomus: ours('cryptomusTrigger', 'cryptomus'),
    cryptapi: ours('cryptApiTrigger', undefined, { publicKey: pem('cryptapi-test-public.pem') }),
    crypto2b: ours('crypto2bTrigger', 'crypto2b'),
    koywe: ours('koyweTrigger', 'koywe'),
    cryptofuse: ours('cryptofuseTrigger', 'cryptofuse'),
    cryptomusV1: ours('cryptomusTrigger', 'cryptomus', {}, 1),
  };
  const workflows = Object.entries(starts).map(([name, start]) =>
    workflow(ctx, {
      id: `bench${name[0].toUpperCase()}${name.slice(1)}`.padEnd(16, '0').slice(0, 16),
      name: `Bench ${name}`,
      lanes: [lane(name, start, [noOp()], { capture: false })],
    }),
  );
  return { credentials: Object.values(credentials), workflows };
}
