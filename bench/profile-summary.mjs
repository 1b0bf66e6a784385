// Summarises a V8 .cpuprofile (from `npm run bench:n8n -- --profile`, written by n8n into .e2e/<run>/cpu-prof/):
// the functions with the most self time, and the inclusive time of the calls a webhook request makes
// (credential loading, expression isolates, parameter resolution, body reading, logging, this package's code).
// Usage: node bench/profile-summary.mjs <file.cpuprofile | folder> [--top=25] [--match=regex,...]
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
if (!target) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile | folder> [--top=25] [--match=regex,...]');
  process.exit(2);
}
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
const extra = args.find((a) => a.startsWith('--match='))?.slice(8).split(',') ?? [];

// Inclusive time of every sample whose stack holds a frame matching the pattern (function name or file).
const GROUPS = [
  ['webhook request (LiveWebhooks.executeWebhook)', /executeWebhook@.*live-webhooks/],
  ['  n8n: isolate acquire (expression engine)', /^acquire@.*expression-evaluator|createBridge|acquireIsolate@/],
  ['  n8n: isolate release (dispose)', /^release@.*(expression-evaluator|isolate-pool)|releaseIsolate@/],
  ['  node getCredentials (→ CredentialsHelper.getDecrypted)', /getDecrypted@.*credentials-helper/],
  ['    credential DB lookup', /getCredentialsEntity@/],
  ['    decrypt (Credentials.getData)', /getData@.*credentials\.js/],
  ['    applyDefaultsAndOverwrites', /applyDefaultsAndOverwrites@/],
  ['  getNodeParameter', /getNodeParameter@/],
  ['  getNodeWebhookUrl / getWebhookResourceUrl', /getNodeWebhookUrl@|getWebhookResourceUrl@/],
  ['  body reading (readRawBody)', /readRawBody@/],
  ['  logging (Logger)', /@.*logging\/logger\.js|winston/],
  ['  this package (n8n-nodes-crypto-webhooks)', /n8n-nodes-crypto-webhooks/],
  ['workflow execution (WorkflowRunner.run)', /^run@.*workflow-runner/],
  ['garbage collection', /^\(garbage collector\)@/],
  ...extra.map((e) => [`match ${e}`, new RegExp(e)]),
];

const files = fs.statSync(target).isDirectory()
  ? fs.readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f))
  : [target];

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'}@${n.callFrame.url.replace(/^.*node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const groupTime = new Array(GROUPS.length).fill(0);
  const stackCache = new Map();
  const groupsOf = (id) => {
    if (stackCache.has(id)) return stackCache.get(id);
    const hits = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur));
      GROUPS.forEach(([, re], i) => re.test(l) && hits.add(i));
    }
    stackCache.set(id, hits);
    return hits;
  };
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const l = label(byId.get(id));
    self.set(l, (self.get(l) ?? 0) + dt);
    for (const g of groupsOf(id)) groupTime[g] += dt;
  });
  const idle = [...self].filter(([l]) => /^\(idle\)/.test(l)).reduce((a, [, v]) => a + v, 0);
  const ms = (us) => (us / 1000).toFixed(0).padStart(7);
  console.log(`\n${path.basename(file)}: ${ms(total)} ms sampled, ${ms(total - idle)} ms busy`);
  console.log('inclusive time (ms, % of busy):');
  GROUPS.forEach(([name], i) => console.log(`  ${ms(groupTime[i])}  ${((100 * groupTime[i]) / (total - idle)).toFixed(1).padStart(5)}%  ${name}`));
  console.log(`top ${top} self time:`);
  [...self]
    .filter(([l]) => !/^\(idle\)/.test(l))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([l, v]) => console.log(`  ${ms(v)}  ${l}`));
}
