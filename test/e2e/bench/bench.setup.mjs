// What `npm run bench:n8n` (scripts/e2e.mjs --bench) imports into n8n: one small workflow per lane. Lanes: each
// trigger of the package → No Operation (credentials and parameters as test/helpers/benchRequests.ts signs for), the
// Cryptomus Trigger once more at node version 1, n8n's own Webhook node → No Operation, the Webhook node with Header
// Auth (the reference for the rejection path), and per scheme family the verifier a user builds without this package
// (`handBuilt()`: Webhook → Crypto → IF → Respond to Webhook). Read back as `run.lane('bench.<lane>')`.
import fs from 'node:fs';

import { lane, node, noOp, trigger, webhookNode, workflow } from '../harness/workflows.mjs';

const PACKAGE = 'n8n-nodes-crypto-webhooks';
/** The header the Header Auth lane expects; the bench sends a wrong value to be refused. */
export const BENCH_AUTH_HEADER = { name: 'X-Bench-Auth', value: 'bench-header-auth-value' };

const fixture = (file) => JSON.parse(fs.readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8'));
const pem = (file) => fs.readFileSync(new URL(`../../fixtures/cryptapi/${file}`, import.meta.url), 'utf8');

/**
 * The package's triggers as start nodes, with the credentials and parameters test/helpers/benchRequests.ts signs
 * for: `{ credentials, starts: { cryptomus, cryptapi, crypto2b, koywe, cryptofuse, oxapay } }`. Credential ids start with
 * `idPrefix` (ids are global in n8n: each setup file uses its own prefix); `parameters` adds node parameters per
 * trigger (`{ crypto2b: { options: … } }`).
 */
export function packageTriggers({ idPrefix, typeVersion, parameters = {} }) {
  const cryptomus = fixture('cryptomus/test-credentials.json');
  const crypto2b = fixture('crypto2b/vectors.json');
  const credential = (id, type, data) => ({ id: `${idPrefix}${id}`.padEnd(16, '0').slice(0, 16), name: `${type} (${idPrefix})`, type, data });
  const credentials = {
    cryptomus: credential('Cryptomus', 'cryptomusApi', { paymentApiKey: cryptomus.paymentApiKey, payoutApiKey: cryptomus.payoutApiKey }),
    crypto2b: credential('Crypto2b', 'crypto2bApi', { publicKey: crypto2b.publicKey, secretKey: crypto2b.secretKeyBase64 }),
    koywe: credential('Koywe', 'koyweApi', { webhookSecret: fixture('koywe/vectors.json').secret }),
    cryptofuse: credential('Cryptofuse', 'cryptofuseApi', { webhookSecret: fixture('cryptofuse/test-credentials.json').webhookSecret }),
    oxapay: credential('OxaPay', 'oxaPayApi', (({ merchantApiKey, payoutApiKey }) => ({ merchantApiKey, payoutApiKey }))(fixture('oxapay/test-credentials.json'))),
  };
  const ours = (name, type, key, own = {}) =>
    trigger({
      type: `${PACKAGE}.${type}`,
      typeVersion,
      parameters: { ...own, ...parameters[name] },
      credentials: key ? { [credentials[key].type]: credentials[key] } : undefined,
    });
  return {
    credentials,
    starts: {
      cryptomus: ours('cryptomus', 'cryptomusTrigger', 'cryptomus'),
      cryptapi: ours('cryptapi', 'cryptApiTrigger', undefined, { publicKey: pem('cryptapi-test-public.pem') }),
      crypto2b: ours('crypto2b', 'crypto2bTrigger', 'crypto2b'),
      koywe: ours('koywe', 'koyweTrigger', 'koywe'),
      cryptofuse: ours('cryptofuse', 'cryptofuseTrigger', 'cryptofuse'),
      oxapay: ours('oxapay', 'oxaPayTrigger', 'oxapay'),
    },
  };
}

const JSON_ACK = { respondWith: 'json', responseBody: '{"received":true}' };
const TEXT_OK = { respondWith: 'text', responseBody: 'ok' };

/**
 * The check a user builds per scheme family with n8n's own nodes, mirroring one trigger of the package each (the
 * provider's ack as the trigger answers it). `crypto`: the Crypto node's parameters (its result lands in `$json.data`);
 * `received`: where the provider puts the signature. What a user can build is what n8n hands them: the parsed
 * `$json.body` (re-encoded with `toJsonString()`, i.e. JSON.stringify, for the schemes that sign a re-encoding) or
 * the raw body as binary (Webhook option "Raw Body"). The re-encoding only matches bodies that survive JSON.parse +
 * JSON.stringify (no `/` that PHP escapes, no number literal that JSON.parse shortens): these lanes get such bodies
 * (`benchPayload(…, { plain: true })`). CryptAPI (RSA: the Crypto node signs but cannot verify) and Crypto2B (a
 * base64 key over headers + URL + body: the Crypto node's HMAC secret is text) have no such equivalent.
 */
export function handBuiltChecks() {
  const cryptomusKey = fixture('cryptomus/test-credentials.json').paymentApiKey;
  return {
    // Cryptomus (and Heleket): md5(base64(json_encode(body without sign)) + API key), `sign` in the body. The Hash
    // action has no credential: the key goes into the expression.
    cryptomus: {
      crypto: {
        action: 'hash',
        type: 'MD5',
        value: `={{ $json.body.removeField('sign').toJsonString().base64Encode() + '${cryptomusKey}' }}`,
      },
      received: '={{ $json.body.sign }}',
      ack: JSON_ACK,
    },
    // Koywe (Ramp API): HMAC-SHA256 of JSON.stringify(body without signature), `signature` in the body.
    koywe: {
      crypto: { action: 'hmac', type: 'SHA256', value: `={{ $json.body.removeField('signature').toJsonString() }}` },
      secret: fixture('koywe/vectors.json').secret,
      received: '={{ $json.body.signature }}',
      ack: JSON_ACK,
    },
    // HMAC of the raw body in a header (OxaPay: SHA-512 in `HMAC`; CoinPayments, BTCPay, Koywe's header mode alike).
    oxapay: {
      crypto: { action: 'hmac', type: 'SHA512', binaryData: true, binaryPropertyName: 'data' },
      secret: fixture('oxapay/test-credentials.json').merchantApiKey,
      received: '={{ $json.headers.hmac }}',
      ack: TEXT_OK,
    },
    // Cryptofuse's default: HMAC-SHA256 of the raw body in `X-Cryptofuse-Signature`.
    cryptofuse: {
      crypto: { action: 'hmac', type: 'SHA256', binaryData: true, binaryPropertyName: 'data' },
      secret: fixture('cryptofuse/test-credentials.json').webhookSecret,
      received: `={{ $json.headers['x-cryptofuse-signature'] }}`,
      ack: JSON_ACK,
    },
  };
}

/**
 * One hand-built verifier as a lane: Webhook node (2.1, Respond: Using 'Respond to Webhook' node, Raw Body on) →
 * Crypto (2) → IF (2.2: the computed digest equals the received signature) → true: Respond to Webhook 200 with the
 * ack; false: Respond to Webhook 401 `Unauthorized`. Every request starts an execution, forged ones included.
 */
export function handBuilt(name, check, idPrefix) {
  const Name = `${name[0].toUpperCase()}${name.slice(1)}`;
  const credential = check.secret && {
    id: `${idPrefix}Hmac${Name}`.padEnd(16, '0').slice(0, 16),
    name: `Crypto ${name} (${idPrefix})`,
    type: 'crypto',
    data: { hmacSecret: check.secret },
  };
  const start = webhookNode(`${idPrefix}-hand-${name}`.toLowerCase(), { responseMode: 'responseNode', options: { rawBody: true } }, undefined, { typeVersion: 2.1 });
  const crypto = node({
    type: 'n8n-nodes-base.crypto',
    typeVersion: 2,
    parameters: { binaryData: false, dataPropertyName: 'data', encoding: 'hex', ...check.crypto },
    credentials: credential ? { crypto: credential } : undefined,
    label: 'Crypto',
  });
  const equals = node({
    type: 'n8n-nodes-base.if',
    typeVersion: 2.2,
    parameters: {
      conditions: {
        options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
        conditions: [{ id: 'signature', leftValue: '={{ $json.data }}', rightValue: check.received, operator: { type: 'string', operation: 'equals' } }],
        combinator: 'and',
      },
      options: {},
    },
    label: 'Signature matches',
  });
  const respond = (parameters, label) => node({ type: 'n8n-nodes-base.respondToWebhook', typeVersion: 1.5, parameters, label });
  const ok = respond({ ...check.ack, options: {} }, 'Ack');
  const refuse = respond({ respondWith: 'text', responseBody: 'Unauthorized', options: { responseCode: 401 } }, 'Unauthorized');
  return { credentials: credential ? [credential] : [], lane: (laneName) => lane(laneName, start, [crypto, equals], { branches: [[ok], [refuse]] }) };
}

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function benchSetup(ctx) {
  // Version 1.1, as n8n creates the nodes now; `cryptomusV1` is a node saved before 1.1 existed.
  // Crypto2B signs the time of sending: at c = 50 a callback waits in n8n's queue for seconds, longer than the
  // trigger's default Maximum Receive Window (5 s). The bench lets the signed 60 s window count, as a user whose
  // n8n queues may set it; what it measures is throughput, not the replay check.
  const current = packageTriggers({ idPrefix: 'bench', typeVersion: 1.1, parameters: { crypto2b: { options: { maxRecvWindowMs: 60_000 } } } });
  const v1 = packageTriggers({ idPrefix: 'benchV1', typeVersion: 1 });
  const headerAuth = { id: 'benchHeaderAuth1', name: 'httpHeaderAuth (bench)', type: 'httpHeaderAuth', data: BENCH_AUTH_HEADER };
  const starts = {
    webhook: webhookNode('bench-webhook'),
    webhookAuth: webhookNode('bench-webhook-auth', { authentication: 'headerAuth' }, { httpHeaderAuth: headerAuth }),
    ...current.starts,
    cryptomusV1: v1.starts.cryptomus,
  };
  const hand = Object.entries(handBuiltChecks()).map(([name, check]) => [`hand${name[0].toUpperCase()}${name.slice(1)}`, handBuilt(name, check, 'bench')]);
  const lanes = [
    ...Object.entries(starts).map(([name, start]) => lane(name, start, [noOp()], { capture: false })),
    ...hand.map(([name, h]) => h.lane(name)),
  ];
  const workflows = lanes.map((l) =>
    workflow(ctx, { id: `bench${l.name[0].toUpperCase()}${l.name.slice(1)}`.padEnd(16, '0').slice(0, 16), name: `Bench ${l.name}`, lanes: [l] }),
  );
  const credentials = [...Object.values(current.credentials), v1.credentials.cryptomus, headerAuth, ...hand.flatMap(([, h]) => h.credentials)];
  return { credentials, workflows };
}
