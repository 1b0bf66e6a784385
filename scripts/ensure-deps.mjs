#!/usr/bin/env node
// `pretest` (and the other npm scripts' pre-steps): installs the dev dependencies from package-lock.json with
// `npm ci` when node_modules/ is missing or stale, so `npm test` works on a fresh clone with nothing run before it.
import { ensureDevDependencies } from './lib/deps.mjs';

ensureDevDependencies().catch((err) => {
  console.error(`\n${err.message}`);
  process.exit(1);
});
