/** Unit and node tests (pure modules + webhook() through a mock of IWebhookFunctions). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit'],
	testMatch: ['**/*.test.ts'],
	// tsconfig's isolatedModules makes ts-jest only transpile (fast); `npm test` runs `npm run typecheck` first.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
};
