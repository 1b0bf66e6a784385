/**
 * Jest config of the browser check (test/ui/*.ui.ts). Run it with `npm run test:ui`: scripts/ui.mjs starts the dev
 * n8n per version first and hands its address over in UI_STATE. Same reporter as the e2e suite.
 */
const path = require('node:path');

module.exports = {
	rootDir: path.join(__dirname, '..', '..'),
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.ts'],
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/ui/tsconfig.json' }] },
	testTimeout: 120_000,
	maxWorkers: 1,
	reporters: ['<rootDir>/test/e2e/reporter.js'],
};
