// What the hostile/load scenarios (`npm run test:hostile`, scripts/e2e.mjs --suite=hostile) need inside n8n: the
// triggers twice — plain lanes to attack, and load lanes (trigger → Remove Duplicates → capture, the shape the
// README recommends) — with the provider setups' credentials; n8n's own Webhook node as the baseline for what n8n
// answers before any node runs; and the Cryptomus action node fed bad parameters, against a misbehaving fake API.
import fs from 'node:fs';

import { CASE_LANES } from '../cases/lanes.mjs';
import { lane, node, removeDuplicates, trigger, webhookNode, workflow } from '../harness/workflows.mjs';
import cryptofuseSetup from '../cryptofuse.setup.mjs';
import cryptomusSetup from '../cryptomus.setup.mjs';
import crypto2bSetup from '../crypto2b.setup.mjs';
import koyweSetup from '../koywe.setup.mjs';

const PKG = 'n8n-nodes-crypto-webhooks';
/** The triggers' version a user who adds them today gets (1.1 behaves like 1; test/e2e/version.e2e.ts). */
const V = 1.1;

/** The credential of `type` that a provider setup declares, as a node's `credentials`; `used` collects it for import. */
function credentialOf(setup, ctx, type, used) {
  const found = setup(ctx).credentials.find((c) => c.type === type);
  if (!found) throw new Error(`no ${type} credential in the provider setups`);
  if (!used.includes(found)) used.push(found);
  return { [type]: found };
}

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function hostileSetup(ctx) {
  const used = [];
  const cryptapiKey = fs.readFileSync(new URL('../../fixtures/cryptapi/cryptapi-test-public.pem', import.meta.url), 'utf8');
  const custom = JSON.parse(fs.readFileSync(new URL('../../fixtures/cryptofuse/e2e-custom-parameters.json', import.meta.url), 'utf8'));
  const koyweOrders = credentialOf(koyweSetup, ctx, 'koyweApi', used);

  // The seven triggers: [lane name, start node, Remove Duplicates value for the load lanes].
  const triggers = [
    ['cryptomus', trigger({ typeVersion: V, type: `${PKG}.cryptomusTrigger`, credentials: credentialOf(cryptomusSetup, ctx, 'cryptomusApi', used) })],
    ['cryptapi', trigger({ typeVersion: V, type: `${PKG}.cryptApiTrigger`, parameters: { publicKey: cryptapiKey } })],
    ['crypto2b', trigger({ typeVersion: V, type: `${PKG}.crypto2bTrigger`, credentials: credentialOf(crypto2bSetup, ctx, 'crypto2bApi', used) })],
    ['cryptofuse', trigger({ typeVersion: V, type: `${PKG}.cryptofuseTrigger`, parameters: custom, credentials: credentialOf(cryptofuseSetup, ctx, 'cryptofuseApi', used) })],
    ['koyweBody', trigger({ typeVersion: V, type: `${PKG}.koyweTrigger`, credentials: koyweOrders })],
    ['koyweHeader', trigger({ typeVersion: V, type: `${PKG}.koyweTrigger`, parameters: { signatureMode: 'header' }, credentials: koyweOrders })],
    [
      'koyweValidation',
      trigger({
        typeVersion: V,
        type: `${PKG}.koyweUserValidationTrigger`,
        parameters: { decisionField: 'allowed' },
        credentials: credentialOf(koyweSetup, ctx, 'koyweUserValidationApi', used),
      }),
      '={{ $json.email }}',
    ],
    // The provider cases (../cases/): their trigger as a user configures it, their credentials.
    ...CASE_LANES.map((lanesOf) => {
      const c = lanesOf(ctx);
      for (const credential of c.credentials) if (!used.includes(credential)) used.push(credential);
      return [c.id, { ...c.trigger, typeVersion: V }];
    }),
  ];
  // Bad requests go to plain lanes (trigger → capture, nothing may arrive), load to lanes with Remove Duplicates.
  const rejects = workflow(ctx, { id: 'e2eHostileRejct1', name: 'E2E hostile: attacked triggers', lanes: triggers.map(([name, start]) => lane(name, start)) });
  const load = workflow(ctx, {
    id: 'e2eHostileLoad01',
    name: 'E2E hostile: load lanes',
    lanes: triggers.map(([name, start, dedupeValue]) => lane(`load-${name}`, start, [removeDuplicates(dedupeValue)])),
  });

  const cryptomusApi = {
    id: 'e2eHostileCmsApi',
    name: 'Cryptomus (hostile fake API)',
    type: 'cryptomusApi',
    data: { ...cryptomusSetup(ctx).credentials[0].data, baseUrl: `http://127.0.0.1:${ctx.port('hostileCryptomusApi')}` },
  };
  // Webhook (items in body.items) → Split Out → Cryptomus "send test webhook" with every parameter an expression.
  const action = (settings) => [
    node({ type: 'n8n-nodes-base.splitOut', typeVersion: 1, label: 'Items', parameters: { fieldToSplitOut: 'body.items', options: {} } }),
    node({
      type: `${PKG}.cryptomus`,
      label: 'Cryptomus',
      settings,
      credentials: { cryptomusApi },
      parameters: {
        resource: 'testWebhook',
        operation: 'payment',
        urlCallback: '={{ $json.url }}',
        currency: '={{ $json.currency }}',
        network: 'tron',
        status: '={{ $json.status }}',
        additionalFields: { uuid: '={{ $json.uuid }}' },
      },
    }),
  ];
  const baseline = workflow(ctx, {
    id: 'e2eHostileBase01',
    name: 'E2E hostile: n8n baseline and action node',
    lanes: [
      lane('n8nWebhook', webhookNode('e2e-hostile-n8n-webhook')),
      lane('action', webhookNode('e2e-hostile-action'), action()),
      lane('actionContinue', webhookNode('e2e-hostile-action-continue'), action({ onError: 'continueRegularOutput' })),
    ],
  });
  return { credentials: [...used, cryptomusApi], workflows: [rejects, load, baseline] };
}
