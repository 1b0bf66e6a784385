#!/usr/bin/env node
// `npm run test:ui` — the n8n editor in a real browser, the way a user meets this package in the first hour.
//
// For each n8n version (2.41.1 and 1.123.81; one after the other):
//   1. the dev n8n exactly as `npm run dev` sets it up (scripts/lib/devInstance.mjs: package packed and installed,
//      example workflows and placeholder credentials imported), in a folder of its own (.n8n-local/dev[-<v>]-ui/),
//      plus the Cryptomus test-webhook loop (test/ui/cryptomus-loop.setup.mjs) aimed at the fake Cryptomus API,
//   2. n8n started on a free loopback port,
//   3. the scenarios in test/ui/*.ui.ts (jest) drive Debian's chromium through playwright-core: owner account,
//      node creator, every example workflow and node panel, "Test this trigger" for Cryptomus,
//   4. n8n stopped. Screenshots land in artifacts/ui/<version>/ (gitignored).
// Chromium is Debian's package (/usr/bin/chromium), installed with apt-get when missing; no browser is downloaded.
// Prints one line per scenario, then `N passed, N failed`. Options: --n8n=<version>[,<version>], jest args (-t …).
import fs from 'node:fs';
import path from 'node:path';

import { devUserFolder, prepareDevInstance } from './lib/devInstance.mjs';
import { runJestFile, runSuite } from './lib/jest.mjs';
import { freePorts, n8nCli, startN8n, stopProcess, tail, waitForN8n } from './lib/n8n.mjs';
import { CACHE_DIR, N8N_VERSIONS, REPO_ROOT, log, runStep } from './lib/provision.mjs';

export const CHROMIUM = '/usr/bin/chromium';
const UI_DIR = path.join(REPO_ROOT, 'test', 'ui');
const ARTIFACTS = path.join(REPO_ROOT, 'artifacts', 'ui');
// A guard against a hung jest (a handle a test left open), not a time budget: the scenarios grow by one preview lane
// per node, and on this shared 2-core machine under load one version's scenarios took up to 10 min (n8n 1.123.81).
const JEST_TIMEOUT_MS = 12 * 60 * 1000;
// A throw-away local account for the set-up form (the instance lives in its own folder and is reset every run).
const OWNER = { email: 'ui-check@example.com', firstName: 'UI', lastName: 'Check', password: 'Ui-Check-Passw0rd' };

let versions = Object.keys(N8N_VERSIONS);
const jestArgs = [];
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--n8n=')) versions = a.slice('--n8n='.length).split(',').map((v) => v.trim()).filter(Boolean);
  else jestArgs.push(a);
}
for (const v of versions) {
  if (!N8N_VERSIONS[v]) {
    console.error(`Unknown n8n version ${v}; supported: ${Object.keys(N8N_VERSIONS).join(', ')}`);
    process.exit(2);
  }
}
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Debian's chromium, installed with apt-get (as root, like every project machine) when it is not there yet. */
async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const logFile = path.join(CACHE_DIR, 'chromium-install.log');
  await runStep('apt-get update', 'apt-get', ['update'], { env, logFile });
  await runStep('apt-get install chromium', 'apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, logFile });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

async function runVersion(version) {
  const t0 = Date.now();
  const [port, fakePort] = await freePorts(2);
  const userFolder = devUserFolder(version, 'ui');
  const prepared = await prepareDevInstance({ version, userFolder, port, reset: true });
  const { inst, env, logFile, editorUrl } = prepared;

  const { default: cryptomusLoop, LOOP } = await import('../test/ui/cryptomus-loop.setup.mjs');
  const loop = cryptomusLoop({ baseUrl: `http://127.0.0.1:${port}/`, fakePort });
  const file = (name, json) => {
    const p = path.join(userFolder, name);
    fs.writeFileSync(p, JSON.stringify(json));
    return p;
  };
  await n8nCli(inst, env, ['import:credentials', `--input=${file('ui-credentials.json', loop.credentials)}`], { logFile });
  await n8nCli(inst, env, ['import:workflow', `--input=${file('ui-workflows.json', loop.workflows)}`], { logFile });
  const setupMs = Date.now() - t0;

  const n8n = startN8n(inst, env, { logFile });
  try {
    await waitForN8n(n8n, { baseUrl: `http://127.0.0.1:${port}/`, logFile, timeoutMs: 180000 });
    const startMs = Date.now() - t0 - setupMs;
    log(`  ✓ n8n ${version} running at ${editorUrl} (pid ${n8n.pid})`);
    const artifacts = path.join(ARTIFACTS, version);
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    const statePath = path.join(userFolder, 'ui-state.json');
    const resultsPath = path.join(userFolder, 'ui-results.json');
    fs.writeFileSync(
      statePath,
      JSON.stringify({ version, baseUrl: `${editorUrl}/`, fakePort, artifacts, loop: { ...LOOP, testUrl: loop.testUrl }, logFile, owner: OWNER }, null, 2),
    );
    const t = Date.now();
    const code = await runJestFile({
      config: path.join(UI_DIR, 'jest.ui.config.js'),
      args: jestArgs,
      env: { UI_STATE: statePath, E2E_RESULTS: resultsPath, E2E_N8N_VERSION: version },
      print: log,
      timeoutMs: JEST_TIMEOUT_MS,
    });
    let results;
    try {
      results = JSON.parse(fs.readFileSync(resultsPath, 'utf8'));
    } catch {
      results = { passed: 0, failed: 1 };
    }
    if (code !== 0 && results.failed === 0) results.failed = 1;
    return { ...results, timings: { setupMs, startMs, scenariosMs: Date.now() - t }, total: Date.now() - t0 };
  } catch (err) {
    log(`  FAIL [n8n ${version}] ${err.message}\n${tail(logFile, 15)}`);
    return { passed: 0, failed: 1, error: err.message };
  } finally {
    await stopProcess(n8n);
  }
}

async function main() {
  const started = Date.now();
  await ensureChromium();
  const summary = [];
  for (const version of versions) {
    log(`\n=== browser check, n8n ${version}`);
    summary.push({ version, ...(await runVersion(version)) });
  }
  log('\n=== browser check summary');
  for (const r of summary) {
    const t = r.timings ? ` (set-up ${secs(r.timings.setupMs)}, start ${secs(r.timings.startMs)}, browser ${secs(r.timings.scenariosMs)})` : '';
    log(`n8n ${r.version}: ${r.passed} passed, ${r.failed} failed${t}`);
  }
  log(`screenshots: ${path.relative(REPO_ROOT, ARTIFACTS)}/<version>/`);
  log(`total ${secs(Date.now() - started)}`);
  const passed = summary.reduce((n, r) => n + r.passed, 0);
  const failed = summary.reduce((n, r) => n + r.failed, 0);
  log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

runSuite(main);
