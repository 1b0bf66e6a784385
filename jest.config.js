/** Unit and node tests (pure modules + webhook() through a mock of IWebhookFunctions). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
};
