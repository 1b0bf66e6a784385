// Running one jest configuration as a child process, its output handed over line by line: how the suites that
// drive a real n8n (scripts/e2e.mjs, scripts/ui.mjs) run their scenario files.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT } from './provision.mjs';

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
