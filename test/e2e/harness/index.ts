/**
 * E2E harness — the scenario side of `npm run test:e2e`.
 *
 * scripts/e2e.mjs provisions n8n, imports the credentials and workflows that `test/e2e/<provider>.setup.mjs`
 * declare, starts n8n once per n8n version and then runs the `test/e2e/<provider>.e2e.ts` scenarios with jest.
 * Scenarios never start or stop n8n: they send HTTP requests to it and look at what came out.
 *
 * Adding a provider = two files, copied from the Cryptomus pair:
 *   <provider>.setup.mjs   credentials + one workflow of *lanes* (start node → [middle nodes] → capture)
 *   <provider>.e2e.ts      the scenarios, using this module:
 *
 *   const { run, capture } = e2eSuite();           // the running n8n (version, base URL, lanes, ports) and a
 *                                                  // capture server open for this file's scenarios
 *
 *   const lane = run.lane('cryptomus.all');        // '<provider>.<lane name in the setup file>'
 *   const r = await deliver(run, capture, lane, { body }, { items: 1 });
 *   expect(r.status).toBe(200);                    // HTTP answer of n8n (status, headers, body text)
 *   expect(r.executions).toBe(1);                  // new executions started by this lane's start node
 *   expect(r.items[0]).toMatchObject({ … });       // items that reached the end of the lane
 *
 * `deliver()` waits for what you announce (`items`, `executions`), then lets things settle (0.5 s; 1.5 s when you
 * expect nothing, so "zero executions" is really observed), and returns what actually happened.
 * Lower-level pieces for multi-lane scenarios: `send`, `countExecutions`, `waitForExecutions`, `capture.waitFor`.
 * Sign requests with the package's own `sign…()` helpers from `nodes/<Provider>/signature.ts`, never a copy.
 * The editor's "Listen for test event" (test URL, manual execution): `listenForTestEvent` in harness/testWebhook.ts.
 * A workflow a setup declares `workflow(ctx, { active: false })` starts inactive; scenarios switch it on and off with
 * `activateWorkflow` / `deactivateWorkflow` / `waitForWebhook` in harness/activation.ts (n8n's REST API, as the editor).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

/** Plain JSON object as it arrives at the capture server. */
export type Json = Record<string, unknown>;

export interface Lane {
	/** `<provider>.<lane>` */
	key: string;
	workflowId: string;
	/** Name of the lane's first node in the workflow (executions are attributed by it). */
	startNode: string;
	captureTag: string;
	/** Production webhook URL of the lane's start node. */
	url: string;
	method: string;
	/** False for a lane of a workflow declared `active: false` (the scenarios activate it: harness/activation.ts). */
	active?: boolean;
}

/** One n8n process of a queue-mode run (`npm run test:e2e -- --queue`). */
export interface QueueProcess {
	name: string;
	/** `start` (main), `webhook` (webhook processor) or `worker`. */
	role: string;
	pid: number;
	/** 'http://127.0.0.1:<port>/': a webhook processor's server, a worker's health server, the main's editor. */
	url: string;
	logFile: string;
}

export interface QueueInfo {
	processes: QueueProcess[];
	postgres: { host: string; port: number; user: string; database: string };
}

export interface E2eRun {
	/** n8n version under test, e.g. '2.41.1'. */
	version: string;
	/** 'single' (one `n8n start`) or 'queue' (main + webhook processors + workers; lane URLs go to a balancer). */
	mode: 'single' | 'queue';
	/** Queue mode only. */
	queue?: QueueInfo;
	/** 'http://127.0.0.1:<port>/' */
	baseUrl: string;
	capturePort: number;
	apiKey: string;
	/** The owner's session cookie (`n8n-auth=…`): the editor's REST API (`/rest/…`), see harness/testWebhook.ts. */
	cookie: string;
	logFile: string;
	/** PID of the n8n process (benchmarks read its CPU time). */
	pid: number;
	lanes: Record<string, Lane>;
	lane(key: string): Lane;
	/** A loopback port the setup module reserved with `ctx.port(name)`. */
	port(name: string): number;
}

interface RunState {
	version: string;
	mode?: 'single' | 'queue';
	queue?: QueueInfo;
	baseUrl: string;
	capturePort: number;
	ports: Record<string, number>;
	apiKey: string;
	cookie: string;
	lanes: Record<string, Lane>;
	logFile: string;
	pid: number;
}

/** The n8n instance scripts/e2e.mjs started for this jest run. */
export function e2eRun(): E2eRun {
	const statePath = process.env.E2E_STATE;
	if (!statePath) {
		throw new Error('No running n8n: start the e2e suite with `npm run test:e2e` (scripts/e2e.mjs), not jest directly.');
	}
	const state = JSON.parse(readFileSync(statePath, 'utf8')) as RunState;
	return {
		...state,
		mode: state.mode ?? 'single',
		lane(key: string): Lane {
			const lane = state.lanes[key];
			if (!lane) throw new Error(`unknown lane ${key}; known: ${Object.keys(state.lanes).join(', ')}`);
			return lane;
		},
		port(name: string): number {
			const port = state.ports[name];
			if (!port) throw new Error(`no port reserved as "${name}" (ctx.port('${name}') in a setup module)`);
			return port;
		},
	};
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Everything n8n logged so far: the one process's log, or in queue mode every process's (main, webhook processors,
 * workers), since a trigger's webhook() logs on the webhook processor and activation errors on main.
 */
export function n8nLog(run: E2eRun): string {
	const files = run.queue ? run.queue.processes.map((p) => p.logFile) : [run.logFile];
	return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

// ------------------------------------------------------------------------------------------- capture server

export interface Capture {
	/** Items captured so far for a lane tag, in arrival order. */
	items(tag: string): Json[];
	count(tag: string): number;
	/** Resolves once `count` items have arrived for `tag` (in total); rejects after `timeoutMs`. */
	waitFor(tag: string, count: number, timeoutMs?: number): Promise<Json[]>;
	close(): Promise<void>;
}

/** Starts the capture server (on the loopback port the lanes' HTTP Request nodes post to). */
export async function startCapture(run: E2eRun): Promise<Capture> {
	const received = new Map<string, Json[]>();
	const waiters = new Set<() => void>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const match = /^\/capture\/([^/?]+)/.exec(req.url ?? '');
			if (req.method !== 'POST' || !match) {
				res.writeHead(404).end();
				return;
			}
			const tag = decodeURIComponent(match[1]);
			let item: Json;
			try {
				item = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
			} catch {
				item = { unparsable: Buffer.concat(chunks).toString('utf8') };
			}
			received.set(tag, [...(received.get(tag) ?? []), item]);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"captured":true}');
			waiters.forEach((wake) => wake());
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(run.capturePort, '127.0.0.1', resolve);
	});
	const items = (tag: string) => [...(received.get(tag) ?? [])];
	return {
		items,
		count: (tag) => items(tag).length,
		waitFor(tag, count, timeoutMs = 20_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (items(tag).length >= count) {
						waiters.delete(check);
						clearTimeout(timer);
						resolve(items(tag));
					}
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`capture ${tag}: ${items(tag).length}/${count} items after ${timeoutMs} ms`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

// ------------------------------------------------------------------------------------------- HTTP

export interface HttpRequest {
	method?: string;
	/** Sent byte for byte. */
	body?: string | Buffer;
	/** Default: `content-type: application/json`; pass `'content-type': undefined` to send none. */
	headers?: Record<string, string | undefined>;
	/** Appended to the URL as given (`?a=1&b=2`). */
	query?: string;
}

export interface HttpAnswer {
	status: number;
	headers: Headers;
	/** Response body as text. */
	body: string;
}

/** One HTTP request to a loopback URL (only 127.0.0.1 / localhost are allowed). */
export async function send(url: string, request: HttpRequest = {}): Promise<HttpAnswer> {
	const target = new URL(url + (request.query ?? ''));
	if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
		throw new Error(`e2e requests go to loopback only, not ${target.hostname}`);
	}
	const merged: Record<string, string | undefined> = { 'content-type': 'application/json', ...request.headers };
	const headers = Object.fromEntries(
		Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
	);
	const res = await fetch(target, {
		method: request.method ?? 'POST',
		headers,
		body: request.body,
		signal: AbortSignal.timeout(30_000),
	});
	return { status: res.status, headers: res.headers, body: await res.text() };
}

// ------------------------------------------------------------------------------------------- executions

export interface ApiExecution {
	id: string;
	workflowId: string;
	/** 'webhook' for production URLs, 'manual' for the editor's test runs. */
	mode?: string;
	finished?: boolean;
	status?: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> } }>> } };
}

/** Finished executions of the lane's workflow that its start node began (n8n's public API, with run data). */
export async function listExecutions(run: E2eRun, lane: Lane): Promise<ApiExecution[]> {
	const all: ApiExecution[] = [];
	let cursor: string | undefined;
	do {
		const url = new URL('api/v1/executions', run.baseUrl);
		url.searchParams.set('workflowId', lane.workflowId);
		url.searchParams.set('includeData', 'true');
		url.searchParams.set('limit', '250');
		if (cursor) url.searchParams.set('cursor', cursor);
		const res = await fetch(url, { headers: { 'X-N8N-API-KEY': run.apiKey }, signal: AbortSignal.timeout(10_000) });
		if (res.status !== 200) throw new Error(`GET ${url.pathname} answered ${res.status}: ${await res.text()}`);
		const page = (await res.json()) as { data: ApiExecution[]; nextCursor?: string | null };
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all.filter((e) => e.data?.resultData?.runData?.[lane.startNode] !== undefined);
}

/** A stored execution as the public API lists it without run data. */
export interface ExecutionSummary {
	id: string;
	status?: string;
	/** ISO times (n8n's clock: the same machine's). */
	startedAt?: string;
	stoppedAt?: string | null;
}

/**
 * Stored executions of a workflow (public API, no run data, any start node), newest first; with `afterId` only those
 * with a higher id (the pages stop there: cheap after a lane of thousands when the workflow has more).
 */
export async function workflowExecutions(run: E2eRun, workflowId: string, afterId = 0): Promise<ExecutionSummary[]> {
	const all: ExecutionSummary[] = [];
	let cursor: string | undefined;
	do {
		const url = new URL('api/v1/executions', run.baseUrl);
		url.searchParams.set('workflowId', workflowId);
		url.searchParams.set('limit', '250');
		if (cursor) url.searchParams.set('cursor', cursor);
		const res = await fetch(url, { headers: { 'X-N8N-API-KEY': run.apiKey }, signal: AbortSignal.timeout(30_000) });
		if (res.status !== 200) throw new Error(`GET ${url.pathname} answered ${res.status}: ${await res.text()}`);
		const page = (await res.json()) as { data: ExecutionSummary[]; nextCursor?: string | null };
		const newer = page.data.filter((e) => Number(e.id) > afterId);
		all.push(...newer);
		cursor = newer.length === page.data.length ? (page.nextCursor ?? undefined) : undefined;
	} while (cursor);
	return all;
}

/** Counts per status: `{ success: 12 }`. */
export function countByStatus(executions: ExecutionSummary[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const e of executions) counts[e.status ?? '?'] = (counts[e.status ?? '?'] ?? 0) + 1;
	return counts;
}

/** Stored executions of a workflow per status (public API, no run data, any start node): `{ success: 12 }`. */
export async function executionsByStatus(run: E2eRun, workflowId: string): Promise<Record<string, number>> {
	return countByStatus(await workflowExecutions(run, workflowId));
}

/**
 * How many executions a workflow has (any start node; only those with `status`, e.g. 'success', when given), without
 * their data: cheap for thousands.
 */
export async function countWorkflowExecutions(run: E2eRun, workflowId: string, status?: string): Promise<number> {
	const counts = await executionsByStatus(run, workflowId);
	return status ? (counts[status] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
}

export async function countExecutions(run: E2eRun, lane: Lane): Promise<number> {
	return (await listExecutions(run, lane)).length;
}

/** Polls until the lane has at least `count` finished executions; returns the count seen (may be lower on timeout). */
export async function waitForExecutions(run: E2eRun, lane: Lane, count: number, timeoutMs = 20_000): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	let seen = await countExecutions(run, lane);
	while (seen < count && Date.now() < deadline) {
		await sleep(250);
		seen = await countExecutions(run, lane);
	}
	return seen;
}

// ------------------------------------------------------------------------------------------- deliver

export interface Expectation {
	/** Items you expect at the lane's capture node (waited for). Default 0. */
	items?: number;
	/** Executions you expect the request to start (waited for). Default 1 if `items` > 0, else 0. */
	executions?: number;
	/** How long to wait for the above. Default 20 s. */
	timeoutMs?: number;
	/** Quiet time after that, to catch extra executions/items. Default 0.5 s, or 1.5 s when expecting nothing. */
	settleMs?: number;
}

export interface Delivery extends HttpAnswer {
	/** Executions of this lane started since just before the request. */
	executions: number;
	/** Items that reached the lane's capture node since just before the request. */
	items: Json[];
}

/** Sends `request` to the lane's production URL and reports the answer, new executions and captured items. */
export async function deliver(
	run: E2eRun,
	capture: Capture,
	lane: Lane,
	request: HttpRequest,
	expectation: Expectation = {},
): Promise<Delivery> {
	const wantItems = expectation.items ?? 0;
	const wantExecutions = expectation.executions ?? (wantItems > 0 ? 1 : 0);
	const timeoutMs = expectation.timeoutMs ?? 20_000;
	const settleMs = expectation.settleMs ?? (wantItems === 0 && wantExecutions === 0 ? 1_500 : 500);

	const executionsBefore = await countExecutions(run, lane);
	const itemsBefore = capture.count(lane.captureTag);
	const answer = await send(lane.url, { method: lane.method, ...request });
	const deadline = Date.now() + timeoutMs;

	if (wantItems > 0) {
		await capture.waitFor(lane.captureTag, itemsBefore + wantItems, timeoutMs).catch(() => undefined);
	}
	if (wantExecutions > 0) {
		await waitForExecutions(run, lane, executionsBefore + wantExecutions, Math.max(0, deadline - Date.now()));
	}
	await sleep(settleMs);

	return {
		...answer,
		executions: (await countExecutions(run, lane)) - executionsBefore,
		items: capture.items(lane.captureTag).slice(itemsBefore),
	};
}

/**
 * The start of every scenario file: the running n8n, and a capture server that is started before the file's
 * scenarios and closed after them. `capture` may be used inside tests and hooks (not at module load).
 */
export function e2eSuite(): { run: E2eRun; capture: Capture } {
	const run = e2eRun();
	let started: Capture | undefined;
	beforeAll(async () => {
		started = await startCapture(run);
	});
	afterAll(async () => {
		await started?.close();
	});
	const live = (): Capture => {
		if (!started) throw new Error('the capture server is only available inside tests and hooks');
		return started;
	};
	const capture: Capture = {
		items: (tag) => live().items(tag),
		count: (tag) => live().count(tag),
		waitFor: async (tag, count, timeoutMs) => await live().waitFor(tag, count, timeoutMs),
		close: async () => await live().close(),
	};
	return { run, capture };
}
