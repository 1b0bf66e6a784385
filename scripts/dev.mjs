#!/usr/bin/env node
// `npm run dev` — n8n on http://localhost:5678 with this package installed the way users get it.
//
//   1. provisions Node 24 + n8n 2.41.1 once (cached in .n8n-local/, minutes the first time, shared with test:e2e),
//   2. builds + packs this package and unpacks it into .n8n-local/dev/.n8n/nodes/node_modules/ (every run),
//   3. imports examples/*.workflow.json and each credential of examples/credentials.json once (your edits are kept),
//   4. starts n8n in the foreground; Ctrl+C stops it.
//
// Options (after `npm run dev --`):  --n8n=1.123.81  another supported n8n version
//                                     --reset        forget the dev n8n's data (.n8n-local/dev-<version>/) first
// Environment: N8N_PORT (default 5678), WEBHOOK_URL (public URL for real provider callbacks, e.g. a tunnel).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {
  buildAndPack,
  freePorts,
  installPackageInto,
  isPortFree,
  isStopping,
  n8nCli,
  n8nEnv,
  somethingListens,
  startN8n,
  stopAllOnSignals,
  stopProcess,
  waitForN8n,
} from './lib/n8n.mjs';
import { CACHE_DIR, DEFAULT_N8N_VERSION, N8N_VERSIONS, REPO_ROOT, ensureN8n, log, removeTree } from './lib/provision.mjs';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

let version = DEFAULT_N8N_VERSION;
let reset = false;
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--n8n=')) version = a.slice('--n8n='.length);
  else if (a === '--reset') reset = true;
  else {
    console.error(`Unknown option ${a}. Usage: npm run dev [-- --n8n=<version>] [-- --reset]`);
    process.exit(2);
  }
}
if (!N8N_VERSIONS[version]) {
  console.error(`Unknown n8n version ${version}; supported: ${Object.keys(N8N_VERSIONS).join(', ')}`);
  process.exit(2);
}
const port = Number(process.env.N8N_PORT || 5678);
// Each n8n version gets its own data folder: a database migrated by 2.x cannot be opened by 1.x.
const userFolder = path.join(CACHE_DIR, version === DEFAULT_N8N_VERSION ? 'dev' : `dev-${version}`);
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

/**
 * Imports the placeholder credentials (one by one, by id) and the example workflows not imported into this dev
 * folder before. Each is imported once: the user may have pasted real keys or edited a workflow since, and a later
 * `npm run dev` must not overwrite that; credentials or examples added to the repo later are still picked up.
 */
async function importExamples(inst, env, logFile) {
  const ledgerPath = path.join(userFolder, 'imported-examples.json');
  const ledger = fs.existsSync(ledgerPath) ? JSON.parse(fs.readFileSync(ledgerPath, 'utf8')) : {};
  const imported = [];
  const credentials = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'credentials.json'), 'utf8'));
  for (const credential of credentials) {
    const key = `credential:${credential.id}`;
    if (ledger[key]) continue;
    const file = path.join(userFolder, `import-credential-${credential.id}.json`);
    fs.writeFileSync(file, JSON.stringify([credential]));
    try {
      await n8nCli(inst, env, ['import:credentials', `--input=${file}`], {
        logFile,
        label: `import placeholder credential "${credential.name}"`,
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
    ledger[key] = true;
    imported.push(credential.name);
  }
  const workflows = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.workflow.json')).sort();
  for (const f of workflows) {
    if (ledger[f]) continue;
    await n8nCli(inst, env, ['import:workflow', `--input=${path.join(EXAMPLES, f)}`], {
      logFile,
      label: `import example workflow ${f}`,
    });
    ledger[f] = createHash('sha256').update(fs.readFileSync(path.join(EXAMPLES, f))).digest('hex').slice(0, 16);
    imported.push(f);
  }
  fs.writeFileSync(ledgerPath, `${JSON.stringify(ledger, null, 2)}\n`);
  return imported;
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
  const inst = await ensureN8n(version);

  if (reset) {
    log(`Resetting ${rel(userFolder)}/`);
    removeTree(userFolder);
  }
  fs.mkdirSync(userFolder, { recursive: true });
  const logFile = path.join(userFolder, 'n8n.log');
  fs.writeFileSync(logFile, '');

  log('Building and packing n8n-nodes-crypto-webhooks');
  const tgz = await buildAndPack(path.join(userFolder, 'pack'), { logFile: path.join(userFolder, 'build.log') });
  const installed = installPackageInto(userFolder, tgz);
  log(`  ✓ installed into ${rel(installed)}/`);

  const [brokerPort] = await freePorts(1);
  const listenAddress = process.env.N8N_LISTEN_ADDRESS || '127.0.0.1';
  const editorUrl = `http://localhost:${port}`;
  const env = n8nEnv(inst, {
    userFolder,
    port,
    brokerPort,
    listenAddress,
    webhookUrl: process.env.WEBHOOK_URL || `${editorUrl}/`,
    extra: { N8N_SECURE_COOKIE: 'false', N8N_EDITOR_BASE_URL: `${editorUrl}/` },
  });
  const imported = await importExamples(inst, env, logFile);
  if (imported.length) log(`  ✓ examples imported: ${imported.join(', ')} (inactive until you paste real keys)`);

  await assertPortFree(); // again: the install may have taken minutes
  log(`Starting n8n ${version} on ${editorUrl} …`);
  const n8n = startN8n(inst, env, { logFile, echo: makeFilter() });

  try {
    await waitForN8n(n8n, { baseUrl: `http://127.0.0.1:${port}/`, logFile, timeoutMs: 180000 });
  } catch (err) {
    console.error(`\n${err.message}`);
    await stopProcess(n8n);
    process.exit(1);
  }
  process.stdout.write(banner(editorUrl));
  log(`(ready ${((Date.now() - started) / 1000).toFixed(1)} s after \`npm run dev\`)`);
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
