/**
 * Byte-exact HTTP for the hostile and load scenarios: any method, header list (repeated names allowed; Node sends a
 * header array as it is, so Host and, unless given, Content-Length are added here) and body, over a shared keep-alive agent whose socket count
 * bounds the concurrency. `send()` in ./index.ts (fetch) stays the polite path for ordinary scenarios.
 */
import { Agent, request } from 'node:http';

export interface RawRequest {
	method: string;
	/** Appended to the URL as given (`?a=1`), never re-encoded. */
	query?: string;
	/** Sent in this order; a name may repeat. `content-length` is added unless present. */
	headers: Array<[string, string]>;
	body?: Buffer;
}

export interface RawAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	/** Milliseconds from sending to the last byte of the answer. */
	ms: number;
}

/** A keep-alive agent with at most `sockets` connections (the load's concurrency). */
export const rawAgent = (sockets: number): Agent => new Agent({ keepAlive: true, maxSockets: sockets });

/** One request to a loopback URL; rejects on a network error or after `timeoutMs`. */
export async function sendRaw(url: string, req: RawRequest, agent?: Agent, timeoutMs = 30_000): Promise<RawAnswer> {
	// A kept-alive socket the server closed just as it was reused: the request never reached it (Node's advice).
	return await sendOnce(url, req, agent, timeoutMs).catch(async (error: Error & { reusedSocket?: boolean }) =>
		error.reusedSocket ? await sendOnce(url, req, agent, timeoutMs) : Promise.reject(error),
	);
}

function sendOnce(url: string, req: RawRequest, agent: Agent | undefined, timeoutMs: number): Promise<RawAnswer> {
	const target = new URL(url);
	if (!['127.0.0.1', 'localhost'].includes(target.hostname)) throw new Error(`loopback only, not ${target.hostname}`);
	const body = req.body ?? Buffer.alloc(0);
	// Node writes header values as latin1 and refuses characters above U+00FF, so each value goes out as the latin1
	// text of its UTF-8 bytes: the wire then carries exactly those bytes (e.g. full-width digits in a timestamp).
	const flat = ['host', target.host, ...req.headers.flatMap(([name, value]) => [name, Buffer.from(value, 'utf8').toString('latin1')])];
	if (!req.headers.some(([name]) => name.toLowerCase() === 'content-length') && (body.length > 0 || req.method !== 'GET')) {
		flat.push('content-length', String(body.length));
	}
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const r = request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: target.pathname + (req.query ?? ''),
				headers: flat as unknown as Record<string, string>,
				agent,
				timeout: timeoutMs,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }),
				);
				res.on('error', reject);
			},
		);
		r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		r.on('error', (error: NodeJS.ErrnoException) =>
			reject(Object.assign(error, { reusedSocket: r.reusedSocket && error.code === 'ECONNRESET' })),
		);
		r.end(body);
	});
}

/** What `sendRetrying` had to resend: in all, and by the status n8n answered (`{ 503: 4, 500: 2 }`). */
export const resent = { count: 0, byStatus: {} as Record<number, number> };

/** `· 6 resent (503×4, 500×2)` for a figures line, '' when nothing was resent. */
export const resentLine = (): string =>
	resent.count === 0
		? ''
		: ` · ${resent.count} resent (${Object.entries(resent.byStatus).map(([status, n]) => `${status}×${n}`).join(', ')}: n8n could not take the request, as providers retry)`;

/**
 * Answers that mean n8n did not take the request in, before any node's verdict counts, and that a provider retries:
 * 503 (n8n sheds load that way, e.g. "Database is not ready!" when its database ping times out on a starved machine)
 * and 500 "There was a problem executing the workflow" (n8n could not create the execution, e.g. n8n 2.41.1's SQLite
 * writer lock timing out after 60 s under a burst; no execution exists then).
 */
const notTakenIn = (answer: RawAnswer) =>
	answer.status === 503 || (answer.status === 500 && answer.body.includes('There was a problem executing the workflow'));

/**
 * `sendRaw`, resending (up to `attempts` times, 0.5 s, 1 s, … apart) while n8n answers that it did not take the
 * request in (above), as providers retry such answers. Every resend is counted in `resent` for the figures.
 */
export async function sendRetrying(url: string, req: RawRequest, agent?: Agent, attempts = 6, timeoutMs = 30_000): Promise<RawAnswer> {
	let answer = await sendRaw(url, req, agent, timeoutMs);
	for (let i = 1; i < attempts && notTakenIn(answer); i++) {
		resent.count += 1;
		resent.byStatus[answer.status] = (resent.byStatus[answer.status] ?? 0) + 1;
		await new Promise((resolve) => setTimeout(resolve, 500 * i));
		answer = await sendRaw(url, req, agent, timeoutMs);
	}
	return answer;
}
