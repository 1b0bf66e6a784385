// Running a provisioned n8n: build + pack this package, install it into a user folder the way users get it,
// import workflows / credentials headlessly, activate them, start n8n and stop it again (by PID, process group).
// Shared by scripts/dev.mjs and scripts/e2e.mjs. Plain Node ESM, no dependencies, runs on Node 20.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { N8N_VERSIONS, REPO_ROOT, killRunningSteps, log, runStep } from './provision.mjs';

export const PACKAGE_NAME = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name;

// ---------------------------------------------------------------------------------------------- ports

/** A free TCP port on 127.0.0.1 (asks the kernel for one). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `count` distinct free ports on 127.0.0.1 (all held open until every one is known, so none repeats). */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      servers.push(
        await new Promise((resolve, reject) => {
          const srv = net.createServer();
          srv.unref();
          srv.on('error', reject);
          srv.listen(0, '127.0.0.1', () => resolve(srv));
        }),
      );
    }
    return servers.map((srv) => srv.address().port);
  } finally {
    await Promise.all(servers.map((srv) => new Promise((r) => srv.close(r))));
  }
}

/** Resolves true when `port` can be bound on `host`, false when something already uses it. */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', (err) => (err.code === 'EADDRINUSE' || err.code === 'EACCES' ? resolve(false) : reject(err)));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Also true when something answers on the port (covers a server bound to another address of the machine). */
export function somethingListens(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    sock.setTimeout(1000);
    sock.on('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.on('timeout', () => {
      sock.destroy();
      resolve(false);
    });
    sock.on('error', () => resolve(false));
  });
}

// ---------------------------------------------------------------------------------------------- the package

/**
 * `npm run build` then `npm pack` with the machine's Node (the package's own toolchain), into `destDir`.
 * Returns the tarball path.
 */
export async function buildAndPack(destDir, { logFile }) {
  fs.mkdirSync(destDir, { recursive: true });
  for (const f of fs.readdirSync(destDir)) if (f.endsWith('.tgz')) fs.rmSync(path.join(destDir, f));
  await runStep('npm run build', 'npm', ['run', 'build'], { cwd: REPO_ROOT, env: process.env, logFile });
  await runStep('npm pack', 'npm', ['pack', '--pack-destination', destDir, '--loglevel=error'], {
    cwd: REPO_ROOT,
    env: process.env,
    logFile,
  });
  const tgz = fs.readdirSync(destDir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack produced no tarball in ${destDir}`);
  return path.join(destDir, tgz);
}

/**
 * Unpacks the tarball to `<userFolder>/.n8n/nodes/node_modules/<package>`: where n8n keeps community packages,
 * so node types are `<package>.<name>` exactly as users' workflows contain them. Replaces any previous copy.
 */
export function installPackageInto(userFolder, tgz) {
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const r = spawnSync('tar', ['-xzf', tgz, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`unpacking ${tgz} failed: ${r.stderr}`);
  const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).version;
  // What `npm install` in that folder would leave behind (n8n reads node_modules; this keeps it tidy).
  fs.writeFileSync(
    path.join(nodesDir, 'package.json'),
    `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2)}\n`,
  );
  return target;
}

// ---------------------------------------------------------------------------------------------- n8n processes

/**
 * Environment for one n8n instance. `inst` is what ensureN8n() returned.
 * Loopback only: n8n listens on `listenAddress` (127.0.0.1 unless told otherwise).
 */
export function n8nEnv(inst, { userFolder, port, brokerPort, encryptionKey, listenAddress = '127.0.0.1', webhookUrl, extra = {} }) {
  const env = {
    ...process.env,
    PATH: `${inst.node24.binDir}${path.delimiter}${process.env.PATH}`,
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: listenAddress,
    WEBHOOK_URL: webhookUrl ?? `http://127.0.0.1:${port}/`,
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    N8N_HIRING_BANNER_ENABLED: 'false',
    ...extra,
  };
  if (encryptionKey) env.N8N_ENCRYPTION_KEY = encryptionKey;
  // npm's per-script variables of the calling `npm run` must not leak into n8n.
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  return env;
}

/** Runs one n8n CLI command (`import:workflow …`) to completion; output goes to `logFile`. */
export async function n8nCli(inst, env, args, { logFile, label, print }) {
  await runStep(label ?? `n8n ${args.join(' ')}`, inst.node24.node, [inst.bin, ...args], {
    cwd: env.N8N_USER_FOLDER,
    env,
    logFile,
    print,
  });
}

/**
 * Makes the imported workflows `ids` active before `n8n start`: `publish:workflow` per workflow on 2.x (run up to
 * three at a time; any that fails, e.g. on a busy SQLite, is retried alone), `update:workflow --all` on 1.x.
 * `inactive` lists imported workflows that must stay off (on 1.x they are switched off again after `--all`).
 */
export async function activateWorkflows(version, inst, env, ids, { logFile, print, inactive = [] }) {
  const spec = N8N_VERSIONS[version];
  const commands = spec.activate(ids, inactive);
  if (!spec.activateInParallel) {
    for (const args of commands) await n8nCli(inst, env, args, { logFile, print });
    return;
  }
  const failed = [];
  const queue = [...commands];
  const worker = async () => {
    for (let args = queue.shift(); args; args = queue.shift()) {
      await n8nCli(inst, env, args, { logFile, print }).catch(() => {
        (print ?? log)(`  … n8n ${args.join(' ')} failed while others ran; retrying it alone`);
        failed.push(args);
      });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  for (const args of failed) await n8nCli(inst, env, args, { logFile, print, label: `retry n8n ${args.join(' ')}` });
}

const running = new Set();
let exitHookInstalled = false;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: whatever is still running when this process exits is killed (synchronously, SIGKILL).
  process.on('exit', () => {
    for (const child of running) killGroup(child.pid, 'SIGKILL');
  });
}

/**
 * Starts `file args…` in its own process group (so its children stop with it) and records it: stopAll(), a signal
 * or this process exiting stops it. Output goes to `logFile`, and to our stdout too when `echo` is set (`true`, or a
 * line filter function). `child.exited` resolves with `{ code, signal }`.
 */
export function startTracked(file, args, { cwd, env, logFile, echo = false }) {
  installExitHook();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(file, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', echo ? 'pipe' : out, echo ? 'pipe' : out],
  });
  if (echo) {
    const show = typeof echo === 'function' ? echo : () => true;
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.on('data', (chunk) => {
        fs.writeSync(out, chunk);
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop();
        for (const line of lines) if (show(line)) process.stdout.write(`${line}\n`);
      });
    }
  }
  child.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  child.on('error', () => running.delete(child));
  running.add(child);
  return child;
}

/** Starts `n8n <command>` (`start`, or `webhook` / `worker` in queue mode) with startTracked(). */
export function startN8n(inst, env, { logFile, echo = false, command = 'start' }) {
  return startTracked(inst.node24.node, [inst.bin, command], { cwd: env.N8N_USER_FOLDER, env, logFile, echo });
}

/** Stops a process started by startTracked: `signal` (SIGTERM) to its group, SIGKILL after `graceMs`. */
export async function stopProcess(child, graceMs = 10000, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    if (child) killGroup(child.pid, 'SIGKILL'); // leftover runners of an exited leader
    return;
  }
  killGroup(child.pid, signal);
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
  killGroup(child.pid, 'SIGKILL'); // anything left in the group
}

/**
 * On Ctrl+C / SIGTERM / SIGHUP: runs `before` (e.g. kill another child), stops everything started here, exits with
 * `exitCode`.
 * Install it first thing in every entry point: install steps run in their own process groups and would not see
 * the terminal's Ctrl+C.
 */
let stopping = false;

/** True once a signal asked us to stop (a process exiting then is expected, not an error). */
export function isStopping() {
  return stopping;
}

export function stopAllOnSignals(before = () => {}, exitCode = 130) {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      log(`\n${sig}: stopping what this command started…`);
      before();
      void stopAll().finally(() => process.exit(exitCode));
    });
  }
}

/** Stops every process this module and runStep() started (used by signal handlers). */
export async function stopAll() {
  killRunningSteps();
  await Promise.all([...running].map((c) => stopProcess(c, 5000, c.stopSignal)));
}

/**
 * Waits until n8n answers /healthz and has printed `readyLine` ("Editor is now accessible" for `n8n start`: printed
 * after the active workflows are registered, so production webhooks answer). Fails early if the process exits.
 */
export async function waitForN8n(child, { baseUrl, logFile, timeoutMs = 120000, readyLine = 'Editor is now accessible' }) {
  const started = Date.now();
  let exited = null;
  child.exited.then((r) => {
    exited = r;
  });
  while (Date.now() - started < timeoutMs) {
    if (exited) {
      throw new Error(`n8n exited during start-up (${exited.signal ?? `exit ${exited.code}`}); log: ${logFile}\n${tail(logFile)}`);
    }
    let healthy = false;
    try {
      const res = await fetch(new URL('healthz', baseUrl), { signal: AbortSignal.timeout(2000) });
      healthy = res.status === 200;
    } catch {
      /* not listening yet */
    }
    if (healthy && fs.readFileSync(logFile, 'utf8').includes(readyLine)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s; log: ${logFile}\n${tail(logFile)}`);
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Creates the instance owner (what the editor asks for on first start) and returns the session cookie. */
export async function setupOwner(baseUrl, owner) {
  const res = await fetch(new URL('rest/owner/setup', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  if (res.status !== 200) throw new Error(`owner setup answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** GET a JSON document from n8n with the owner's session cookie; `data` is unwrapped when n8n wraps it. */
export async function restGet(baseUrl, cookie, route) {
  const res = await fetch(new URL(route, baseUrl), { headers: { cookie }, signal: AbortSignal.timeout(30000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /${route} answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  return body && typeof body === 'object' && 'data' in body ? body.data : body;
}
