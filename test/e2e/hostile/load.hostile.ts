/**
 * Heavy traffic: 1 000 distinct valid callbacks over the seven triggers' load lanes (trigger → Remove Duplicates →
 * capture, ./hostile.setup.mjs) at concurrency 20 → exactly 1 000 executions and 1 000 distinct items downstream;
 * the same 1 000 again (freshly signed, as a provider's retry is) plus 100 duplicates racing at once → still 1 000;
 * then forged callbacks at full speed while valid ones flow. Counts are asserted; latencies and rates are printed
 * (the machine is shared: timings are figures, not pass/fail).
 */
import { countWorkflowExecutions, e2eSuite, type Json } from '../harness';
import { describeLoad, runLoad, type LoadResult } from '../harness/load';
import { rawAgent, resent, sendRetrying } from '../harness/rawHttp';
import { TARGETS } from './targets';

const { run, capture } = e2eSuite();

const SEED = (jest.getSeed() >>> 0).toString(36);
const TOTAL = Number(process.env.LOAD_CALLBACKS ?? 1000);
const DUPLICATES = 100;
const FLOOD_VALID = Number(process.env.LOAD_FLOOD_VALID ?? 300);
const CONCURRENCY = 20;
const WORKFLOW = run.lane(TARGETS[0].loadLane).workflowId;
const print = (line: string) => process.stdout.write(`    ${line}\n`);

/** Valid callbacks refused as stale: n8n took longer than the signed window to reach the node, so re-signed. */
const stale: Record<string, number> = {};

/**
 * Sends valid callback `i` of a series (target i mod 7), built and signed when sent. A timestamped one refused with
 * 401 (the only reason a valid one can be: n8n reached the node after its signed window, e.g. Crypto2B's 5 s, on a
 * starved machine) is signed afresh and re-sent, as the provider's retry would be, and counted.
 */
async function sendValid(series: string, i: number, agent: ReturnType<typeof rawAgent>) {
	const t = TARGETS[i % TARGETS.length];
	const lane = run.lane(t.loadLane);
	let answer = await sendRetrying(lane.url, t.build(lane.url, { nonce: `${series}${SEED}n${i}` }), agent);
	for (let attempt = 1; attempt < 5 && answer.status === 401 && t.timestamp; attempt++) {
		stale[t.name] = (stale[t.name] ?? 0) + 1;
		answer = await sendRetrying(lane.url, t.build(lane.url, { nonce: `${series}${SEED}n${i}` }), agent);
	}
	return answer;
}
const staleLine = () =>
	Object.keys(stale).length ? ` · re-signed after 401 stale: ${Object.entries(stale).map(([k, v]) => `${k} ${v}`).join(', ')}` : '';

/** How many of `count` callbacks go to each load lane. */
const perLane = (count: number) =>
	Object.fromEntries(TARGETS.map((t, k) => [t.loadLane, Math.floor(count / TARGETS.length) + (k < count % TARGETS.length ? 1 : 0)]));
const idOf = (item: Json) => String(item.dedupeKey ?? item.email);
const itemsNow = () => TARGETS.reduce((n, t) => n + capture.count(t.loadLane), 0);

async function waitForItems(expected: Record<string, number>, timeoutMs: number): Promise<void> {
	await Promise.all(Object.entries(expected).map(([tag, n]) => capture.waitFor(tag, n, timeoutMs).catch(() => undefined)));
}

async function waitForExecutions(expected: number, timeoutMs: number): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	let seen = await countWorkflowExecutions(run, WORKFLOW);
	while (seen < expected && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 1000));
		seen = await countWorkflowExecutions(run, WORKFLOW);
	}
	return seen;
}

const twoXx = (r: LoadResult) => r.byClass['2xx'] ?? 0;

describe(`load (${TOTAL} callbacks over ${TARGETS.length} triggers, concurrency ${CONCURRENCY})`, () => {
	const agent = rawAgent(CONCURRENCY);
	afterAll(() => agent.destroy());
	let executionsSoFar = 0;

	it(`${TOTAL} distinct valid callbacks → ${TOTAL} × 2xx, ${TOTAL} executions, ${TOTAL} distinct items downstream`, async () => {
		const before = await countWorkflowExecutions(run, WORKFLOW);
		const r = await runLoad({ count: TOTAL, concurrency: CONCURRENCY, send: (i) => sendValid('L', i, agent) });
		print(`first pass: ${describeLoad(r)}${resent.count ? ` · ${resent.count} resent after 503` : ''}${staleLine()}`);
		await waitForItems(perLane(TOTAL), 60_000 + TOTAL * 300);
		executionsSoFar = await waitForExecutions(before + TOTAL, 60_000 + TOTAL * 300);
		const items = TARGETS.flatMap((t) => capture.items(t.loadLane));
		print(`downstream: ${TARGETS.map((t) => `${t.name} ${capture.count(t.loadLane)}`).join(', ')} · executions ${executionsSoFar - before}`);
		expect([twoXx(r), r.errors]).toEqual([TOTAL, 0]);
		expect(items).toHaveLength(TOTAL);
		expect(new Set(items.map(idOf)).size).toBe(TOTAL);
		expect(executionsSoFar - before).toBe(TOTAL);
	}, 8 * 60_000);

	it(`the same ${TOTAL} again + ${DUPLICATES} duplicates racing at once → all 2xx, still ${TOTAL} items downstream`, async () => {
		const burst = rawAgent(DUPLICATES);
		const [again, racing] = await Promise.all([
			runLoad({ count: TOTAL, concurrency: CONCURRENCY, send: (i) => sendValid('L', i, agent) }),
			runLoad({ count: DUPLICATES, concurrency: DUPLICATES, send: (i) => sendValid('L', i % 7, burst) }),
		]);
		burst.destroy();
		print(`replays: ${describeLoad(again)}${staleLine()}`);
		print(`racing duplicates: ${describeLoad(racing)}`);
		const executions = await waitForExecutions(executionsSoFar + TOTAL + DUPLICATES, 60_000 + (TOTAL + DUPLICATES) * 300);
		await new Promise((r) => setTimeout(r, 2000)); // anything Remove Duplicates wrongly let through arrives by now
		print(`downstream: ${itemsNow()} items · executions ${executions} (+${executions - executionsSoFar})`);
		expect([twoXx(again), twoXx(racing), again.errors + racing.errors]).toEqual([TOTAL, DUPLICATES, 0]);
		expect(executions - executionsSoFar).toBe(TOTAL + DUPLICATES);
		expect(itemsNow()).toBe(TOTAL);
		executionsSoFar = executions;
	}, 8 * 60_000);

	it('forged flood while valid callbacks flow → every forged one 4xx, every valid one 2xx and downstream', async () => {
		const quiet = await runLoad({ count: FLOOD_VALID, concurrency: 10, send: (i) => sendValid('Q', i, agent) });
		let validDone = false;
		const flooder = rawAgent(CONCURRENCY);
		const floodStart = performance.now();
		const [flood, busy] = await Promise.all([
			runLoad({
				count: 100_000,
				concurrency: CONCURRENCY,
				deadlineMs: 5 * 60_000,
				until: () => validDone,
				send: (i) => {
					const t = TARGETS[i % TARGETS.length];
					const lane = run.lane(t.loadLane);
					return sendRetrying(lane.url, t.build(lane.url, { nonce: `F${SEED}n${i}`, otherKey: true }), flooder);
				},
			}),
			runLoad({ count: FLOOD_VALID, concurrency: 10, send: (i) => sendValid('B', i, agent) }).finally(() => {
				validDone = true;
			}),
		]);
		const floodSeconds = (performance.now() - floodStart) / 1000;
		flooder.destroy();
		const forged = flood.sent;
		const rejected = flood.byClass['4xx'] ?? 0;
		print(`valid alone:      ${describeLoad(quiet)}`);
		print(`valid under flood: ${describeLoad(busy)}`);
		print(`forged flood: ${rejected} rejected (${describeLoad(flood).replace(/^\d+ sent: /, '')}) · ${(rejected / floodSeconds).toFixed(0)} rejections/s`);
		const rise = ((busy.p99 - quiet.p99) / quiet.p99) * 100;
		print(`valid p99 ${quiet.p99.toFixed(1)} → ${busy.p99.toFixed(1)} ms under the flood (${rise >= 0 ? '+' : ''}${rise.toFixed(0)} %; target < 10 %, not asserted)`);
		await waitForItems(perLane(FLOOD_VALID), 60_000 + FLOOD_VALID * 300); // the Q series
		const expectedItems = TOTAL + 2 * FLOOD_VALID;
		const executions = await waitForExecutions(executionsSoFar + 2 * FLOOD_VALID, 60_000 + FLOOD_VALID * 600);
		await new Promise((r) => setTimeout(r, 2000));
		print(`downstream: ${itemsNow()} items (expected ${expectedItems}) · executions +${executions - executionsSoFar} (expected ${2 * FLOOD_VALID})`);
		expect([twoXx(quiet), twoXx(busy), quiet.errors + busy.errors]).toEqual([FLOOD_VALID, FLOOD_VALID, 0]);
		expect(rejected).toBe(forged);
		expect(rejected).toBeGreaterThan(0);
		expect(executions - executionsSoFar).toBe(2 * FLOOD_VALID);
		expect(itemsNow()).toBe(expectedItems);
	}, 10 * 60_000);
});
