/**
 * Every example workflow started by one of this package's triggers carries one pinned sample event on it: exactly the item that trigger produces for
 * its fixture vector (./samples.ts) through `webhook()`, at SAMPLE_TIME; its sticky note names it as a sample.
 * `npm run examples:samples` (UPDATE_SAMPLES=1) writes them into examples/*.workflow.json; otherwise a difference fails.
 * The action-node examples (an order arrives at n8n's own Webhook node, our action node calls the provider) carry none:
 * a pinned order would make *Execute workflow* create a real invoice at the provider with the user's credentials.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runWebhook } from '../../helpers/webhookContext';
import { SAMPLE_TIME, SAMPLES, sampleNote } from './samples';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const UPDATE = process.env.UPDATE_SAMPLES === '1';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown> & { content?: string };
}
interface Workflow {
	nodes: WorkflowNode[];
	pinData?: Record<string, Array<{ json: Record<string, unknown> }>>;
}

const path = (example: string) => join(EXAMPLES, `${example}.workflow.json`);
const read = (example: string) => JSON.parse(readFileSync(path(example), 'utf8')) as Workflow;
const ours = (n: WorkflowNode) => n.type.startsWith('n8n-nodes-crypto-webhooks.');
const ourTrigger = (wf: Workflow) => wf.nodes.find((n) => ours(n) && /Trigger$/.test(n.type)) as WorkflowNode;
const stickyNote = (wf: Workflow) => wf.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote') as WorkflowNode;

/** The note's text with the sample paragraph (replacing an older one) as its last paragraph. */
function withSampleNote(content: string, trigger: string): string {
	const kept = content.split('\n\n').filter((paragraph) => !paragraph.startsWith('**Pinned sample event:**'));
	return [...kept, sampleNote(trigger)].join('\n\n');
}

beforeAll(() => {
	// Only the clock is fixed (receivedAt, signed timestamps); timers stay real.
	jest.useFakeTimers({
		now: SAMPLE_TIME,
		doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
	});
});
afterAll(() => jest.useRealTimers());

describe('example workflows: one pinned sample event each', () => {
	const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.workflow.json')).map((f) => f.replace(/\.workflow\.json$/, ''));
	const startedByOurs = examples.filter((example) => ourTrigger(read(example)) !== undefined);

	it('every example started by one of our triggers has a sample', () => {
		expect(startedByOurs.length).toBeGreaterThan(0);
		expect(SAMPLES.map((s) => s.example).sort()).toEqual(startedByOurs.sort());
	});

	it.each(examples.filter((e) => !startedByOurs.includes(e)))('%s (an action-node example) pins nothing', (example) => {
		expect(read(example).pinData ?? {}).toEqual({});
	});

	it.each(SAMPLES.map((s) => [s.example, s] as const))('%s: the item its trigger produces for its fixture vector', async (example, sample) => {
		const wf = read(example);
		const trigger = ourTrigger(wf);
		const delivery = sample.setup();
		expect(delivery.nodeType).toBe(trigger.type);
		const run = await runWebhook(sample.node, {
			...delivery,
			typeVersion: trigger.typeVersion,
			parameters: { ...trigger.parameters, ...delivery.parameters },
		});
		expect(run.items).toHaveLength(1);
		const pinned = { [trigger.name]: [{ json: run.items[0] }] };
		const note = stickyNote(wf);
		const content = withSampleNote(note.parameters.content ?? '', trigger.name);
		if (UPDATE) {
			note.parameters.content = content;
			writeFileSync(path(example), `${JSON.stringify({ ...wf, pinData: pinned }, null, 2)}\n`);
		}
		const saved = read(example);
		expect(saved.pinData).toEqual(JSON.parse(JSON.stringify(pinned)));
		expect(stickyNote(saved).parameters.content).toBe(content);
	});
});
