// The package's own dev dependencies (tsc, jest, eslint, n8n-core…), installed from the lockfile when needed.
//
// `npm test`, `npm run dev` and the other scripts call ensureDevDependencies() first, so a fresh clone needs no
// separate `npm install`. It runs `npm ci` when node_modules/ is missing or was installed from another lockfile
// (a hash of package-lock.json and package.json's dependency fields is kept in node_modules/.deps-installed), and is
// a no-op otherwise. Only the dependency fields count: worktrees that share one node_modules/ (a symlink) while each
// registers its own nodes in package.json would otherwise reinstall it under each other.
//
// Optional platform builds. package-lock.json lists every platform's optional native builds (e.g. unrs-resolver's
// `@unrs/resolver-binding-<os>-<cpu>`, used by the lint rules), so `npm ci`'s sync check passes on any machine.
// npm never fetches an optional entry whose `os`/`cpu`/`libc` do not match this machine, and an optional entry
// that does match but whose tarball the registry lacks is skipped with a verbose-level note, not an error (checked
// on npm 11: `reify failed optional dependency`). So a registry without some platform's build cannot break the
// install; what it can break is *this* platform's build, and then only the tool that loads it. We deliberately
// check that after the install (assertPlatformBuilds) and fail with a message naming the package, instead of
// letting a later step fail with a cryptic "Cannot find native binding".
//
// Plain Node ESM without dependencies: it runs before anything is installed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
const MARKER = path.join(NODE_MODULES, '.deps-installed');

/** Packages with a native build chosen per platform among optional dependencies, and who needs them. */
const PLATFORM_BUILDS = [{ pkg: 'unrs-resolver', usedBy: 'npm run lint (eslint-plugin-import-x)' }];

/** The parts of package.json npm installs from: registering a node, a keyword or a script needs no reinstall. */
const INSTALL_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'overrides'];

function lockHash() {
  const h = createHash('sha256');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  h.update(JSON.stringify(INSTALL_FIELDS.map((field) => [field, pkg[field] ?? null])));
  h.update(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json')));
  return h.digest('hex');
}

/** Why an install is needed, or '' when node_modules/ matches the lockfile. */
export function installNeeded() {
  if (!fs.existsSync(NODE_MODULES)) return 'node_modules/ is missing';
  let installed = '';
  try {
    installed = fs.readFileSync(MARKER, 'utf8').trim();
  } catch {
    return 'node_modules/ was not installed by `npm ci` from this lockfile';
  }
  return installed === lockHash() ? '' : 'package-lock.json changed since the last install';
}

function runNpmCi() {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // --foreground-scripts off, progress on: npm prints its own spinner on a terminal; elsewhere we tick.
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const tick = process.stdout.isTTY
      ? null
      : setInterval(() => console.log(`  … npm ci: ${Math.round((Date.now() - started) / 1000)} s`), 30000);
    child.on('error', reject);
    child.on('close', (code) => {
      if (tick) clearInterval(tick);
      if (code === 0) resolve(Date.now() - started);
      else reject(new Error(`npm ci failed (exit ${code}); see the npm output above`));
    });
  });
}

/** Fails with a clear message when this platform's native build of a tool was not installed (see the header). */
export function assertPlatformBuilds() {
  const req = createRequire(path.join(REPO_ROOT, 'package.json'));
  for (const { pkg, usedBy } of PLATFORM_BUILDS) {
    try {
      req(pkg);
    } catch (err) {
      throw new Error(
        `${pkg} has no native build for ${process.platform}-${process.arch} (needed by ${usedBy}): ` +
          `the registry did not serve it, so npm skipped that optional dependency.\n  ${String(err.message).split('\n')[0]}`,
      );
    }
  }
}

/**
 * Installs the dev dependencies from package-lock.json with `npm ci` when needed; prints what it does.
 * Returns true when it installed.
 */
export async function ensureDevDependencies({ log = console.log } = {}) {
  const why = installNeeded();
  if (!why) return false;
  log(`Installing this package's dev dependencies from package-lock.json (npm ci; ${why}) …`);
  const ms = await runNpmCi();
  assertPlatformBuilds();
  fs.writeFileSync(MARKER, `${lockHash()}\n`);
  log(`  ✓ dev dependencies installed (${Math.round(ms / 1000)} s)`);
  return true;
}
