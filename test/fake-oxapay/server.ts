/**
 * A fake OxaPay merchant API v1 on loopback, built from OxaPay's documentation (docs/providers/oxapay.md), for the
 * OxaPay action node's unit tests and the end-to-end loop with the OxaPay Trigger.
 *
 * Endpoints: `POST /v1/payment/invoice`, `GET /v1/payment/{track_id}` (invoices.ts). Every call must carry the
 * `merchant_api_key` header with the configured key (else HTTP 401 in OxaPay's envelope); bodies must be JSON. Every
 * request is recorded with its raw body. `pay()` plays the payer and makes the fake POST the signed callbacks.
 */
import { bytesEqual } from '../../nodes/shared/constantTime';
import { tryParseJsonLossless } from '../../nodes/shared/losslessJson';
import { WaitableLog, deliver, startFakeApiServer, type Answer, type Delivery, type Interception, type RecordedRequest } from '../helpers/fakeHttp';
import { InvoiceStore, failure, type Invoice } from './invoices';

export type { Invoice } from './invoices';

export interface FakeOxaPayOptions {
	merchantApiKey: string;
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
}

export type { RecordedRequest } from '../helpers/fakeHttp';

export interface FakeOxaPay {
	baseUrl: string;
	requests: RecordedRequest[];
	/** Every callback the fake POSTed, with the answer it got. */
	callbacks: Delivery[];
	invoices: Invoice[];
	/** The payer pays invoice `trackId` (statuses default `paying`, `paid`); resolves after its callbacks. */
	pay(trackId: string, statuses?: Array<'paying' | 'paid'>): Promise<Delivery[]>;
	waitForCallbacks(count: number, timeoutMs?: number): Promise<Delivery[]>;
	/** Answers `path` its own way (an answer, or never for `'hang'`) instead of the normal handler; `undefined` removes it. */
	intercept(path: string, interception: Interception | undefined): void;
	close(): Promise<void>;
}

export async function startFakeOxaPay(options: FakeOxaPayOptions): Promise<FakeOxaPay> {
	const callbacks = new WaitableLog<Delivery>('fake OxaPay: callbacks sent');
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

	const server = await startFakeApiServer(options.port, (request, raw) => {
		const key = request.headers.merchant_api_key;
		return route(request.method, request.path, typeof key === 'string' ? key : '', raw);
	});

	return {
		baseUrl: server.baseUrl,
		requests: server.requests,
		callbacks: callbacks.entries,
		invoices: store.invoices,
		pay: (trackId, statuses) => store.pay(trackId, statuses),
		waitForCallbacks: (count, timeoutMs) => callbacks.waitFor(count, timeoutMs),
		intercept: (path, interception) => server.intercept(path, interception),
		close: () => server.close(),
	};
}
