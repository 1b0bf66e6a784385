import { config } from '@n8n/node-cli/eslint';

export default [
	// The n8n community rule sets, exactly as `@n8n/node-cli` applies them (n8n Cloud support included).
	...config,
	{
		ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.n8n-local/**', '.e2e/**', '.bench/**', '*.js', '*.mjs', 'scripts/**'],
	},
	{
		// Tests and tooling are never shipped: they may use Node built-ins (fs, http, timers) that n8n Cloud forbids
		// inside nodes. Every other rule still applies to them.
		files: ['test/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
		},
	},
];
