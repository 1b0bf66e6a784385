/**
 * A small, generic load driver for the e2e scenarios: `total` requests, at most `concurrency` in flight, bounded
 * in count and in time, loopback only (every request goes through `send()`). It returns what came back, per
 * request, so a scenario can check that nothing answered 200 was lost, and the figures (throughput, latency
 * percentiles) to print. Benchmarks print figures; scenarios never assert on timing.
 *
 *   const r = await runLoad({ total: 1000, concurrency: 20, request: (i) => ({ url, body: bodies[i] }) });
 *   expect(r.statuses).toEqual({ 200: 1000 });
 *   process.stdout.write(`${formatLoad('queue mode', r)}\n`);
 */
import { send, type HttpRequest } from './index';

export interface LoadRequest extends HttpRequest {
	url: string;
}

export interface LoadOptions {
	total: number;
	concurrency: number;
	/** The i-th request (0 ≤ i < total). */
	request: (i: number) => LoadRequest;
	/** No new request is started after this long (the result then has `sent` < `total`). Default 5 min. */
	deadlineMs?: number;
	/** Called after each answer with the number answered so far (e.g. to stop a process half-way). */
	onAnswer?: (answered: number) => void;
}

export interface LoadAnswer {
	i: number;
	/** HTTP status, or 0 when the request failed (connection error, 30 s timeout). */
	status: number;
	body: string;
	ms: number;
}

export interface LoadResult {
	total: number;
	sent: number;
	concurrency: number;
	/** Count per HTTP status (0 = no answer). */
	statuses: Record<number, number>;
	answers: LoadAnswer[];
	wallMs: number;
	/** Answered requests per second over the whole run. */
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
}

/** The p-th percentile (0–100) of ascending `sorted` values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
	const { total, concurrency, request, deadlineMs = 5 * 60_000, onAnswer } = options;
	const answers: LoadAnswer[] = [];
	const started = Date.now();
	let next = 0;

	const lane = async (): Promise<void> => {
		while (next < total && Date.now() - started < deadlineMs) {
			const i = next++;
			const { url, ...rest } = request(i);
			const t = performance.now();
			let status = 0;
			let body = '';
			try {
				({ status, body } = await send(url, rest));
			} catch (error) {
				body = error instanceof Error ? error.message : String(error);
			}
			answers.push({ i, status, body, ms: performance.now() - t });
			onAnswer?.(answers.length);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));

	const wallMs = Date.now() - started;
	const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
	const statuses: Record<number, number> = {};
	for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
	return {
		total,
		sent: answers.length,
		concurrency,
		statuses,
		answers: answers.sort((a, b) => a.i - b.i),
		wallMs,
		perSecond: answers.length / (wallMs / 1000),
		p50Ms: percentile(sorted, 50),
		p99Ms: percentile(sorted, 99),
		maxMs: sorted[sorted.length - 1] ?? 0,
	};
}

/** One line of figures: `<label>: 1000 requests at concurrency 20 in 25.1 s = 39.8/s, p50 120 ms, p99 900 ms …`. */
export function formatLoad(label: string, r: LoadResult): string {
	const statuses = Object.entries(r.statuses)
		.map(([status, count]) => `${count} × ${status === '0' ? 'no answer' : status}`)
		.join(', ');
	return (
		`${label}: ${r.sent}/${r.total} requests at concurrency ${r.concurrency} in ${(r.wallMs / 1000).toFixed(1)} s ` +
		`= ${r.perSecond.toFixed(1)}/s; latency p50 ${Math.round(r.p50Ms)} ms, p99 ${Math.round(r.p99Ms)} ms, ` +
		`max ${Math.round(r.maxMs)} ms; ${statuses}`
	);
}
