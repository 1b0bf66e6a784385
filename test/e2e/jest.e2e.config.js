/**
 * Jest config of the end-to-end scenarios (test/e2e/*.e2e.ts). Run them with `npm run test:e2e`: scripts/e2e.mjs
 * starts a real n8n per version first and hands its address over in E2E_STATE. One file at a time, in band.
 */
const path = require('node:path');

module.exports = {
	rootDir: path.join(__dirname, '..', '..'),
	roots: ['<rootDir>/test/e2e'],
	// `--suite=hostile` (npm run test:hostile) runs test/e2e/hostile/*.hostile.ts instead.
	testMatch: process.env.E2E_SUITE === 'hostile' ? ['**/hostile/*.hostile.ts'] : ['**/*.e2e.ts'],
	// `*.queue.e2e.ts` need queue mode (`npm run test:e2e -- --queue`); there every other scenario file runs too.
	testPathIgnorePatterns: process.env.E2E_MODE === 'queue' ? ['/node_modules/'] : ['/node_modules/', '\\.queue\\.e2e\\.ts$'],
	testEnvironment: 'node',
	// Transpile only (type-checking is `npm run typecheck`'s job): saves seconds per n8n version.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/e2e/tsconfig.json' }] },
	testTimeout: 90_000,
	maxWorkers: 1,
	reporters: ['<rootDir>/test/e2e/reporter.js'],
	testSequencer: '<rootDir>/test/e2e/sequencer.js',
};
