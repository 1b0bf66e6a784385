/**
 * A closed-loop HTTP load generator for `npm run bench:n8n`: `concurrency` clients, each sending the same request
 * again as soon as its previous answer is complete, over keep-alive connections to a loopback URL. Bounded by a
 * duration and a request count, whichever comes first.
 */
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadRequest {
	method: string;
	headers: Record<string, string>;
	body: Buffer;
}

export interface LoadOptions {
	concurrency: number;
	durationMs: number;
	maxRequests: number;
}

export interface LoadResult {
	requests: number;
	/** Answers per HTTP status. */
	statuses: Record<number, number>;
	/** Requests that failed without an answer (connection errors, timeouts). */
	errors: number;
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function once(agent: Agent, url: URL, req: LoadRequest): Promise<number> {
	return new Promise((resolve, reject) => {
		const r = httpRequest(
			url,
			{ method: req.method, agent, headers: { ...req.headers, 'content-length': String(req.body.length) }, timeout: 30_000 },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
				res.on('error', reject);
			},
		);
		r.on('timeout', () => r.destroy(new Error('timeout')));
		r.on('error', reject);
		r.end(req.body);
	});
}

/**
 * Runs the closed loop against `url` (loopback only) and reports rate and latency percentiles. `req` may be a
 * function, called per request (for signatures over the current time).
 */
export async function closedLoop(url: string, req: LoadRequest | (() => LoadRequest), options: LoadOptions): Promise<LoadResult> {
	const next = typeof req === 'function' ? req : () => req;
	const target = new URL(url);
	if (!['127.0.0.1', 'localhost'].includes(target.hostname)) throw new Error(`loopback only, not ${target.hostname}`);
	const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
	const latencies: number[] = [];
	const statuses: Record<number, number> = {};
	let errors = 0;
	let started = 0;
	const t0 = performance.now();
	const deadline = t0 + options.durationMs;
	const client = async () => {
		while (performance.now() < deadline && started < options.maxRequests) {
			started++;
			const t = performance.now();
			try {
				const status = await once(agent, target, next());
				statuses[status] = (statuses[status] ?? 0) + 1;
				latencies.push(performance.now() - t);
			} catch {
				errors++;
			}
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, client));
	const seconds = (performance.now() - t0) / 1000;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		requests: started,
		statuses,
		errors,
		perSecond: latencies.length / seconds,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
	};
}
