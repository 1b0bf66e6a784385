/**
 * `npm run bench:n8n`: every trigger of the package against n8n's own Webhook node and against the verifier a user
 * builds without this package, in one real n8n per configuration (scripts/e2e.mjs --bench starts one n8n per
 * configuration, one after the other, and tells this file which one it is in E2E_VARIANT; lanes from
 * bench.setup.mjs).
 *
 * Accepted path, per concurrency (10, 50): the Webhook node → No Operation first, each trigger (node version 1.1)
 * → No Operation, Cryptomus at version 1, each hand-built verifier (Webhook → Crypto → IF → Respond to Webhook), the
 * Webhook node last. Rejection path (c = 10): the Webhook node with Header Auth refusing a wrong header (403) first
 * and last, each trigger refusing a forged signature (a well-formed signature with one wrong digit, so the credential
 * is loaded: 401), each hand-built verifier refusing the same (401, but an execution runs), each trigger refusing an
 * unsigned request (401). Every lane gets a body of the same size (BENCH_BODY_BYTES, default 1 KB) for BENCH_SECONDS
 * (default 5 s) after a 1 s warm-up.
 *
 * A lane ends only when the executions it started have finished and n8n is idle again; the next starts on an idle
 * n8n. Each lane reports its answers per second (the acceptance or refusal rate), for accepted lanes the callbacks
 * accepted *and executed* per second (2xx answers whose executions finished, from the first request until the last
 * execution ended: n8n answers faster than it executes, and the backlog is what a user's workflow feels), p50/p99
 * latency, the CPU time n8n's main process spent per answered request (its executions included, read from /proc),
 * and the executions refused requests started. Ratios compare with the mean of the two reference runs around the
 * lanes and with the trigger's hand-built counterpart (report.ts). Every scenario also checks what it measured:
 * accepted = 200 and one finished execution each, refused = the expected status and no execution (the hand-built
 * verifiers: one execution per forged request, counted). BENCH_ROUNDS (default 1) repeats it all; tables show
 * medians. Figures only, never thresholds.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

import { BENCH_TRIGGERS, benchPayload, benchTriggers, unsignedRequest, type BenchTriggerName } from '../../helpers/benchRequests';
import { e2eRun, workflowExecutions, type ExecutionSummary, type Lane } from '../harness';
import { closedLoop, type LoadRequest } from './load';
import {
	HAND_PREFIX,
	appendMarkdown,
	configurationTables,
	crossConfigurationTables,
	handLaneOf,
	loadRows,
	saveRows,
	targetLines,
	type Phase,
	type Row,
	type RowSet,
} from './report';

const run = e2eRun();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const BODY_BYTES = Number(process.env.BENCH_BODY_BYTES ?? 1024);
const CONCURRENCIES = [10, 50];
const FORGED_CONCURRENCY = 10;
const WARM_UP_MS = 1000;
/** Far above what a loopback n8n answers in the time given: the bound is the duration. */
const MAX_REQUESTS = 200_000;
/**
 * How long a lane's executions may take to finish after its last answer (a backlog of thousands on 2 cores): at
 * least 180 s, and 250 ms per expected execution (n8n executed as few as 7 a second while a lane accepted 270 a
 * second: CryptAPI at c = 50 with the proposed patch, 1 349 accepted, 1 261 done after 180 s).
 */
const DRAIN_MIN_MS = 180_000;
const DRAIN_PER_EXECUTION_MS = 250;
/** Below the scenario's 10-minute jest limit (jest.bench.config.js), so that the lane's own check reports. */
const DRAIN_MAX_MS = 540_000;
const drainTimeout = (expected: number) => Math.min(DRAIN_MAX_MS, Math.max(DRAIN_MIN_MS, expected * DRAIN_PER_EXECUTION_MS));
/** The configuration (scripts/e2e.mjs: --variants); where the rows of every configuration of this run go. */
const VARIANT = process.env.E2E_VARIANT || 'default';
const VARIANT_LABEL = process.env.E2E_VARIANT_LABEL || (process.env.E2E_N8N_ENV ? `n8n env ${process.env.E2E_N8N_ENV}` : "n8n's defaults");
const OUT_DIR = process.env.E2E_OUT_DIR;
const EARLIER = (process.env.E2E_VARIANTS_BEFORE ?? '').split(',').filter(Boolean);

/** The hand-built verifiers bench.setup.mjs declared, by the trigger they mirror. */
const HAND_BUILT = BENCH_TRIGGERS.filter((t) => run.lanes[`bench.${handLaneOf(t)}`] !== undefined);
type LaneName = 'webhook' | 'webhookAuth' | 'cryptomusV1' | BenchTriggerName | `${typeof HAND_PREFIX}${string}`;
const rows: Row[] = [];

const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const handTrigger = (name: LaneName) => HAND_BUILT.find((t) => handLaneOf(t) === name);

function request(name: LaneName, phase: Phase, lane: Lane): () => LoadRequest {
	const relativeUrl = new URL(lane.url).pathname;
	if (name === 'webhook' || name === 'webhookAuth') {
		// The same body as the Cryptomus lane, unsigned; the Header Auth lane gets a wrong header value.
		const body = Buffer.from(benchPayload(benchTriggers.cryptomus, BODY_BYTES), 'utf8');
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (name === 'webhookAuth') headers['x-bench-auth'] = 'not-the-configured-value';
		return () => ({ method: 'POST', headers, body });
	}
	const mirrored = handTrigger(name);
	const trigger = benchTriggers[mirrored ?? (name === 'cryptomusV1' ? 'cryptomus' : (name as BenchTriggerName))];
	// A hand-built check re-encodes n8n's parsed body: it gets a body that survives that (benchPayload's `plain`).
	const text = benchPayload(trigger, BODY_BYTES, { plain: mirrored !== undefined });
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
async function settle(timeoutMs: number): Promise<void> {
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

/** The newest execution id seen per workflow: each lane only reads the executions it started. */
const seen = new Map<string, number>();

/** Executions of a workflow newer than the last read; retried for a while when n8n answers 503 (its DB health check lags under load). */
async function newExecutions(workflowId: string): Promise<ExecutionSummary[]> {
	const read = () => workflowExecutions(run, workflowId, seen.get(workflowId) ?? 0);
	for (let attempt = 1; attempt < 20; attempt++) {
		try {
			return await read();
		} catch {
			await sleep(1000);
		}
	}
	return await read(); // the last try's error is the one reported
}

/**
 * After a load: waits until n8n is idle, then until the workflow has `expected` new finished executions (polling
 * only when idleness came first, so the reads do not compete with the executions), then a moment more when none
 * are expected (an execution a refusal wrongly started would show by then). Returns them and marks them as read.
 */
async function finish(workflowId: string, expected: number): Promise<ExecutionSummary[]> {
	const wait = drainTimeout(expected);
	const deadline = Date.now() + wait;
	await settle(wait);
	if (expected === 0) await sleep(1500);
	let executions = await newExecutions(workflowId);
	const done = () => executions.filter((e) => e.stoppedAt).length;
	while (done() < expected && Date.now() < deadline) {
		await sleep(500);
		executions = await newExecutions(workflowId);
	}
	const newest = Math.max(seen.get(workflowId) ?? 0, ...executions.map((e) => Number(e.id)));
	seen.set(workflowId, newest);
	return executions;
}

/** The status a lane answers in a phase. */
function expectedStatus(name: LaneName, phase: Phase): number {
	if (phase === 'accepted') return 200;
	return name === 'webhookAuth' ? 403 : 401;
}

async function measure(round: number, phase: Phase, concurrency: number, name: LaneName, position?: 'first' | 'last') {
	const lane = run.lane(`bench.${name}`);
	const next = request(name, phase, lane);
	const sum = (statuses: Record<number, number>) => Object.values(statuses).reduce((a, b) => a + b, 0);
	// Every answered request to a hand-built verifier started an execution (its Respond to Webhook node answered);
	// elsewhere only accepted ones do.
	const startsExecutions = (statuses: Record<number, number>) =>
		handTrigger(name) ? sum(statuses) : phase === 'accepted' ? (statuses[200] ?? 0) : 0;

	const warm = await closedLoop(lane.url, next, { concurrency, durationMs: WARM_UP_MS, maxRequests: MAX_REQUESTS });
	const warmExecutions = await finish(lane.workflowId, startsExecutions(warm.statuses));

	const load0 = loadavg()[0];
	const ticksBefore = cpuTicks();
	const startedAt = Date.now();
	const result = await closedLoop(lane.url, next, { concurrency, durationMs: SECONDS * 1000, maxRequests: MAX_REQUESTS });
	const answered = sum(result.statuses);
	const executions = await finish(lane.workflowId, startsExecutions(result.statuses));
	const cpuMs = ((cpuTicks() - ticksBefore) * 1000) / CLOCK_TICKS_PER_SECOND / Math.max(1, answered);
	const succeeded = executions.filter((e) => e.status === 'success');
	const lastEnd = Math.max(startedAt + result.wallMs, ...executions.map((e) => Date.parse(e.stoppedAt ?? '') || 0));
	const executed = phase === 'accepted' ? Math.min(result.statuses[200] ?? 0, succeeded.length) : NaN;
	const row: Row = {
		round,
		phase,
		concurrency,
		lane: name,
		position,
		answersPerSecond: result.perSecond,
		p50Ms: result.p50Ms,
		p99Ms: result.p99Ms,
		statuses: result.statuses,
		errors: result.errors,
		cpuMs,
		executions: executions.length,
		executedPerSecond: executed / ((lastEnd - startedAt) / 1000),
		load: [load0, loadavg()[0]],
	};
	rows.push(row);
	const executedText = phase === 'accepted' ? `executed ${row.executedPerSecond.toFixed(1).padStart(6)}/s  ` : `executions ${executions.length}  `;
	out(
		`    ${phase} c=${concurrency} ${name.padEnd(14)} ${result.perSecond.toFixed(1).padStart(7)}/s  ${executedText}` +
			`p50 ${result.p50Ms.toFixed(1).padStart(6)} ms  p99 ${result.p99Ms.toFixed(1).padStart(6)} ms  ` +
			`n8n CPU ${cpuMs.toFixed(2).padStart(6)} ms/req  statuses ${JSON.stringify(result.statuses)}${result.errors ? `  errors ${result.errors}` : ''}  load ${row.load.map((l) => l.toFixed(2)).join('→')}`,
	);

	const expected = String(expectedStatus(name, phase));
	expect(result.errors + warm.errors).toBe(0);
	expect(Object.keys(result.statuses)).toEqual([expected]);
	expect(Object.keys(warm.statuses)).toEqual([expected]);
	// Accepted: one finished, successful execution per answer. Forged at a hand-built verifier: one per request too
	// (the IF node's false branch answers 401). Refused by a trigger or by Header Auth: none.
	expect(warmExecutions.filter((e) => e.status === 'success')).toHaveLength(startsExecutions(warm.statuses));
	expect(succeeded).toHaveLength(startsExecutions(result.statuses));
	expect(executions).toHaveLength(startsExecutions(result.statuses));
}

const HAND_LANES = HAND_BUILT.map((t) => handLaneOf(t) as LaneName);
const ORDER: Array<[LaneName, ('first' | 'last')?]> = [
	['webhook', 'first'],
	...BENCH_TRIGGERS.map((t): [LaneName] => [t]),
	['cryptomusV1'],
	...HAND_LANES.map((h): [LaneName] => [h]),
	['webhook', 'last'],
];
const FORGED_ORDER: Array<[Phase, LaneName, ('first' | 'last')?]> = [
	['forged', 'webhookAuth', 'first'],
	...BENCH_TRIGGERS.map((t): [Phase, LaneName] => ['forged', t]),
	...HAND_LANES.map((h): [Phase, LaneName] => ['forged', h]),
	...BENCH_TRIGGERS.map((t): [Phase, LaneName] => ['unsigned', t]),
	['forged', 'webhookAuth', 'last'],
];

function label(name: LaneName, position?: string): string {
	if (name === 'webhook') return `n8n Webhook node (${position})`;
	if (name === 'webhookAuth') return `n8n Webhook node + Header Auth, wrong header → 403 (${position})`;
	if (name === 'cryptomusV1') return 'cryptomus trigger at node version 1';
	const mirrored = handTrigger(name);
	if (mirrored) return `hand-built ${mirrored} verifier (Webhook → Crypto → IF → Respond to Webhook)`;
	return `${name} trigger (node version 1.1)`;
}

describe(`bench n8n ${run.version}, ${VARIANT} (${BODY_BYTES} B bodies, ${SECONDS} s per lane)`, () => {
	// The first lane, too, starts on an idle n8n (activation and start-up work done).
	beforeAll(() => settle(60_000), 70_000);
	for (let round = 1; round <= ROUNDS; round++) {
		for (const c of CONCURRENCIES) {
			for (const [name, position] of ORDER) {
				it(`round ${round}, c=${c}: ${label(name, position)}, valid callbacks → 200 and one execution each`, async () => {
					await measure(round, 'accepted', c, name, position);
				});
			}
		}
		for (const [phase, name, position] of FORGED_ORDER) {
			const what = name === 'webhookAuth' ? '' : phase === 'forged' ? ', forged signature → 401' : ', no signature → 401';
			const executions = handTrigger(name) ? ', one execution each' : ', no execution';
			it(`round ${round}, c=${FORGED_CONCURRENCY}: ${label(name, position)}${what}${executions}`, async () => {
				await measure(round, phase, FORGED_CONCURRENCY, name, position);
			});
		}
	}

	afterAll(() => report());
});

/** Prints (and, in the orchestrator's run folder, saves) this configuration's tables, then those across configurations. */
function report(): void {
	if (rows.length === 0) return;
	const set: RowSet = { variant: VARIANT, label: VARIANT_LABEL, version: run.version, bodyBytes: BODY_BYTES, seconds: SECONDS, rounds: ROUNDS, rows };
	const sets = [...(OUT_DIR ? loadRows(OUT_DIR, EARLIER) : []), set];
	const lines = [...configurationTables(set), ...targetLines(set)];
	const across = crossConfigurationTables(sets);
	out('');
	for (const line of [...lines, ...across]) out(`  ${line}`);
	if (OUT_DIR) {
		saveRows(OUT_DIR, set);
		appendMarkdown(OUT_DIR, lines);
		if (across.length > 0 && EARLIER.length > 0) appendMarkdown(OUT_DIR, across);
		out(`  (rows and markdown in ${OUT_DIR})`);
	}
}
