/** Unit tests of the pure modules, and node tests: webhook() inside n8n-core's real WebhookContext. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit'],
	testMatch: ['**/*.test.ts'],
	// tsconfig's isolatedModules makes ts-jest only transpile (fast); `npm test` runs `npm run typecheck` first.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/jest.setup.ts'],
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
};
