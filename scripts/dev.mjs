#!/usr/bin/env node
// `npm run dev` — n8n on http://localhost:5678 with this package installed the way users get it.
//
//   1. installs this package's dev dependencies from package-lock.json when needed (npm ci; fails early, before
//      any n8n download, if that does not work),
//   2. provisions Node 24 + n8n 2.41.1 once (cached in .n8n-local/, minutes the first time, shared with test:e2e),
//   3. builds + packs this package and unpacks it into .n8n-local/dev/.n8n/nodes/node_modules/ (every run),
//   4. imports examples/*.workflow.json and each credential of examples/credentials.json once (your edits are kept),
//   5. starts n8n in the foreground; Ctrl+C stops it.
//
// Options (after `npm run dev --`):  --n8n=1.123.81  another supported n8n version
//                                     --reset        forget the dev n8n's data (.n8n-local/dev-<version>/) first
//                                     --check        steps 1–5 in a fresh folder of its own (.n8n-local/dev-check/)
//                                                    on a free port, then verify through n8n's REST API that every
//                                                    node and credential type of this package is served and every
//                                                    example was imported; stop n8n; exit 0, or 1 naming what is
//                                                    missing (CI runs it)
// Environment: N8N_PORT (default 5678), WEBHOOK_URL (public URL for real provider callbacks, e.g. a tunnel).
import path from 'node:path';

import { checkDevInstance } from './lib/devCheck.mjs';
import { devUserFolder, prepareDevInstance } from './lib/devInstance.mjs';
import { freePorts, isPortFree, isStopping, somethingListens, startN8n, stopAllOnSignals, stopProcess, waitForN8n } from './lib/n8n.mjs';
import { DEFAULT_N8N_VERSION, N8N_VERSIONS, REPO_ROOT, log } from './lib/provision.mjs';

let version = DEFAULT_N8N_VERSION;
let reset = false;
let check = false;
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--n8n=')) version = a.slice('--n8n='.length);
  else if (a === '--reset') reset = true;
  else if (a === '--check') check = true;
  else {
    console.error(`Unknown option ${a}. Usage: npm run dev [-- --n8n=<version>] [-- --reset] [-- --check]`);
    process.exit(2);
  }
}
if (!N8N_VERSIONS[version]) {
  console.error(`Unknown n8n version ${version}; supported: ${Object.keys(N8N_VERSIONS).join(', ')}`);
  process.exit(2);
}
// --check never touches the user's dev folder (it creates an owner account) and needs no particular port.
let port = Number(process.env.N8N_PORT || 5678);
if (check && !process.env.N8N_PORT) [port] = await freePorts(1);
const userFolder = devUserFolder(version, check ? 'check' : '');
if (check) reset = true;
const rel = (p) => path.relative(REPO_ROOT, p) || '.';

async function assertPortFree() {
  if ((await isPortFree(port)) && !(await somethingListens(port))) return;
  console.error(
    `\nPort ${port} is already in use on this machine (another n8n, or an earlier \`npm run dev\` still running?).\n` +
      `Stop whatever listens there (\`lsof -i :${port}\` or \`ss -ltnp | grep ${port}\` shows it), or pick another port:\n` +
      `    N8N_PORT=${port + 10} npm run dev\n`,
  );
  process.exit(1);
}

function banner(url) {
  const lines = [
    `n8n ${version} is running with n8n-nodes-crypto-webhooks installed.`,
    '',
    `    Open ${url}`,
    '',
    'Next:',
    '  1. First time only: create the owner account the editor asks for',
    '     (it stays in this folder, nothing leaves the machine).',
    '  2. Open an "Example: …" workflow. There is one per provider: Cryptomus,',
    '     CryptAPI, Crypto2B, Cryptofuse, Koywe (events + user validation).',
    '     Its "How to use" note lists the provider\'s set-up steps.',
    "  3. Open the trigger's credential \"… (placeholder …: paste yours)\" and",
    '     paste your real keys (they are empty until you do; CryptAPI needs none).',
    "  4. Publish (activate) the workflow and give the provider the trigger's",
    '     Production URL. The provider must be able to reach it:',
    `     expose port ${port} (e.g. a tunnel), then restart with`,
    '     WEBHOOK_URL=https://<public-url>/ npm run dev',
    '  5. Search the nodes panel for "Cryptomus": trigger + action node.',
    '',
    'Changed the code? Ctrl+C, then `npm run dev` again (rebuilds it).',
    `Data: ${rel(userFolder)}/  (fresh start: npm run dev -- --reset)`,
    `Log:  ${rel(path.join(userFolder, 'n8n.log'))}`,
    'Stop: Ctrl+C',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return `\n┌${bar}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${bar}┘\n`;
}

// Drops the offline noise (n8n phones home; this machine has no internet) and start-up advice meant for
// production deployments from what is echoed; the log file keeps everything.
function makeFilter() {
  let skipping = null; // 'stack' after a network error, 'list' inside n8n's deprecation list
  return (line) => {
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED.*api\.n8n|Strapi API|A system task run failed/.test(line)) {
      skipping = 'stack';
      return false;
    }
    if (/^There are deprecations related to your/.test(line)) {
      skipping = 'list';
      return false;
    }
    if (skipping === 'stack' && /^\s+at |^\s*$|^\w*Error: /.test(line)) return false;
    if (skipping === 'list' && /^ - |^\s*$/.test(line)) return false;
    skipping = null;
    return !/^\s*$/.test(line) && !/Python task runner/.test(line);
  };
}

async function main() {
  const started = Date.now();
  await assertPortFree();
  const listenAddress = process.env.N8N_LISTEN_ADDRESS || '127.0.0.1';
  const { inst, env, logFile, editorUrl } = await prepareDevInstance({
    version,
    userFolder,
    port,
    reset,
    listenAddress,
    webhookUrl: process.env.WEBHOOK_URL,
  });

  await assertPortFree(); // again: the install may have taken minutes
  log(`Starting n8n ${version} on ${editorUrl} …`);
  const n8n = startN8n(inst, env, { logFile, echo: check ? false : makeFilter() });

  try {
    await waitForN8n(n8n, { baseUrl: `http://127.0.0.1:${port}/`, logFile, timeoutMs: 180000 });
  } catch (err) {
    console.error(`\n${err.message}`);
    await stopProcess(n8n);
    process.exit(1);
  }
  const ready = `(ready ${((Date.now() - started) / 1000).toFixed(1)} s after \`npm run dev\`)`;
  if (check) {
    log(`  ✓ n8n ${version} running at ${editorUrl} ${ready}`);
    let missing;
    try {
      missing = await checkDevInstance(`http://127.0.0.1:${port}/`, { log });
    } catch (err) {
      missing = [err.message];
    }
    await stopProcess(n8n);
    if (missing.length) {
      console.error(`\nnpm run dev -- --check: FAILED on n8n ${version}; missing:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
      console.error(`n8n log: ${rel(logFile)}`);
      process.exit(1);
    }
    log(`npm run dev -- --check: OK on n8n ${version} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return;
  }
  process.stdout.write(banner(editorUrl));
  log(ready);
  const { code, signal } = await n8n.exited;
  if (isStopping()) return; // Ctrl+C: stopAllOnSignals finishes and exits 0
  console.error(`n8n exited (${signal ?? `code ${code}`}); log: ${rel(logFile)}`);
  await stopProcess(n8n);
  process.exit(code || 1);
}

// Ctrl+C is how dev is meant to end: stop n8n and exit 0.
stopAllOnSignals(() => {}, 0);
main().catch((err) => {
  console.error(`\n${err.message ?? err}`);
  process.exit(1);
});
