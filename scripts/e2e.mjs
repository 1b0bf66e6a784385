#!/usr/bin/env node
// `npm run test:e2e` — the package inside a real n8n, driven with real signed HTTP callbacks.
//
// For each n8n version (2.41.1 and 1.123.81 by default; side by side unless --serial):
//   1. provision Node 24 + that n8n once (cached in .n8n-local/, shared with `npm run dev`),
//   2. build + pack this package once and unpack it into a fresh user folder under .e2e/ (as users get it),
//   3. collect credentials + workflows from test/e2e/*.setup.mjs, import them headlessly and activate them,
//   4. start n8n on a free loopback port, wait until every test webhook is registered, create an owner + API key,
//   5. run the scenarios (test/e2e/*.e2e.ts, jest, in band) against it; they read .e2e/<run>/state.json,
//   6. stop n8n (by PID, its whole process group), also on failure or Ctrl+C.
// Prints one line per scenario, a line per version and, last, `N passed, N failed`. Exits non-zero on any failure.
//
// Options (after `npm run test:e2e --`):  --n8n=2.41.1[,1.123.81]   only these versions (or E2E_N8N_VERSIONS)
//                                          --keep                     keep .e2e/<run>/ folders even when green
//                                          --serial                   one version after the other (or E2E_SERIAL=1)
//                                          --bench                    benchmark mode (`npm run bench:n8n`): the
//                                                                     scenarios of test/e2e/bench/ instead, serial,
//                                                                     2.41.1 unless --n8n says otherwise, once per
//                                                                     n8n configuration (VARIANTS below)
//                                          --variants=a,b             only these configurations of a suite that has
//                                                                     several (bench: defaults, recommended, patched)
//                                          --profile                  n8n runs with --cpu-prof (profiles kept in
//                                                                     .e2e/<run>/cpu-prof/)
//                                          --queue                    queue mode: Postgres + Redis, main + 2 webhook
//                                                                     processors + 2 workers (scripts/lib/queue.mjs)
//                                          --suite=hostile            the hostile/load scenarios instead (test/e2e/hostile/,
//                                                                     `npm run test:hostile`; see its README section)
//                                          anything else              passed to jest (e.g. -t dedupe)
// E2E_N8N_ENV='KEY=value KEY2=value'  extra environment for n8n (e.g. to benchmark an n8n setting)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  activateWorkflows,
  buildAndPack,
  freePorts,
  installPackageInto,
  n8nCli,
  n8nEnv,
  setupOwner,
  startN8n,
  stopProcess,
  tail,
  waitForN8n,
} from './lib/n8n.mjs';
import { ensureDevDependencies } from './lib/deps.mjs';
import { runJestFile, runSuite } from './lib/jest.mjs';
import { patchedN8n } from './lib/patchedN8n.mjs';
import { N8N_VERSIONS, REPO_ROOT, ensureN8n, log, removeTree } from './lib/provision.mjs';
import { QUEUE_PORTS, ensureQueueServices, startQueueServices } from './lib/queue.mjs';

const E2E_DIR = path.join(REPO_ROOT, '.e2e');
const ENCRYPTION_KEY = 'e2e-only-encryption-key-not-secret';
// A scenario run that outlives this (e.g. jest waiting on a handle a test left open) is killed and counted as failed.
const OWNER = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Runner', password: 'E2e-Runner-Passw0rd' };

// ---------------------------------------------------------------------------------------------- arguments

const argv = process.argv.slice(2);
let versions = (process.env.E2E_N8N_VERSIONS || Object.keys(N8N_VERSIONS).join(',')).split(',');
let keep = false;
let serial = process.env.E2E_SERIAL === '1';
let profile = false;
let mode = 'single';
let suite = 'e2e';
let variantNames;
const jestArgs = [];
for (const a of argv) {
  if (a.startsWith('--n8n=')) versions = a.slice('--n8n='.length).split(',');
  else if (a.startsWith('--variants=')) variantNames = a.slice('--variants='.length).split(',').map((v) => v.trim()).filter(Boolean);
  else if (a === '--keep') keep = true;
  else if (a === '--serial') serial = true;
  else if (a === '--profile') profile = keep = true;
  else if (a === '--queue') mode = 'queue';
  else if (a === '--bench') suite = 'bench';
  else if (a.startsWith('--suite=')) suite = a.slice('--suite='.length);
  else jestArgs.push(a);
}
versions = versions.map((v) => v.trim()).filter(Boolean);
// A suite = a scenario set over the same orchestration: the folder whose *.setup.mjs declare its workflows, its jest
// config (jest.e2e.config.js picks the files by E2E_SUITE), how long jest may run (then it is killed and counted as
// failed), extra n8n environment, and defaults. The hostile setups reuse the provider setups' credentials, not their
// workflows (fewer to activate). Benchmarks run serially on 2.41.1 by default: two n8n side by side would skew
// each other's figures; every lane is timed and on a busy machine n8n's executions drain slowly.
const SUITES = {
  e2e: { dir: '', config: 'jest.e2e.config.js', minutes: mode === 'queue' ? 25 : 10 },
  hostile: {
    dir: 'hostile',
    config: 'jest.e2e.config.js',
    minutes: 40,
    // Hostile/load traffic queues SQLite queries behind n8n's 2 s database ping; on a busy shared 2-core machine the
    // ping's 5 s timeout then marks the database "not ready" and n8n answers 503 to every webhook for a while (load
    // shedding before any node runs; the scenarios also resend 503s as providers do and count them).
    // N8N_CONCURRENCY_PRODUCTION_LIMIT=1: what the README asks of a workflow that relies on Remove Duplicates under
    // concurrent callbacks (n8n's processed-data store races: "UNIQUE constraint failed: processed_data…" errors and
    // lost entries with parallel executions); webhooks are still answered at once, executions run one at a time.
    // N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (n8n 2.x; 1.x ignores it): what the README recommends to anyone running
    // these triggers at volume — n8n takes an expression isolate only when an expression is evaluated, so a refused
    // request costs n8n ~4–38 ms of CPU instead of ~100–200 ms (README, Performance); the triggers here are at
    // version 1.1, where that pays off. The node code that refuses is the same; the e2e suite runs n8n's defaults.
    env: { DB_PING_TIMEOUT_MS: '30000', N8N_CONCURRENCY_PRODUCTION_LIMIT: '1', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
    // One version after the other: two n8n under this load on 2 cores starve SQLite's single writer (n8n 2.41.1:
    // `Timeout waiting for lock SqliteWriteConnectionMutex`, webhooks answered 500 and no execution created for
    // minutes; seen side by side, never alone).
    serial: true,
  },
  // Benchmarks run once per n8n configuration (VARIANTS), each its own n8n start, one after the other.
  bench: { dir: 'bench', config: 'bench/jest.bench.config.js', minutes: 40, versions: '2.41.1', serial: true, variants: ['defaults', 'recommended', 'patched'] },
};
// Configurations of n8n a suite can run in (a suite's `variants`; `--variants=` picks some): `env` is added to n8n's
// environment, `patch` (a unified diff, docs/) is applied to a hard-linked copy of n8n (scripts/lib/patchedN8n.mjs;
// .n8n-local/ stays untouched). The scenarios learn the configuration from E2E_VARIANT / E2E_VARIANT_LABEL.
const VARIANTS = {
  defaults: { label: "n8n's defaults", env: {} },
  // What the README recommends to anyone running these triggers at volume on n8n 2.x (the triggers are at node
  // version 1.1 in every configuration, as n8n creates them now).
  recommended: { label: 'the README\'s recommendation: N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } },
  // The change proposed to n8n in docs/n8n-webhook-isolate-skip.md, on n8n's defaults otherwise.
  patched: {
    label: "n8n's defaults + the proposed webhook isolate skip (docs/n8n-webhook-isolate-skip.diff)",
    env: {},
    patch: 'docs/n8n-webhook-isolate-skip.diff',
  },
};
if (SUITES[suite] === undefined) {
  console.error(`Unknown suite ${suite}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
const SUITE = SUITES[suite];
const SUITE_DIR = path.join(REPO_ROOT, 'test', 'e2e', SUITE.dir);
const JEST_CONFIG = path.join(REPO_ROOT, 'test', 'e2e', SUITE.config);
const JEST_TIMEOUT_MS = SUITE.minutes * 60_000;
if (SUITE.serial) serial = true;
if (SUITE.versions && !process.env.E2E_N8N_VERSIONS && !argv.some((a) => a.startsWith('--n8n='))) versions = SUITE.versions.split(',');
// The hostile generator is seeded through jest's own --seed (jest.getSeed()); one seed for every version, printed.
if (suite === 'hostile' && !jestArgs.some((a) => a.startsWith('--seed'))) {
  jestArgs.push(`--seed=${Math.floor(Math.random() * 2 ** 31)}`);
}
for (const v of versions) {
  if (!N8N_VERSIONS[v]) {
    console.error(`Unknown n8n version ${v}; supported: ${Object.keys(N8N_VERSIONS).join(', ')}`);
    process.exit(2);
  }
}
// Every run is one n8n start per version × configuration; a suite without configurations has one, unnamed.
variantNames ??= SUITE.variants ?? [];
for (const name of variantNames) {
  if (!(SUITE.variants ?? []).includes(name) || !VARIANTS[name]) {
    console.error(`Unknown configuration ${name} for suite ${suite}; known: ${(SUITE.variants ?? []).join(', ') || 'none'}`);
    process.exit(2);
  }
}
const variants = variantNames.length ? variantNames.map((name) => ({ name, ...VARIANTS[name] })) : [{ name: '', label: '', env: {} }];

// ---------------------------------------------------------------------------------------------- helpers

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
// n8n, broker, capture + a pool for ctx.port() (+ the queue-mode processes)
const PORTS_PER_VERSION = 3 + 8 + (mode === 'queue' ? QUEUE_PORTS : 0);
const chunk = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Kills n8n process groups a previous run left behind when it was killed (recorded in .e2e/<run>/n8n.pid). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killLeftovers() {
  if (!fs.existsSync(E2E_DIR)) return;
  for (const d of fs.readdirSync(E2E_DIR)) {
    const pidFile = path.join(E2E_DIR, d, 'n8n.pid');
    if (!fs.existsSync(pidFile)) continue;
    const entries = fs.readFileSync(pidFile, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
    if (entries.some(([, owner]) => owner && alive(owner))) continue; // its e2e run is still going (another terminal)
    for (const [pid] of entries) {
      // Only if that PID is still ours: started with this run folder (or one inside it) as its working directory.
      let cwd = '';
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        /* gone (or not Linux) */
      }
      const runFolder = path.join(E2E_DIR, d);
      if (pid > 1 && (cwd === runFolder || cwd.startsWith(`${runFolder}${path.sep}`))) {
        log(`Stopping a process left running by an earlier run (pid ${pid}, ${d})`);
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    fs.rmSync(pidFile, { force: true });
  }
}

/** Keeps the .e2e/ folder small: run folders older than the newest few are removed. */
function pruneOldRuns(keepCount = 4) {
  if (!fs.existsSync(E2E_DIR)) return;
  const runs = fs
    .readdirSync(E2E_DIR)
    .filter((d) => /^\d{8}-\d{6}/.test(d))
    .sort();
  for (const d of runs.slice(0, Math.max(0, runs.length - keepCount))) removeTree(path.join(E2E_DIR, d));
}

function stamp() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

async function loadSetups() {
  const dir = SUITE_DIR;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.setup.mjs'))
    .sort()
    .map((f) => path.join(dir, f));
  const setups = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(f).href);
    setups.push({ provider: path.basename(f).replace(/\.setup\.mjs$/, ''), build: mod.default });
  }
  if (setups.length === 0) throw new Error(`no test/e2e/*.setup.mjs found`);
  return setups;
}

/**
 * Waits until n8n has registered every lane's production webhook (asked with a method no lane uses), at each of
 * `origins` (the lanes' own origin, or each webhook processor in queue mode).
 */
async function waitForLanes(lanes, origins, timeoutMs = 60000) {
  const started = Date.now();
  for (const lane of Object.values(lanes)) {
    for (const url of origins.map((o) => o + new URL(lane.url).pathname.slice(1))) {
      for (;;) {
        const res = await fetch(url, { method: 'PATCH', signal: AbortSignal.timeout(5000) });
        const text = await res.text();
        if (res.status !== 404 || text.includes('not registered for PATCH')) break;
        if (Date.now() - started > timeoutMs) {
          throw new Error(`webhook of lane ${lane.key} not registered at ${url} after ${timeoutMs / 1000} s: ${text.slice(0, 200)}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}

/**
 * Owner account + a public-API key (scopes to read executions), as a user would create them in the UI. Returns the
 * key and the owner's session cookie (for the editor's REST calls, e.g. "Listen for test event").
 */
async function ownerAndApiKey(baseUrl) {
  const cookie = await setupOwner(baseUrl, OWNER);
  const res = await fetch(new URL('rest/api-keys', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ label: 'e2e', scopes: ['execution:list', 'execution:read', 'workflow:read'], expiresAt: null }),
  });
  const body = await res.json().catch(() => ({}));
  const key = body?.data?.rawApiKey;
  if (res.status !== 200 || !key) throw new Error(`API key creation answered ${res.status}: ${JSON.stringify(body)}`);
  return { apiKey: key, cookie };
}

/** Runs the scenarios once; output goes to `print` line by line (collected when versions run side by side). */
const runJest = (env, print) => runJestFile({ config: JEST_CONFIG, args: jestArgs, env, print, timeoutMs: JEST_TIMEOUT_MS });

// ---------------------------------------------------------------------------------------------- one version

/**
 * One n8n version, start to finish. `ports`: n8n, its task-runner broker, the capture server, the queue-mode ports
 * (queue mode only), then a pool handed out by name through ctx.port(). `print` receives every output line.
 */
async function runVersion(version, { inst, tgz, setups, runDir, ports: allPorts, print, pgBin, variant, variantsBefore, outDir }) {
  const t0 = Date.now();
  const timings = {};
  fs.mkdirSync(runDir, { recursive: true });
  const logFile = path.join(runDir, 'n8n.log');
  const [port, brokerPort, capturePort, ...rest] = allPorts;
  const queuePorts = mode === 'queue' ? rest.splice(0, QUEUE_PORTS) : [];
  const pool = rest;
  // Queue mode: the lanes' URLs (and WEBHOOK_URL) are the load balancer's, which sends /webhook/* to the processors.
  const baseUrl = `http://127.0.0.1:${mode === 'queue' ? queuePorts[0] : port}/`;
  const ports = {};

  const credentials = [];
  const workflows = [];
  // Workflows a setup declared `active: false`: imported, not activated; the scenarios activate them (REST).
  const inactive = [];
  const lanes = {};
  for (const s of setups) {
    const ctx = {
      provider: s.provider,
      mode,
      baseUrl,
      captureUrl: (tag) => `http://127.0.0.1:${capturePort}/capture/${encodeURIComponent(tag)}`,
      port: (name) => {
        if (!ports[name]) {
          if (pool.length === 0) throw new Error('out of reserved ports: raise the pool size in scripts/e2e.mjs');
          ports[name] = pool.shift();
        }
        return ports[name];
      },
    };
    const out = await s.build(ctx);
    credentials.push(...(out.credentials ?? []));
    for (const wf of out.workflows ?? []) {
      workflows.push(wf.json);
      if (wf.active === false) inactive.push(wf.json.id);
      Object.assign(lanes, wf.lanes);
    }
  }
  fs.writeFileSync(path.join(runDir, 'credentials.json'), JSON.stringify(credentials, null, 2));
  fs.writeFileSync(path.join(runDir, 'workflows.json'), JSON.stringify(workflows, null, 2));
  installPackageInto(runDir, tgz);

  const pidFile = path.join(runDir, 'n8n.pid');
  const pids = [];
  const recordPid = (child) => {
    pids.push(child.pid);
    fs.writeFileSync(pidFile, pids.map((pid) => `${pid} ${process.pid}\n`).join('')); // the process, and the run that owns it
  };
  let t = Date.now();
  const cluster = mode === 'queue' ? await startQueueServices({ pgBin, runDir, ports: queuePorts, print, recordPid }) : null;
  let n8n;
  try {
    timings.services = Date.now() - t;
    const env = n8nEnv(inst, {
      userFolder: runDir,
      port,
      brokerPort,
      encryptionKey: ENCRYPTION_KEY,
      webhookUrl: baseUrl,
      extra: {
        EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
        EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
        N8N_LOG_LEVEL: 'info',
        ...SUITE.env,
        ...variant.env,
        ...cluster?.env,
        ...Object.fromEntries((process.env.E2E_N8N_ENV ?? '').split(/\s+/).filter(Boolean).map((kv) => kv.split(/=(.*)/s).slice(0, 2))),
      },
    });
    t = Date.now();
    if (credentials.length) {
      await n8nCli(inst, env, ['import:credentials', `--input=${path.join(runDir, 'credentials.json')}`], { logFile, print });
    }
    await n8nCli(inst, env, ['import:workflow', `--input=${path.join(runDir, 'workflows.json')}`], { logFile, print });
    const activeIds = workflows.map((w) => w.id).filter((id) => !inactive.includes(id));
    await activateWorkflows(version, inst, env, activeIds, { logFile, print, inactive });
    timings.import = Date.now() - t;

    t = Date.now();
    let processes;
    if (cluster) {
      processes = await cluster.startN8nProcesses(inst, env, tgz);
    } else {
      // --cpu-prof on n8n itself (written when it exits); only `n8n start`, not the import/activation CLI runs above.
      const cpuProf = `--cpu-prof --cpu-prof-dir=${path.join(runDir, 'cpu-prof')}`;
      n8n = startN8n(inst, profile ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${cpuProf}`.trim() } : env, { logFile });
      recordPid(n8n);
      await waitForN8n(n8n, { baseUrl, logFile });
      processes = [{ role: 'start', name: 'main', child: n8n, url: baseUrl, logFile }];
    }
    const webhookOrigins = cluster ? processes.filter((p) => p.role === 'webhook').map((p) => p.url) : [baseUrl];
    await waitForLanes(Object.fromEntries(Object.entries(lanes).filter(([, l]) => l.active !== false)), webhookOrigins);
    const { apiKey, cookie } = await ownerAndApiKey(baseUrl);
    timings.start = Date.now() - t;
    const shown = processes.map((p) => `${p.name} pid ${p.child.pid}`).join(', ');
    const activeLanes = Object.values(lanes).filter((l) => l.active !== false).length;
    print(`  ✓ n8n ${version} ${mode === 'queue' ? 'in queue mode ' : ''}at ${baseUrl} (${shown}; ${activeLanes} test webhooks active${inactive.length ? `, ${inactive.length} workflow(s) left for the scenarios to activate` : ''})`);
    if (variant.name) print(`  configuration ${variant.name}: ${variant.label} (n8n from ${path.relative(REPO_ROOT, inst.dir)}; 1-min load average ${os.loadavg()[0].toFixed(2)})`);

    const statePath = path.join(runDir, 'state.json');
    const resultsPath = path.join(runDir, 'results.json');
    const processList = processes.map((p) => ({ name: p.name, role: p.role, pid: p.child.pid, url: p.url, logFile: p.logFile }));
    const queue = cluster ? { processes: processList, postgres: cluster.postgres } : undefined;
    fs.writeFileSync(
      statePath,
      JSON.stringify({ version, mode, baseUrl, capturePort, ports, apiKey, cookie, lanes, runDir, logFile, queue, pid: n8n?.pid }, null, 2),
    );
    t = Date.now();
    const jestEnv = { E2E_STATE: statePath, E2E_RESULTS: resultsPath, E2E_N8N_VERSION: version, E2E_MODE: mode, E2E_SUITE: suite };
    // The configuration, the ones this version already ran in, and a folder kept after the run where the scenarios
    // may leave what compares configurations (bench: each one's rows, tables.md).
    if (variant.name) {
      Object.assign(jestEnv, { E2E_VARIANT: variant.name, E2E_VARIANT_LABEL: variant.label, E2E_VARIANTS_BEFORE: variantsBefore.join(','), E2E_OUT_DIR: outDir });
    }
    const code = await runJest(jestEnv, print);
    timings.scenarios = Date.now() - t;
    let results = { passed: 0, failed: 0 };
    try {
      results = JSON.parse(fs.readFileSync(resultsPath, 'utf8'));
    } catch {
      results = { passed: 0, failed: 1, error: 'jest wrote no results' };
    }
    if (code !== 0 && results.failed === 0) results.failed = 1; // jest failed outside any scenario
    return { ...results, timings, total: Date.now() - t0 };
  } finally {
    await (cluster ? cluster.stop() : stopProcess(n8n));
    fs.rmSync(pidFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  await ensureDevDependencies({ log });
  fs.mkdirSync(E2E_DIR, { recursive: true });
  killLeftovers();
  pruneOldRuns();

  const summary = [];
  const insts = {};
  for (const v of versions) {
    try {
      insts[v] = await ensureN8n(v);
    } catch (err) {
      summary.push({ version: v, passed: 0, failed: 1, error: `provisioning: ${err.message}` });
    }
  }
  // One n8n start per version × configuration; a configuration with a patch runs a patched copy of that n8n.
  const todo = [];
  for (const v of Object.keys(insts)) {
    for (const variant of variants) {
      const run = { version: v, variant, inst: insts[v], tag: variant.name ? `${v} [${variant.name}]` : v };
      if (variant.patch) {
        try {
          run.inst = patchedN8n(insts[v], path.join(REPO_ROOT, variant.patch), { log });
        } catch (err) {
          summary.push({ version: run.tag, passed: 0, failed: 1, error: `patching n8n: ${err.message}` });
          continue;
        }
      }
      todo.push(run);
    }
  }

  let tgz;
  let setups;
  let pgBin;
  try {
    if (mode === 'queue') ({ pgBin } = await ensureQueueServices({ logFile: path.join(E2E_DIR, 'apt.log') }));
    log('Building and packing n8n-nodes-crypto-webhooks');
    tgz = await buildAndPack(path.join(E2E_DIR, 'pack'), { logFile: path.join(E2E_DIR, 'build.log') });
    setups = await loadSetups();
  } catch (err) {
    for (const r of todo) summary.push({ version: r.tag, passed: 0, failed: 1, error: `build: ${err.message}` });
  }

  if (tgz && setups && todo.length > 0) {
    const runStamp = stamp();
    // Every port for every instance in one go, so no two instances can be handed the same one.
    const portSets = chunk(await freePorts(todo.length * PORTS_PER_VERSION), PORTS_PER_VERSION);
    // Kept after the run (pruned with the run folders): what the scenarios of several configurations leave there.
    const outDir = path.join(E2E_DIR, `${runStamp}-${suite}`);
    if (variants.some((v) => v.name)) fs.mkdirSync(outDir, { recursive: true });
    // Side by side (scenarios mostly wait on the network, so two n8n share 2 cores well) unless --serial.
    // Each version's output is collected and printed as one block when it is done, so lines never interleave.
    const parallel = !serial && todo.length > 1;
    if (parallel) log(`\nRunning n8n ${todo.map((r) => r.tag).join(' and ')} side by side; each prints its block when done (--serial to avoid).`);
    const seed = jestArgs.find((a) => a.startsWith('--seed'));
    if (seed) log(`Seed ${seed.replace(/^--seed=?/, '')}: reproduce with npm run test:${suite} -- ${seed}`);
    const runOne = async ({ version: v, variant, inst, tag }, i) => {
      const name = `${runStamp}-${mode === 'queue' ? 'queue-' : ''}n8n-${v}${variant.name ? `-${variant.name}` : ''}`;
      const runDir = path.join(E2E_DIR, name);
      const lines = [];
      const print = parallel ? (line) => lines.push(line) : log;
      print(`\n=== n8n ${tag} (user folder ${path.relative(REPO_ROOT, runDir)}/)`);
      // The configurations this version ran in before this one (serial runs only: side by side they overlap).
      const variantsBefore = parallel ? [] : todo.slice(0, i).filter((r) => r.version === v).map((r) => r.variant.name);
      let result;
      try {
        const r = await runVersion(v, { inst, tgz, setups, runDir, ports: portSets[i], print, pgBin, variant, variantsBefore, outDir });
        inst.verify?.({ afterRun: true });
        if (inst.verify) print(`  ${path.relative(REPO_ROOT, inst.dir)}: the originals of ${inst.patch.files.join(', ')} are byte-identical, no shared file was modified`);
        result = { version: tag, ...r, runDir };
        if (r.failed === 0 && !keep) removeTree(runDir);
      } catch (err) {
        print(`  FAIL [n8n ${tag}] setup: ${err.message}`);
        print(`    n8n log: ${path.join(runDir, 'n8n.log')}\n${tail(path.join(runDir, 'n8n.log'), 15)}`);
        result = { version: tag, passed: 0, failed: 1, error: err.message, runDir };
      }
      if (parallel) log(lines.join('\n'));
      return result;
    };
    const results = parallel ? await Promise.all(todo.map(runOne)) : [];
    if (!parallel) for (const [i, r] of todo.entries()) results.push(await runOne(r, i));
    summary.push(...results);
    if (fs.existsSync(path.join(outDir, 'tables.md'))) log(`\nTables (markdown): ${path.relative(REPO_ROOT, path.join(outDir, 'tables.md'))}`);
  }

  log(`\n=== ${suite} summary`);
  let passed = 0;
  let failed = 0;
  for (const r of summary) {
    passed += r.passed;
    failed += r.failed;
    const t = r.timings
      ? ` (${mode === 'queue' ? `postgres+redis ${secs(r.timings.services)}, ` : ''}import ${secs(r.timings.import)}, start ${secs(r.timings.start)}, scenarios ${secs(r.timings.scenarios)})`
      : '';
    log(`n8n ${r.version}: ${r.passed} passed, ${r.failed} failed${t}${r.error ? ` — ${r.error.split('\n')[0]}` : ''}`);
    if (r.failed > 0 && r.runDir) log(`  kept for inspection: ${path.relative(REPO_ROOT, r.runDir)}/ (n8n.log, state.json)`);
  }
  log(`total ${secs(Date.now() - started)}`);
  log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

runSuite(main);
