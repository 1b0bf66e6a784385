/**
 * What the fake provider APIs (test/fake-*) share: reading a request body, answering JSON, listening on loopback,
 * delivering a callback to a URL the way a provider does (loopback only: a fake never sends anything off the
 * machine), and waiting until a number of deliveries happened.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** An API answer: `body` as JSON, or `raw` text verbatim (a proxy's HTML page, a truncated answer, …). */
export interface Answer {
	status: number;
	body: unknown;
	raw?: string;
	/** Content type of `raw` (default text/html). */
	rawType?: string;
}

export function sendAnswer(res: ServerResponse, { status, body, raw, rawType }: Answer): void {
	const text = raw ?? JSON.stringify(body);
	const type = raw === undefined ? 'application/json' : (rawType ?? 'text/html');
	res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/** Starts `server` on 127.0.0.1 (`port` 0 = any free one) and returns its base URL `http://127.0.0.1:<port>`. */
export async function listen(server: Server, port = 0): Promise<string> {
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
}

/** Closes `server`, hung connections included. */
export function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	});
}

export interface Delivery {
	url: string;
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	body: string;
	/** HTTP status the URL answered, or the connection error's message. */
	answer: number | string;
	answerBody: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Sends one callback to `url` exactly as given (path and query bytes untouched) and records the answer. Only loopback
 * targets are contacted; any other host is recorded as refused.
 */
export function deliver(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body = ''): Promise<Delivery> {
	const target = new URL(url);
	const record = (answer: number | string, answerBody: string): Delivery => ({ url, method, headers, body, answer, answerBody });
	if (!LOOPBACK.has(target.hostname)) return Promise.resolve(record('refused: not a loopback URL', ''));
	const rawPath = url.slice(url.indexOf('/', url.indexOf('//') + 2));
	return new Promise((resolve) => {
		const req = httpRequest(
			{
				hostname: target.hostname,
				port: target.port,
				path: rawPath.replace(/#.*$/, ''),
				method,
				headers: method === 'POST' ? { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } : headers,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve(record(res.statusCode ?? 0, Buffer.concat(chunks).toString())));
			},
		);
		req.on('error', (error) => resolve(record(error.message, '')));
		req.end(method === 'POST' ? body : undefined);
	});
}

/** A list that tests can wait on: `await log.waitFor(n)` resolves once it holds `n` entries. */
export class WaitableLog<T> {
	readonly entries: T[] = [];
	private readonly waiters: Array<() => void> = [];

	constructor(private readonly label: string) {}

	push(entry: T): void {
		this.entries.push(entry);
		this.waiters.splice(0).forEach((wake) => wake());
	}

	waitFor(count: number, timeoutMs = 10_000): Promise<T[]> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${this.label}: ${this.entries.length}/${count} after ${timeoutMs} ms`)), timeoutMs);
			const check = () => {
				if (this.entries.length >= count) {
					clearTimeout(timer);
					resolve(this.entries.slice(0, count));
				} else this.waiters.push(check);
			};
			check();
		});
	}
}

export interface ReceivedRequest {
	method: string;
	/** Path and query exactly as requested. */
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A loopback stand-in for a workflow's webhook URL: records what arrives and answers every request alike. */
export interface Receiver {
	/** `http://127.0.0.1:<port><path>` */
	url: string;
	requests: ReceivedRequest[];
	close(): Promise<void>;
}

export async function startReceiver(path: string, answer: { contentType: string; body: string }): Promise<Receiver> {
	const requests: ReceivedRequest[] = [];
	const server = createServer((req, res) => {
		void readBody(req).then((body) => {
			requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString('utf8') });
			res.writeHead(200, { 'Content-Type': answer.contentType }).end(answer.body);
		});
	});
	return { url: `${await listen(server)}${path}`, requests, close: () => closeServer(server) };
}

/** A request a fake API received, as it arrived. */
export interface RecordedRequest {
	method: string;
	/** Path and query exactly as requested. */
	url: string;
	path: string;
	/** The query string exactly as received (after `?`), '' when there is none. */
	rawQuery: string;
	/** The query decoded once (form style), the last value of a repeated name winning. */
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	status: number;
	/** The answer's JSON body, or its raw text. */
	response: unknown;
}

/** How a fake answers a request: an answer, or `'hang'` to never answer (until the fake closes). */
export type Handler = (request: Omit<RecordedRequest, 'status' | 'response'>, raw: Buffer) => Answer | 'hang';
/** A test's own answer for a path: a fixed one, or one computed per request; `undefined` falls through. */
export type Interception = Answer | 'hang' | ((request: Omit<RecordedRequest, 'status' | 'response'>) => Answer | 'hang' | undefined);

export interface FakeApiServer {
	baseUrl: string;
	requests: RecordedRequest[];
	intercept(path: string, interception: Interception | undefined): void;
	close(): Promise<void>;
}

/** The HTTP side every fake API shares: record each request, let a test intercept a path, else ask `handle`. */
export async function startFakeApiServer(port: number | undefined, handle: Handler): Promise<FakeApiServer> {
	const requests: RecordedRequest[] = [];
	const interceptions = new Map<string, Interception>();
	const server = createServer((req, res) => {
		void readBody(req).then((raw) => {
			const url = req.url ?? '/';
			const index = url.indexOf('?');
			const rawQuery = index === -1 ? '' : url.slice(index + 1);
			const request = {
				method: req.method ?? '',
				url,
				path: index === -1 ? url : url.slice(0, index),
				rawQuery,
				query: Object.fromEntries(new URLSearchParams(rawQuery)),
				headers: req.headers,
				rawBody: raw.toString('utf8'),
			};
			const interception = interceptions.get(request.path);
			const custom = typeof interception === 'function' ? interception(request) : interception;
			const result = custom ?? handle(request, raw);
			if (result === 'hang') return;
			requests.push({ ...request, status: result.status, response: result.raw ?? result.body });
			sendAnswer(res, result);
		});
	});
	return {
		baseUrl: await listen(server, port),
		requests,
		intercept(path, interception) {
			if (interception) interceptions.set(path, interception);
			else interceptions.delete(path);
		},
		close: () => closeServer(server),
	};
}
