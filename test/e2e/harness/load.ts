/**
 * A generic load driver: runs `count` requests through `send(i)` with at most `concurrency` in flight, bounded by
 * `deadlineMs`, and reports what came back — statuses (exact and by class), network errors and answer latencies.
 * It knows nothing about providers or n8n: the caller builds request `i` and sends it (e.g. with `sendRaw`).
 *
 *   const r = await runLoad({ count: 1000, concurrency: 20, send: (i) => sendRaw(url, build(i), agent) });
 *   r.byClass['2xx'], r.p50, r.p99, r.perSecond
 */

export interface LoadOptions<A extends { status: number }> {
	/** How many requests (indices 0 … count-1). */
	count: number;
	/** Requests in flight at once. */
	concurrency: number;
	/** Sends request `i`; its answer's `status` is counted. A rejection counts as a network error. */
	send: (i: number) => Promise<A>;
	/** Stop starting new requests after this long (those not started count as `notStarted`). Default 5 min. */
	deadlineMs?: number;
	/** Stop starting new requests once this returns true (e.g. a flood that lasts while other traffic flows). */
	until?: () => boolean;
	/** Called with every answer (e.g. to check a body); runs inside the timing. */
	onAnswer?: (i: number, answer: A) => void;
}

export interface LoadResult {
	sent: number;
	notStarted: number;
	/** Exact status → count. */
	statuses: Record<number, number>;
	/** '2xx' | '3xx' | '4xx' | '5xx' → count. */
	byClass: Record<string, number>;
	/** Rejected sends (connection refused/reset, timeouts) and their first messages. */
	errors: number;
	errorSamples: string[];
	/** Answer latencies in ms, sorted ascending. */
	latencies: number[];
	p50: number;
	p99: number;
	max: number;
	wallMs: number;
	/** Answers per second over the wall time. */
	perSecond: number;
}

/** The q-quantile (0…1) of ascending `sorted` values (nearest rank); NaN when empty. */
export function percentile(sorted: number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export async function runLoad<A extends { status: number }>(options: LoadOptions<A>): Promise<LoadResult> {
	const { count, concurrency, send } = options;
	const deadline = Date.now() + (options.deadlineMs ?? 5 * 60_000);
	const statuses: Record<number, number> = {};
	const byClass: Record<string, number> = {};
	const latencies: number[] = [];
	const errorSamples: string[] = [];
	let next = 0;
	let sent = 0;
	let errors = 0;
	const started = performance.now();

	async function worker(): Promise<void> {
		while (next < count && Date.now() < deadline && !options.until?.()) {
			const i = next++;
			sent += 1;
			const t0 = performance.now();
			try {
				const answer = await send(i);
				latencies.push(performance.now() - t0);
				statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
				const cls = `${Math.floor(answer.status / 100)}xx`;
				byClass[cls] = (byClass[cls] ?? 0) + 1;
				options.onAnswer?.(i, answer);
			} catch (error) {
				errors += 1;
				if (errorSamples.length < 5) errorSamples.push((error as Error).message);
			}
		}
	}
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	const wallMs = performance.now() - started;
	latencies.sort((a, b) => a - b);
	return {
		sent,
		notStarted: count - sent,
		statuses,
		byClass,
		errors,
		errorSamples,
		latencies,
		p50: percentile(latencies, 0.5),
		p99: percentile(latencies, 0.99),
		max: latencies[latencies.length - 1] ?? Number.NaN,
		wallMs,
		perSecond: latencies.length / (wallMs / 1000),
	};
}

/** One line of figures: `1000 sent: 2xx 1000 · p50 12.3 ms · p99 45.6 ms · 80.1/s`. */
export function describeLoad(r: LoadResult): string {
	const classes = Object.entries(r.byClass)
		.sort()
		.map(([cls, n]) => `${cls} ${n}`)
		.join(', ');
	const errors = r.errors ? ` · ${r.errors} network errors` : '';
	const ms = (v: number) => `${v.toFixed(1)} ms`;
	return `${r.sent} sent: ${classes || 'no answers'}${errors} · p50 ${ms(r.p50)} · p99 ${ms(r.p99)} · max ${ms(r.max)} · ${r.perSecond.toFixed(0)}/s over ${(r.wallMs / 1000).toFixed(1)} s`;
}
