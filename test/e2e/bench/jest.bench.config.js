/**
 * Jest config of `npm run bench:n8n` (scripts/e2e.mjs --bench): the benchmark scenarios in this folder against the
 * real n8n the orchestrator started. The e2e reporter prints one line per scenario and the `N passed, N failed` line.
 */
const path = require('node:path');
const base = require('../jest.e2e.config.js');

module.exports = {
	...base,
	roots: [path.join(__dirname)],
	testMatch: ['**/*.bench.ts'],
	// Every scenario is bounded by BENCH_SECONDS plus the wait for its executions to finish.
	testTimeout: 10 * 60_000,
};
