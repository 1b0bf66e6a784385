// `npm run bench` (in-process part): for every trigger and a 1 KB, 10 KB and 100 KB body (slashes, non-ASCII,
// an amount that JSON.parse would round), prints µs per operation (median of several rounds after a warm-up) for
//   whole    webhook() inside n8n-core's real WebhookContext (test/helpers/webhookContext.ts, a fresh context per
//            request as n8n builds one), minus the same context around a webhook() that does nothing ("net"),
//            valid and forged
//   verify   the pure verify function, valid and forged
//   floor    the primitive + one JSON.parse + the re-serialisation the scheme needs (see bench/cases.mjs)
//   peer     the `standardwebhooks` package's verify on the same body
// and the ratios the targets are stated in (issue 13): whole ≤ 3× floor at 1 KB and ≤ 2× at 100 KB, verify ≤ 2×
// floor, verify faster than the peer. Figures only, never thresholds. Options: --rounds=N (default 7),
// --round-ms=N (default 150), --sizes=1024,10240,102400, --only=cryptomus,koywe
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

import { casesFor, TRIGGERS, WEBHOOK_URL } from './cases.mjs';

const require = createRequire(import.meta.url);
const { webhookContext } = require('../.bench/test/helpers/webhookContext.js');
const NODES = {
  cryptomus: () => new (require('../.bench/nodes/CryptomusTrigger/CryptomusTrigger.node.js').CryptomusTrigger)(),
  cryptapi: () => new (require('../.bench/nodes/CryptApiTrigger/CryptApiTrigger.node.js').CryptApiTrigger)(),
  crypto2b: () => new (require('../.bench/nodes/Crypto2b/Crypto2bTrigger.node.js').Crypto2bTrigger)(),
  koywe: () => new (require('../.bench/nodes/Koywe/KoyweTrigger.node.js').KoyweTrigger)(),
  cryptofuse: () => new (require('../.bench/nodes/Cryptofuse/CryptofuseTrigger.node.js').CryptofuseTrigger)(),
  oxapay: () => new (require('../.bench/nodes/OxaPayTrigger/OxaPayTrigger.node.js').OxaPayTrigger)(),
};

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const ROUNDS = Number(arg('rounds', 7));
const ROUND_MS = Number(arg('round-ms', 150));
const SIZES = arg('sizes', '1024,10240,102400').split(',').map(Number);
const ONLY = arg('only', TRIGGERS.join(',')).split(',');

/**
 * The trigger's own description (so n8n resolves the same parameters for the node) around a webhook() that does
 * nothing: the cost of n8n's context, subtracted from "whole".
 */
const doNothingLike = (node) => ({
  description: node.description,
  async webhook() {
    return { noWebhookResponse: true };
  },
});

function setupFor(c, request) {
  return {
    nodeType: `n8n-nodes-crypto-webhooks.${c.trigger.nodeType}`,
    parameters: c.trigger.parameters,
    credentials: c.trigger.credential ? { [c.trigger.credential.type]: c.trigger.credential.data } : {},
    webhookUrl: WEBHOOK_URL,
    request: { body: request.body, headers: request.headers },
  };
}

/** webhook() of `node` in a fresh real WebhookContext, as n8n builds one per request. */
async function callWebhook(node, setup) {
  const { context, response } = webhookContext(node, setup);
  const result = await node.webhook.call(context);
  return { result, response };
}

/** CPU time of this process (user + system, µs): unlike wall time, barely moved by other processes on the machine. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** Median CPU µs/op of `fn` (sync or async) over ROUNDS rounds of about ROUND_MS each, after a warm-up. */
async function timeCase(fn) {
  const runFor = async (ms) => {
    let n = 0;
    const start = performance.now();
    const cpu = cpuNow();
    do {
      await fn();
      n++;
    } while (performance.now() - start < ms);
    return (cpuNow() - cpu) / n;
  };
  await runFor(ROUND_MS);
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await runFor(ROUND_MS));
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)];
}

/** Sync functions are timed without an await per call (an await would cost more than a 1 KB HMAC). */
function timeSync(fn) {
  const runFor = (ms) => {
    let n = 0;
    const start = performance.now();
    const cpu = cpuNow();
    do {
      for (let i = 0; i < 10; i++) fn();
      n += 10;
    } while (performance.now() - start < ms);
    return (cpuNow() - cpu) / n;
  };
  runFor(ROUND_MS);
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(runFor(ROUND_MS));
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)];
}

const us = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const x = (v) => `${v.toFixed(2)}×`;
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;

async function main() {
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${ROUNDS} rounds × ${ROUND_MS} ms per case after a warm-up; medians; CPU µs per operation (process.cpuUsage)\n`);
  const rows = [];
  for (const name of TRIGGERS.filter((t) => ONLY.includes(t))) {
    const node = NODES[name]();
    for (const size of SIZES) {
      const c = casesFor(name, size);
      const valid = setupFor(c, c.valid);
      const forged = setupFor(c, c.forged);
      const doNothing = doNothingLike(node);

      // Check first that every timed case does what it claims.
      const accepted = await callWebhook(node, valid);
      const refused = await callWebhook(node, forged);
      if (!accepted.result.workflowData || accepted.response.status !== 200) throw new Error(`${name} ${size}: valid request not accepted`);
      if (refused.result.workflowData || refused.response.status !== 401) throw new Error(`${name} ${size}: forged request not refused with 401`);
      if (!c.verify() || c.verifyForged() || !c.peer() || c.peerForged()) throw new Error(`${name} ${size}: a verify case is wrong`);

      const context = await timeCase(() => callWebhook(doNothing, valid));
      const whole = await timeCase(() => callWebhook(node, valid));
      const wholeForged = await timeCase(() => callWebhook(node, forged));
      const row = {
        name,
        bytes: c.bytes,
        context,
        whole: whole - context,
        wholeForged: wholeForged - context,
        verify: timeSync(c.verify),
        verifyForged: timeSync(c.verifyForged),
        floor: timeSync(c.floor),
        peer: timeSync(c.peer),
      };
      rows.push(row);
      console.log(
        `${name.padEnd(10)} ${kb(row.bytes).padStart(6)}  whole ${us(row.whole).padStart(7)}  forged ${us(row.wholeForged).padStart(7)}  ` +
          `verify ${us(row.verify).padStart(7)}  floor ${us(row.floor).padStart(7)}  standardwebhooks ${us(row.peer).padStart(7)}  ` +
          `(context ${us(context)})`,
      );
    }
  }

  console.log('\n| trigger | body | whole (net) µs | forged whole µs | verify µs | forged verify µs | floor µs | standardwebhooks µs | whole / floor | verify / floor | verify / standardwebhooks |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const wholeTarget = r.bytes < 5 * 1024 ? 3 : r.bytes > 50 * 1024 ? 2 : undefined;
    const mark = (ok) => (ok ? '' : ' ✗');
    console.log(
      `| ${r.name} | ${kb(r.bytes)} | ${us(r.whole)} | ${us(r.wholeForged)} | ${us(r.verify)} | ${us(r.verifyForged)} | ${us(r.floor)} | ${us(r.peer)} | ` +
        `${x(r.whole / r.floor)}${wholeTarget ? mark(r.whole / r.floor <= wholeTarget) : ''} | ${x(r.verify / r.floor)}${mark(r.verify / r.floor <= 2)} | ` +
        `${x(r.verify / r.peer)}${mark(r.verify < r.peer)} |`,
    );
  }
  console.log(`\n✗ = target missed (whole ≤ 3× floor at 1 KB, ≤ 2× at 100 KB; verify ≤ 2× floor; verify < standardwebhooks)`);
}

await main();
