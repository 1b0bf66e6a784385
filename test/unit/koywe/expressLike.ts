/**
 * A real HTTP server whose response objects behave like Express's where n8n relies on them: `status`, `json` and
 * `send` live on the prototype (as Express puts them on `app.response`), `json` calls `this.send`, `send` calls
 * `this.end` — the same chain as express/lib/response.js (4.x and 5.x). Requests carry `rawBody` as n8n's do.
 */
import { createServer, ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ExpressLikeResponse = ServerResponse & {
	status(code: number): ExpressLikeResponse;
	json(body: unknown): ExpressLikeResponse;
	send(body?: unknown): ExpressLikeResponse;
};
export type RawBodyRequest = IncomingMessage & { rawBody: Buffer; originalUrl: string };

const expressResponse = Object.create(ServerResponse.prototype) as ExpressLikeResponse;
expressResponse.status = function (this: ExpressLikeResponse, code: number) {
	this.statusCode = code;
	return this;
};
expressResponse.json = function (this: ExpressLikeResponse, body: unknown) {
	const text = JSON.stringify(body);
	if (!this.getHeader('Content-Type')) this.setHeader('Content-Type', 'application/json; charset=utf-8');
	return this.send(text);
};
expressResponse.send = function (this: ExpressLikeResponse, body?: unknown) {
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return this.json(body);
	const chunk = body === undefined ? '' : String(body);
	if (!this.getHeader('Content-Type')) this.setHeader('Content-Type', 'text/html; charset=utf-8');
	this.setHeader('Content-Length', Buffer.byteLength(chunk));
	this.end(chunk);
	return this;
};

export interface Served {
	url: string;
	close(): Promise<void>;
}

/** Starts a loopback server; `handle` gets each request (body already read into `rawBody`) and response. */
export async function serve(handle: (req: RawBodyRequest, res: ExpressLikeResponse) => Promise<void> | void): Promise<Served> {
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			Object.setPrototypeOf(res, expressResponse);
			Object.assign(req, { rawBody: Buffer.concat(chunks), originalUrl: req.url ?? '' });
			void Promise.resolve(handle(req as RawBodyRequest, res as ExpressLikeResponse)).catch(() => {
				if (!res.headersSent) res.writeHead(599).end();
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/test-webhook-id/webhook`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export interface Answer {
	status: number;
	contentType: string | null;
	text: string;
}

export async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
	const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
	return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}
