/**
 * `npm run bench:n8n`: every trigger of the package against n8n's own Webhook node, in one real n8n (the package
 * installed from its tarball by scripts/e2e.mjs --bench; lanes from bench.setup.mjs, each start node → No Operation).
 *
 * Accepted path, per concurrency (10, 50): the Webhook node first, each trigger (node version 1.1, then Cryptomus at
 * version 1), the Webhook node last; every lane gets a body of the same size (BENCH_BODY_BYTES, default 1 KB) for
 * BENCH_SECONDS (default 5 s) after a 1 s warm-up. Rejection path (c = 10): the Webhook node with Header Auth
 * refusing a wrong header (403) first and last, each trigger refusing a forged signature (401), then an unsigned
 * request (401). Each lane reports answers per second, p50/p99 latency and the CPU time n8n's main process spent per
 * answered request (its executions included: read from /proc after n8n is idle again), and compares both rate and
 * CPU with the mean of the two reference runs around it. On a shared machine the CPU figure is the steadier one.
 * Every scenario also checks what it measured: accepted = 200 and one finished execution each, refused = the
 * expected status and no execution. BENCH_ROUNDS (default 1) repeats it all; the tables show medians.
 * Figures only, never thresholds.
 */
import { readFileSync } from 'node:fs';

import { BENCH_TRIGGERS, benchPayload, benchTriggers, unsignedRequest, type BenchTriggerName } from '../../helpers/benchRequests';
import { countWorkflowExecutions, e2eRun, type Lane } from '../harness';
import { closedLoop, type LoadRequest, type LoadResult } from './load';

const run = e2eRun();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const BODY_BYTES = Number(process.env.BENCH_BODY_BYTES ?? 1024);
const CONCURRENCIES = [10, 50];
const FORGED_CONCURRENCY = 10;
const WARM_UP_MS = 1000;
/** Far above what a loopback n8n answers in the time given: the bound is the duration. */
const MAX_REQUESTS = 200_000;
const DRAIN_TIMEOUT_MS = 120_000;

type LaneName = 'webhook' | 'webhookAuth' | 'cryptomusV1' | BenchTriggerName;
type Phase = 'accepted' | 'forged' | 'unsigned';
interface Row {
	round: number;
	phase: Phase;
	concurrency: number;
	lane: LaneName;
	/** 'first' / 'last' for the Webhook node runs around the triggers. */
	position?: 'first' | 'last';
	result: LoadResult;
	/** CPU time n8n's main process spent per answered request, its executions included (ms). */
	cpuMs: number;
}
const rows: Row[] = [];

const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function request(name: LaneName, phase: Phase, lane: Lane): () => LoadRequest {
	const relativeUrl = new URL(lane.url).pathname;
	if (name === 'webhook' || name === 'webhookAuth') {
		// The same body as the Cryptomus lane, unsigned; the Header Auth lane gets a wrong header value.
		const body = Buffer.from(benchPayload(benchTriggers.cryptomus, BODY_BYTES), 'utf8');
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (name === 'webhookAuth') headers['x-bench-auth'] = 'not-the-configured-value';
		return () => ({ method: 'POST', headers, body });
	}
	const trigger = benchTriggers[name === 'cryptomusV1' ? 'cryptomus' : name];
	const text = benchPayload(trigger, BODY_BYTES);
	const signed = () => trigger.sign(text, relativeUrl, new Date());
	const make =
		phase === 'forged' ? () => trigger.forge(signed()) : phase === 'unsigned' ? () => unsignedRequest(trigger, text, relativeUrl) : signed;
	const fixed = make();
	// Crypto2B signs the current time: sign each request (microseconds, on the client); the others are fixed.
	return name === 'crypto2b' ? () => ({ method: 'POST', ...make() }) : () => ({ method: 'POST', ...fixed });
}

/** /proc reports CPU time in USER_HZ ticks, 100 per second on every Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system, clock ticks) n8n's main process has used so far (Linux /proc). */
function cpuTicks(): number {
	const stat = readFileSync(`/proc/${run.pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** Waits until n8n is idle (two 250 ms windows with at most 2 ticks each): the executions a loop started are done. */
async function settle(timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let quiet = 0;
	let last = cpuTicks();
	while (quiet < 2 && Date.now() < deadline) {
		await sleep(250);
		const now = cpuTicks();
		quiet = now - last <= 2 ? quiet + 1 : 0;
		last = now;
	}
}

/** Executions of a workflow; retried for a while when n8n answers 503 (its DB health check lags under load). */
async function executions(workflowId: string, status?: string): Promise<number> {
	for (let attempt = 1; attempt < 20; attempt++) {
		try {
			return await countWorkflowExecutions(run, workflowId, status);
		} catch {
			await sleep(1000);
		}
	}
	return await countWorkflowExecutions(run, workflowId, status); // the last try's error is the one reported
}

/** Waits until the workflow has `count` successful executions (they run after the answer); returns the count seen. */
async function drain(workflowId: string, count: number): Promise<number> {
	const deadline = Date.now() + DRAIN_TIMEOUT_MS;
	let seen = await executions(workflowId, 'success');
	while (seen < count && Date.now() < deadline) {
		await sleep(500);
		seen = await executions(workflowId, 'success');
	}
	return seen;
}

async function measure(round: number, phase: Phase, concurrency: number, name: LaneName, position?: 'first' | 'last') {
	const lane = run.lane(`bench.${name}`);
	const next = request(name, phase, lane);
	const before = await executions(lane.workflowId);
	const successBefore = await executions(lane.workflowId, 'success');
	const warm = await closedLoop(lane.url, next, { concurrency, durationMs: WARM_UP_MS, maxRequests: MAX_REQUESTS });
	await settle();
	const ticksBefore = cpuTicks();
	const result = await closedLoop(lane.url, next, { concurrency, durationMs: SECONDS * 1000, maxRequests: MAX_REQUESTS });
	await settle();
	const answered = Object.values(result.statuses).reduce((a, b) => a + b, 0);
	const cpuMs = ((cpuTicks() - ticksBefore) * 1000) / CLOCK_TICKS_PER_SECOND / Math.max(1, answered);
	rows.push({ round, phase, concurrency, lane: name, position, result, cpuMs });
	out(
		`    ${phase} c=${concurrency} ${name.padEnd(11)} ${result.perSecond.toFixed(1).padStart(7)}/s  ` +
			`p50 ${result.p50Ms.toFixed(1).padStart(6)} ms  p99 ${result.p99Ms.toFixed(1).padStart(6)} ms  ` +
			`n8n CPU ${cpuMs.toFixed(2).padStart(6)} ms/req  statuses ${JSON.stringify(result.statuses)}${result.errors ? `  errors ${result.errors}` : ''}`,
	);

	const expected = phase === 'accepted' ? 200 : name === 'webhookAuth' ? 403 : 401;
	expect(result.errors + warm.errors).toBe(0);
	expect(Object.keys(result.statuses)).toEqual([String(expected)]);
	expect(Object.keys(warm.statuses)).toEqual([String(expected)]);
	if (phase === 'accepted') {
		const accepted = (warm.statuses[200] ?? 0) + (result.statuses[200] ?? 0);
		expect(await drain(lane.workflowId, successBefore + accepted)).toBe(successBefore + accepted);
	} else {
		await sleep(1500); // an execution a refusal wrongly started would show up by now
		expect(await executions(lane.workflowId)).toBe(before);
	}
}

const ORDER: Array<[LaneName, ('first' | 'last')?]> = [
	['webhook', 'first'],
	...BENCH_TRIGGERS.map((t): [LaneName] => [t]),
	['cryptomusV1'],
	['webhook', 'last'],
];
const FORGED_ORDER: Array<[Phase, LaneName, ('first' | 'last')?]> = [
	['forged', 'webhookAuth', 'first'],
	...BENCH_TRIGGERS.map((t): [Phase, LaneName] => ['forged', t]),
	...BENCH_TRIGGERS.map((t): [Phase, LaneName] => ['unsigned', t]),
	['forged', 'webhookAuth', 'last'],
];

describe(`bench n8n ${run.version} (${BODY_BYTES} B bodies, ${SECONDS} s per lane)`, () => {
	for (let round = 1; round <= ROUNDS; round++) {
		for (const c of CONCURRENCIES) {
			for (const [name, position] of ORDER) {
				const label =
					name === 'webhook' ? `n8n Webhook node (${position})` : name === 'cryptomusV1' ? 'cryptomus trigger at node version 1' : `${name} trigger (node version 1.1)`;
				it(`round ${round}, c=${c}: ${label} → NoOp, valid callbacks → 200 and one execution each`, async () => {
					await measure(round, 'accepted', c, name, position);
				});
			}
		}
		for (const [phase, name, position] of FORGED_ORDER) {
			const label =
				name === 'webhookAuth'
					? `n8n Webhook node + Header Auth, wrong header → 403 (${position})`
					: `${name} trigger, ${phase === 'forged' ? 'forged signature' : 'no signature'} → 401`;
			it(`round ${round}, c=${FORGED_CONCURRENCY}: ${label}, no execution`, async () => {
				await measure(round, phase, FORGED_CONCURRENCY, name, position);
			});
		}
	}

	afterAll(() => printTables());
});

const median = (values: number[]): number => {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The phase the reference lane runs in (unsigned requests are compared with the Header Auth refusals too). */
const referencePhase = (phase: Phase): Phase => (phase === 'unsigned' ? 'forged' : phase);

/** Per round: the trigger's rate over the mean of the reference runs (first and last) of the same round. */
function ratios(phase: Phase, concurrency: number, name: LaneName, reference: LaneName, metric: 'rate' | 'cpu'): number[] {
	const list: number[] = [];
	for (let round = 1; round <= ROUNDS; round++) {
		const of = (lane: LaneName, p: Phase) =>
			rows.filter((r) => r.round === round && r.phase === p && r.concurrency === concurrency && r.lane === lane);
		const value = (r: Row) => (metric === 'rate' ? r.result.perSecond : 1 / r.cpuMs);
		const refs = of(reference, referencePhase(phase)).map(value);
		const mine = of(name, phase)[0];
		if (mine && refs.length > 0) list.push(value(mine) / (refs.reduce((a, b) => a + b, 0) / refs.length));
	}
	return list;
}

function table(phase: Phase, concurrency: number, reference: LaneName, names: LaneName[]): string[] {
	const vs = reference === 'webhook' ? 'Webhook node' : 'Webhook node + Header Auth';
	const lines = [
		`| ${phase} c=${concurrency} | /s | p50 ms | p99 ms | n8n CPU ms/req | rate vs ${vs} | CPU vs ${vs} |`,
		'|---|---:|---:|---:|---:|---:|---:|',
	];
	for (const name of names) {
		const mine = rows.filter((r) => r.phase === phase && r.concurrency === concurrency && r.lane === name);
		if (mine.length === 0) continue;
		const m = (f: (r: LoadResult) => number) => median(mine.map((r) => f(r.result)));
		const ratio = (metric: 'rate' | 'cpu') =>
			name === reference ? '1.00× (first, last)' : `${median(ratios(phase, concurrency, name, reference, metric)).toFixed(2)}×`;
		const cpu = median(mine.map((r) => r.cpuMs));
		lines.push(
			`| ${name} | ${m((r) => r.perSecond).toFixed(1)} | ${m((r) => r.p50Ms).toFixed(1)} | ${m((r) => r.p99Ms).toFixed(1)} | ${cpu.toFixed(2)} | ${ratio('rate')} | ${ratio('cpu')} |`,
		);
	}
	return lines;
}

function printTables(): void {
	if (rows.length === 0) return;
	const env = process.env.E2E_N8N_ENV ? `, n8n env ${process.env.E2E_N8N_ENV}` : '';
	out(`\n  n8n ${run.version}${env}, ${BODY_BYTES} B bodies, ${SECONDS} s per lane, ${ROUNDS} round(s), medians:`);
	for (const c of CONCURRENCIES) {
		for (const line of table('accepted', c, 'webhook', ['webhook', ...BENCH_TRIGGERS, 'cryptomusV1'])) out(`  ${line}`);
		out('');
	}
	for (const line of table('forged', FORGED_CONCURRENCY, 'webhookAuth', ['webhookAuth', ...BENCH_TRIGGERS])) out(`  ${line}`);
	out('');
	for (const line of table('unsigned', FORGED_CONCURRENCY, 'webhookAuth', [...BENCH_TRIGGERS])) out(`  ${line}`);
	out('');
}
