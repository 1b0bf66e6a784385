// The dev n8n: what `npm run dev` sets up before it starts n8n, as one function other modes reuse
// (`npm run dev -- --check`, the browser check).
//
//   prepareDevInstance() → dev dependencies installed (npm ci when needed), Node 24 + n8n provisioned (cached),
//   this package built, packed and unpacked into <userFolder>/.n8n/nodes/node_modules/ as users get it, the
//   placeholder credentials and example workflows imported once; returns what startN8n() needs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ensureDevDependencies } from './deps.mjs';
import { PACKAGE_NAME, buildAndPack, freePorts, installPackageInto, n8nCli, n8nEnv } from './n8n.mjs';
import { CACHE_DIR, DEFAULT_N8N_VERSION, REPO_ROOT, ensureN8n, log, removeTree } from './provision.mjs';

export const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** Each n8n version gets its own data folder: a database migrated by 2.x cannot be opened by 1.x. */
export function devUserFolder(version, suffix = '') {
  const base = version === DEFAULT_N8N_VERSION ? 'dev' : `dev-${version}`;
  return path.join(CACHE_DIR, suffix ? `${base}-${suffix}` : base);
}

/** The example workflows in examples/, as `{ file, id, name }`. */
export function exampleWorkflows() {
  return fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.workflow.json'))
    .sort()
    .map((file) => {
      const { id, name } = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
      return { file, id, name };
    });
}

export function exampleCredentials() {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'credentials.json'), 'utf8'));
}

/**
 * The node and credential type names this package declares, read from the built `dist/` through package.json's
 * `n8n` section (what n8n itself loads): `{ nodes: ['n8n-nodes-crypto-webhooks.cryptomusTrigger', …], credentials: [...] }`.
 */
export function packageTypes() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const req = createRequire(path.join(REPO_ROOT, 'package.json'));
  const instantiate = (file) => {
    const mod = req(path.join(REPO_ROOT, file));
    const Cls = Object.values(mod).find((v) => typeof v === 'function');
    if (!Cls) throw new Error(`${file} exports no class`);
    return new Cls();
  };
  return {
    nodes: pkg.n8n.nodes.map((f) => `${PACKAGE_NAME}.${instantiate(f).description.name}`),
    credentials: pkg.n8n.credentials.map((f) => instantiate(f).name),
  };
}

/**
 * Imports the placeholder credentials and the example workflows not imported into this dev folder before (one n8n
 * CLI run for all missing credentials, one for all missing workflows: each run costs n8n's start-up). Each is
 * imported once: the user may have pasted real keys or edited a workflow since, and a later `npm run dev` must not
 * overwrite that; credentials or examples added to the repo later are still picked up.
 */
async function importExamples(userFolder, inst, env, logFile) {
  const ledgerPath = path.join(userFolder, 'imported-examples.json');
  const ledger = fs.existsSync(ledgerPath) ? JSON.parse(fs.readFileSync(ledgerPath, 'utf8')) : {};
  const credentials = exampleCredentials().filter((c) => !ledger[`credential:${c.id}`]);
  const workflows = exampleWorkflows().filter((w) => !ledger[w.file]);
  const batches = [
    { kind: 'credentials', items: credentials, json: () => credentials, done: (c) => (ledger[`credential:${c.id}`] = true) },
    {
      kind: 'workflow',
      items: workflows,
      json: () => workflows.map((w) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, w.file), 'utf8'))),
      done: (w) => (ledger[w.file] = createHash('sha256').update(fs.readFileSync(path.join(EXAMPLES, w.file))).digest('hex').slice(0, 16)),
    },
  ];
  for (const { kind, items, json, done } of batches) {
    if (items.length === 0) continue;
    const file = path.join(userFolder, `import-${kind}.json`);
    fs.writeFileSync(file, JSON.stringify(json()));
    try {
      await n8nCli(inst, env, [`import:${kind}`, `--input=${file}`], {
        logFile,
        label: `import ${items.length} example ${kind === 'workflow' ? 'workflows' : 'placeholder credentials'}`,
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
    items.forEach(done);
  }
  fs.writeFileSync(ledgerPath, `${JSON.stringify(ledger, null, 2)}\n`);
  return [...credentials.map((c) => c.name), ...workflows.map((w) => w.file)];
}

/**
 * Everything `npm run dev` does before `n8n start`. Returns `{ inst, env, logFile, userFolder, imported }`.
 * `port`: the editor port; `webhookUrl`, `listenAddress`, `extra`: passed to n8n's environment.
 */
export async function prepareDevInstance({ version, userFolder, port, reset = false, listenAddress = '127.0.0.1', webhookUrl, extra = {} }) {
  const rel = (p) => path.relative(REPO_ROOT, p) || '.';
  await ensureDevDependencies({ log });
  const inst = await ensureN8n(version);

  if (reset) {
    log(`Resetting ${rel(userFolder)}/`);
    removeTree(userFolder);
  }
  fs.mkdirSync(userFolder, { recursive: true });
  const logFile = path.join(userFolder, 'n8n.log');
  fs.writeFileSync(logFile, '');

  log(`Building and packing ${PACKAGE_NAME}`);
  const tgz = await buildAndPack(path.join(userFolder, 'pack'), { logFile: path.join(userFolder, 'build.log') });
  const installed = installPackageInto(userFolder, tgz);
  log(`  ✓ installed into ${rel(installed)}/`);

  const [brokerPort] = await freePorts(1);
  const editorUrl = `http://localhost:${port}`;
  const env = n8nEnv(inst, {
    userFolder,
    port,
    brokerPort,
    listenAddress,
    webhookUrl: webhookUrl || `${editorUrl}/`,
    extra: { N8N_SECURE_COOKIE: 'false', N8N_EDITOR_BASE_URL: `${editorUrl}/`, ...extra },
  });
  const imported = await importExamples(userFolder, inst, env, logFile);
  if (imported.length) log(`  ✓ examples imported: ${imported.join(', ')} (inactive until you paste real keys)`);
  return { inst, env, logFile, userFolder, editorUrl, imported };
}
