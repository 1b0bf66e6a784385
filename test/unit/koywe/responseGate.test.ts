/**
 * The gate on a real HTTP response with Express's method chain. Each case writes what n8n writes on one of its
 * "respond when the last node finishes" paths (n8n 2.41.1 / 1.123.81 webhook-helpers.js), and the client must
 * receive exactly `true` or `false`.
 */
import { ANSWER_CONTENT_TYPE, gateBooleanAnswer, type GatedResponse } from '../../../nodes/Koywe/responseGate';
import type { DecisionOutcome } from '../../../nodes/Koywe/userValidation';
import { post, serve, type ExpressLikeResponse, type Served } from './expressLike';

interface Case {
	/** What "n8n" does with the response after the gate is installed; `settle` ends the deadline. */
	write(res: ExpressLikeResponse, settle: () => void): unknown;
}

const outcomes: Array<{ outcome: DecisionOutcome; written: boolean }> = [];
let current: Case;
let served: Served;

beforeAll(async () => {
	served = await serve(async (_req, res) => {
		let settle = () => {};
		const deadline = new Promise<void>((resolve) => (settle = resolve));
		gateBooleanAnswer(res as unknown as GatedResponse, {
			field: 'allowed',
			deadline,
			onAnswer: (outcome, written) => outcomes.push({ outcome, written }),
		});
		await current.write(res, settle);
	});
});
afterAll(async () => await served.close());
beforeEach(() => (outcomes.length = 0));

async function answerFor(write: Case['write']) {
	current = { write };
	const answer = await post(served.url, '{}');
	return { ...answer, outcomes: [...outcomes] };
}

describe('gateBooleanAnswer', () => {
	it('passes the workflow\'s true through as exactly `true`', async () => {
		const answer = await answerFor((res) => res.status(200).json({ email: 'a@b.c', allowed: true }));
		expect(answer).toMatchObject({ status: 200, text: 'true', contentType: ANSWER_CONTENT_TYPE });
		expect(answer.outcomes).toEqual([{ outcome: 'allowed', written: true }]);
	});

	it.each<[string, Case['write'], DecisionOutcome]>([
		['the workflow\'s false', (res) => res.status(200).json({ allowed: false }), 'denied'],
		['the string "true"', (res) => res.status(200).json({ allowed: 'true' }), 'no_decision'],
		['the number 1', (res) => res.status(200).json({ allowed: 1 }), 'no_decision'],
		['a missing field', (res) => res.status(200).json({ email: 'a@b.c' }), 'no_decision'],
		[
			'n8n\'s "last node did not return any data" (HTTP 200)',
			(res) => res.status(200).json({ message: 'Workflow executed successfully but the last node did not return any data' }),
			'no_decision',
		],
		['n8n\'s "Error in workflow" (HTTP 500)', (res) => res.status(500).json({ message: 'Error in workflow' }), 'workflow_error'],
		['true with an error status', (res) => res.status(500).json({ allowed: true }), 'workflow_error'],
		['a text body', (res) => res.status(200).send('true'), 'no_decision'],
		['a streamed body', (res) => { res.write('true'); res.end(); }, 'no_decision'],
		['a bare end()', (res) => { res.end(); }, 'no_decision'],
		['writeHead(200) then end("true")', (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('true'); }, 'no_decision'],
	])('answers false (HTTP 200) for %s', async (_name, write, outcome) => {
		const answer = await answerFor(write);
		expect(answer).toMatchObject({ status: 200, text: 'false', contentType: ANSWER_CONTENT_TYPE });
		expect(answer.outcomes).toEqual([{ outcome, written: true }]);
	});

	it('answers false when nothing is written before the deadline', async () => {
		const answer = await answerFor((_res, settle) => settle());
		expect(answer).toMatchObject({ status: 200, text: 'false' });
		expect(answer.outcomes).toEqual([{ outcome: 'timeout', written: true }]);
	});

	it('ignores what n8n writes after a timeout, without throwing', async () => {
		let late: unknown = 'not run';
		const answer = await answerFor((res, settle) => {
			settle();
			setImmediate(() => {
				try {
					res.status(200);
					res.setHeader('Content-Security-Policy', 'sandbox');
					res.json({ allowed: true });
					res.end();
					late = 'no error';
				} catch (error) {
					late = error;
				}
			});
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(answer.text).toBe('false');
		expect(late).toBe('no error');
		expect(answer.outcomes).toEqual([{ outcome: 'timeout', written: true }]);
	});

	it('answers once: a deadline after the answer changes nothing', async () => {
		const answer = await answerFor((res, settle) => {
			res.status(200).json({ allowed: true });
			settle();
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(answer.text).toBe('true');
		expect(answer.outcomes).toEqual([{ outcome: 'allowed', written: true }]);
	});

	it('keeps headers n8n set before the answer', async () => {
		current = { write: (res) => { res.setHeader('X-Trace', 'abc'); res.status(200).json({ allowed: true }); } };
		const response = await fetch(served.url, { method: 'POST', body: '{}' });
		expect(response.headers.get('x-trace')).toBe('abc');
		expect(await response.text()).toBe('true');
	});
});
