/**
 * A closed-loop HTTP load generator for `npm run bench:n8n`: `concurrency` clients, each sending the same request
 * again as soon as its previous answer is complete, over keep-alive connections to a loopback URL. Bounded by a
 * duration and a request count, whichever comes first (the harness's runLoad() does the scheduling and figures).
 */
import { Agent, request as httpRequest } from 'node:http';

import { runLoad } from '../harness/load';

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
	/** From the first request to the last answer. */
	wallMs: number;
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
	try {
		const r = await runLoad({
			count: options.maxRequests,
			concurrency: options.concurrency,
			deadlineMs: options.durationMs,
			send: async () => ({ status: await once(agent, target, next()) }),
		});
		return { requests: r.sent, statuses: r.statuses, errors: r.errors, perSecond: r.perSecond, p50Ms: r.p50, p99Ms: r.p99, wallMs: r.wallMs };
	} finally {
		agent.destroy();
	}
}
