/**
 * Heavy traffic: 1 000 distinct valid callbacks over the seven triggers' load lanes (trigger → Remove Duplicates →
 * capture, ./hostile.setup.mjs) at concurrency 20 → exactly 1 000 executions and 1 000 distinct items downstream;
 * the same 1 000 again (freshly signed, as a provider's retry is) plus 100 duplicates racing at once → still 1 000;
 * then forged callbacks at full speed while valid ones flow. Counts are asserted; latencies and rates are printed
 * (the machine is shared: timings are figures, not pass/fail).
 */
import { e2eSuite, executionsByStatus, type Json } from '../harness';
import { describeLoad, runLoad, type LoadResult } from '../harness/load';
import { rawAgent, resentLine, sendRetrying } from '../harness/rawHttp';
import { TARGETS } from './targets';

const { run, capture } = e2eSuite();

const SEED = (jest.getSeed() >>> 0).toString(36);
const TOTAL = Number(process.env.LOAD_CALLBACKS ?? 1000);
const DUPLICATES = 100;
const FLOOD_VALID = Number(process.env.LOAD_FLOOD_VALID ?? 140);
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

/** Statuses of an execution that has not finished yet (queued behind N8N_CONCURRENCY_PRODUCTION_LIMIT, or running). */
const UNFINISHED = new Set(['new', 'running', 'waiting', 'unknown']);

interface Finished {
	/** Finished executions of the load workflow (any final status). */
	finished: number;
	/** Of those, successful. */
	success: number;
	/** `success 1000, error 2` */
	statuses: string;
	/** Seconds spent waiting for the queue of executions to drain. */
	drainSeconds: number;
}

/**
 * Waits until the load workflow has `expected` finished executions. n8n answers a callback when its execution is
 * created, not when it ends: with executions one at a time (N8N_CONCURRENCY_PRODUCTION_LIMIT=1) they queue up
 * (status `new`) and drain minutes after the last answer, so items are counted only once they have all finished.
 */
async function waitForFinished(expected: number, timeoutMs: number): Promise<Finished> {
	const started = performance.now();
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const counts = await executionsByStatus(run, WORKFLOW);
		const finished = Object.entries(counts).reduce((n, [status, count]) => (UNFINISHED.has(status) ? n : n + count), 0);
		if (finished >= expected || Date.now() > deadline) {
			const statuses = Object.entries(counts).map(([status, count]) => `${status} ${count}`).join(', ');
			return { finished, success: counts.success ?? 0, statuses, drainSeconds: (performance.now() - started) / 1000 };
		}
		await new Promise((r) => setTimeout(r, 2000));
	}
}
/** Generous: executions drain at a few per second on a busy 2-core machine. */
const drainTimeout = (executions: number) => 60_000 + executions * 600;
const drained = (f: Finished, before: Finished | undefined) =>
	`executions +${f.finished - (before?.finished ?? 0)} finished (${f.statuses} in all), drained ${f.drainSeconds.toFixed(0)} s after the last answer`;

const twoXx = (r: LoadResult) => r.byClass['2xx'] ?? 0;

describe(`load (${TOTAL} callbacks over ${TARGETS.length} triggers, concurrency ${CONCURRENCY})`, () => {
	const agent = rawAgent(CONCURRENCY);
	afterAll(() => agent.destroy());
	let soFar: Finished | undefined;

	it(`${TOTAL} distinct valid callbacks → ${TOTAL} × 2xx, ${TOTAL} executions, ${TOTAL} distinct items downstream`, async () => {
		const before = await waitForFinished(0, 0);
		const r = await runLoad({ count: TOTAL, concurrency: CONCURRENCY, send: (i) => sendValid('L', i, agent) });
		print(`first pass: ${describeLoad(r)}${resentLine()}${staleLine()}`);
		const after = await waitForFinished(before.finished + TOTAL, drainTimeout(TOTAL));
		await waitForItems(perLane(TOTAL), 30_000);
		const items = TARGETS.flatMap((t) => capture.items(t.loadLane));
		print(`downstream: ${TARGETS.map((t) => `${t.name} ${capture.count(t.loadLane)}`).join(', ')} · ${drained(after, before)}`);
		soFar = after;
		expect([twoXx(r), r.errors]).toEqual([TOTAL, 0]);
		expect([after.finished - before.finished, after.success - before.success]).toEqual([TOTAL, TOTAL]);
		expect(items).toHaveLength(TOTAL);
		expect(new Set(items.map(idOf)).size).toBe(TOTAL);
	}, 15 * 60_000);

	it(`the same ${TOTAL} again + ${DUPLICATES} duplicates racing at once → all 2xx, still ${TOTAL} items downstream`, async () => {
		const burst = rawAgent(DUPLICATES);
		const [again, racing] = await Promise.all([
			runLoad({ count: TOTAL, concurrency: CONCURRENCY, send: (i) => sendValid('L', i, agent) }),
			runLoad({ count: DUPLICATES, concurrency: DUPLICATES, send: (i) => sendValid('L', i % 7, burst) }),
		]);
		burst.destroy();
		print(`replays: ${describeLoad(again)}${resentLine()}${staleLine()}`);
		print(`racing duplicates: ${describeLoad(racing)}`);
		const after = await waitForFinished((soFar?.finished ?? 0) + TOTAL + DUPLICATES, drainTimeout(TOTAL + DUPLICATES));
		await new Promise((r) => setTimeout(r, 2000)); // anything Remove Duplicates wrongly let through arrives by now
		print(`downstream: ${itemsNow()} items · ${drained(after, soFar)}`);
		const before = soFar;
		soFar = after;
		expect([twoXx(again), twoXx(racing), again.errors + racing.errors]).toEqual([TOTAL, DUPLICATES, 0]);
		expect([after.finished - (before?.finished ?? 0), after.success - (before?.success ?? 0)]).toEqual([TOTAL + DUPLICATES, TOTAL + DUPLICATES]);
		expect(itemsNow()).toBe(TOTAL);
	}, 15 * 60_000);

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
		const expectedItems = TOTAL + 2 * FLOOD_VALID;
		const after = await waitForFinished((soFar?.finished ?? 0) + 2 * FLOOD_VALID, drainTimeout(2 * FLOOD_VALID));
		await new Promise((r) => setTimeout(r, 2000));
		print(`downstream: ${itemsNow()} items (expected ${expectedItems}) · ${drained(after, soFar)}`);
		expect([twoXx(quiet), twoXx(busy), quiet.errors + busy.errors]).toEqual([FLOOD_VALID, FLOOD_VALID, 0]);
		expect(rejected).toBe(forged);
		expect(rejected).toBeGreaterThan(0);
		expect([after.finished - (soFar?.finished ?? 0), after.success - (soFar?.success ?? 0)]).toEqual([2 * FLOOD_VALID, 2 * FLOOD_VALID]);
		expect(itemsNow()).toBe(expectedItems);
	}, 15 * 60_000);
});
