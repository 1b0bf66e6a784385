/**
 * Jest reporter for the e2e scenarios: one line per scenario, tagged with the n8n version under test, failure
 * details under a failed one, `n8n <version>: N passed, N failed` at the end, and the counts in E2E_RESULTS
 * (JSON) for scripts/e2e.mjs, which prints the overall `N passed, N failed` line.
 */
const fs = require('node:fs');
const path = require('node:path');

const version = process.env.E2E_N8N_VERSION ?? '?';

function indent(text, prefix = '      ') {
	return text
		.split('\n')
		.map((line) => prefix + line)
		.join('\n');
}

class E2eReporter {
	constructor(globalConfig) {
		this.rootDir = globalConfig.rootDir;
		this.passed = 0;
		this.failed = 0;
		this.skipped = 0;
		this.scenarios = [];
	}

	/** Each scenario as soon as it ends (so a run stopped midway still shows what passed and what failed). */
	onTestCaseResult(test, a) {
		this.report(path.relative(this.rootDir, test.path), a);
	}

	report(file, a) {
		const title = [...a.ancestorTitles, a.title].join(' › ');
		const time = a.duration != null ? ` (${(a.duration / 1000).toFixed(1)} s)` : '';
		if (a.status === 'passed') {
			this.passed += 1;
			process.stdout.write(`  PASS [n8n ${version}] ${title}${time}\n`);
		} else if (a.status === 'failed') {
			this.failed += 1;
			process.stdout.write(`  FAIL [n8n ${version}] ${title}${time}\n`);
			for (const message of a.failureMessages) process.stdout.write(`${indent(message.trim())}\n`);
		} else {
			this.skipped += 1;
			process.stdout.write(`  SKIP [n8n ${version}] ${title}\n`);
		}
		this.scenarios.push({ file, title, status: a.status, durationMs: a.duration ?? null });
	}

	onTestResult(_test, result) {
		const file = path.relative(this.rootDir, result.testFilePath);
		// A file that could not run at all (compile error, failing beforeAll with no tests reported …).
		if (result.testExecError || (result.failureMessage && result.numFailingTests === 0 && result.testResults.length === 0)) {
			this.failed += 1;
			process.stdout.write(`  FAIL [n8n ${version}] ${file} did not run\n`);
			process.stdout.write(`${indent(String(result.failureMessage ?? result.testExecError?.message ?? '').trim())}\n`);
			this.scenarios.push({ file, title: `${file} did not run`, status: 'failed', durationMs: null });
		}
	}

	onRunComplete() {
		const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
		process.stdout.write(`n8n ${version} scenarios: ${this.passed} passed, ${this.failed} failed${skipped}\n`);
		if (process.env.E2E_RESULTS) {
			fs.writeFileSync(
				process.env.E2E_RESULTS,
				JSON.stringify({ passed: this.passed, failed: this.failed, skipped: this.skipped, scenarios: this.scenarios }, null, 2),
			);
		}
	}
}

module.exports = E2eReporter;
