/**
 * A fake OxaPay merchant API v1 on loopback, built from OxaPay's documentation (docs/providers/oxapay.md), for the
 * OxaPay action node's unit tests and the end-to-end loop with the OxaPay Trigger.
 *
 * Endpoints: `POST /v1/payment/invoice`, `GET /v1/payment/{track_id}` (invoices.ts). Every call must carry the
 * `merchant_api_key` header with the configured key (else HTTP 401 in OxaPay's envelope); bodies must be JSON. Every
 * request is recorded with its raw body. `pay()` plays the payer and makes the fake POST the signed callbacks.
 */
import { createServer } from 'node:http';

import { bytesEqual } from '../../nodes/shared/constantTime';
import { tryParseJsonLossless } from '../../nodes/shared/losslessJson';
import { WaitableLog, closeServer, deliver, listen, readBody, sendAnswer, type Answer, type Delivery } from '../helpers/fakeHttp';
import { InvoiceStore, failure, type Invoice } from './invoices';

export type { Invoice } from './invoices';

export interface FakeOxaPayOptions {
	merchantApiKey: string;
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
}

export interface RecordedRequest {
	method: string;
	/** Path and query as received. */
	url: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	status: number;
	response: unknown;
}

export interface FakeOxaPay {
	baseUrl: string;
	requests: RecordedRequest[];
	/** Every callback the fake POSTed, with the answer it got. */
	callbacks: Delivery[];
	invoices: Invoice[];
	/** The payer pays invoice `trackId` (statuses default `paying`, `paid`); resolves after its callbacks. */
	pay(trackId: string, statuses?: Array<'paying' | 'paid'>): Promise<Delivery[]>;
	waitForCallbacks(count: number, timeoutMs?: number): Promise<Delivery[]>;
	/** Answers `path` with `answer` (or never, for `'hang'`) instead of the normal handler; `undefined` removes it. */
	intercept(path: string, answer: Answer | 'hang' | undefined): void;
	close(): Promise<void>;
}

export async function startFakeOxaPay(options: FakeOxaPayOptions): Promise<FakeOxaPay> {
	const requests: RecordedRequest[] = [];
	const callbacks = new WaitableLog<Delivery>('fake OxaPay: callbacks sent');
	const interceptors = new Map<string, Answer | 'hang'>();
	const store = new InvoiceStore(options.merchantApiKey, async (url, headers, body) => {
		const delivery = await deliver(url, 'POST', headers, body);
		callbacks.push(delivery);
		return delivery;
	});

	function route(method: string, path: string, key: string, raw: Buffer): Answer {
		if (!bytesEqual(Buffer.from(key), Buffer.from(options.merchantApiKey))) {
			return failure(401, 'authentication_error', 'merchant_api_key', 'Invalid merchant API key');
		}
		if (method === 'POST' && path === '/v1/payment/invoice') {
			const parsed = tryParseJsonLossless(raw);
			if (!parsed || parsed.root.type !== 'object') return failure(400, 'validation_error', 'body', 'The request body must be a JSON object.');
			return store.create(parsed.root);
		}
		const info = /^\/v1\/payment\/([^/]+)$/.exec(path);
		if (method === 'GET' && info) return store.info(decodeURIComponent(info[1]));
		return failure(404, 'not_found', 'endpoint', 'Not found');
	}

	const server = createServer((req, res) => {
		void readBody(req).then((raw) => {
			const url = req.url ?? '/';
			const path = url.replace(/\?.*$/, '');
			const custom = interceptors.get(path);
			if (custom === 'hang') return;
			const key = req.headers.merchant_api_key;
			const result = custom ?? route(req.method ?? '', path, typeof key === 'string' ? key : '', raw);
			requests.push({ method: req.method ?? '', url, headers: req.headers, rawBody: raw.toString('utf8'), status: result.status, response: result.raw ?? result.body });
			sendAnswer(res, result);
		});
	});
	const baseUrl = await listen(server, options.port);

	return {
		baseUrl,
		requests,
		callbacks: callbacks.entries,
		invoices: store.invoices,
		pay: (trackId, statuses) => store.pay(trackId, statuses),
		waitForCallbacks: (count, timeoutMs) => callbacks.waitFor(count, timeoutMs),
		intercept(path, answer) {
			if (answer) interceptors.set(path, answer);
			else interceptors.delete(path);
		},
		close: () => closeServer(server),
	};
}
