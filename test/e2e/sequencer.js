/**
 * Order of the e2e scenario files: by name, queue-mode files (`*.queue.e2e.ts`) last (their load scenario stops
 * a worker, which must not take it away from the other files).
 */
const Sequencer = require('@jest/test-sequencer').default;

class E2eSequencer extends Sequencer {
	sort(tests) {
		const key = (t) => `${t.path.endsWith('.queue.e2e.ts') ? 1 : 0}${t.path}`;
		return [...tests].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
	}
}

module.exports = E2eSequencer;
