// Running one jest configuration as a child process, its output handed over line by line: how the suites that
// drive a real n8n (scripts/e2e.mjs, scripts/ui.mjs) run their scenario files.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { stopAll, stopAllOnSignals } from './n8n.mjs';
import { REPO_ROOT, log } from './provision.mjs';

const children = new Set();

/**
 * `jest -c <config> --runInBand <args>` with `env` added; resolves with its exit code. A run that outlives
 * `timeoutMs` (e.g. jest waiting on a handle a test left open) is killed and counts as failed.
 */
export function runJestFile({ config, args = [], env = {}, print, timeoutMs }) {
  return new Promise((resolve) => {
    const jestBin = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    const child = spawn(process.execPath, [jestBin, '-c', config, '--runInBand', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.on('data', (chunk) => {
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop();
        lines.forEach((line) => print(line));
      });
      stream.on('end', () => pending && print(pending));
    }
    const timer = setTimeout(() => {
      print(`jest still running after ${timeoutMs / 60000} min: stopping it`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Kills every jest run started here (signal handlers). */
export function killJestRuns() {
  for (const child of children) child.kill('SIGKILL');
}

/**
 * The entry point of a suite script: Ctrl+C / SIGTERM stop jest and every n8n started here; `main()` resolves with
 * the exit code; an unexpected error is printed, counted as one failure (`0 passed, 1 failed`) and exits 1.
 */
export function runSuite(main) {
  stopAllOnSignals(killJestRuns);
  main().then(
    (code) => process.exit(code),
    async (err) => {
      console.error(err);
      await stopAll();
      log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
