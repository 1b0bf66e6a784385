/**
 * A fake Cryptomus merchant API on loopback, for the action-node tests and the end-to-end loop.
 *
 * It checks the `merchant` header and the `sign` header byte-for-byte over the raw body (with the package's own
 * `signCryptomus`; the payout key for `/v1/payout*`, the payment key otherwise), answers like Cryptomus
 * (`{"state":0,"result":…}`; HTTP 422 with `{"state":1,"message"}` or `{"state":1,"errors":{field:[…]}}`; HTTP 401
 * `Invalid Sign`), and POSTs correctly signed webhooks to `url_callback`s, as Cryptomus does (payment key).
 *
 * Endpoints: test-webhook (testWebhook.ts); payment create/info/list/resend/services, payout info, balance
 * (payments.ts). `pay()` plays the payer; `intercept()` lets a test answer a path its own way (errors, outages).
 *
 * Magic values, to reach Cryptomus's documented error answers:
 * - `uuid` `00000000-0000-0000-0000-000000000000` or `order_id` `not-found` → 422 `Not found payment|payout|wallet`
 * - `currency` `XXX` → 422 `Payment service not found` / `Payout service not found`
 */
import { createServer, type IncomingMessage } from 'node:http';

import type { CryptomusEvent } from '../../nodes/Cryptomus/payload';
import { signCryptomus } from '../../nodes/Cryptomus/signature';
import { bytesEqual } from '../../nodes/shared/constantTime';
import { WaitableLog, closeServer, deliver, listen, readBody, sendAnswer, type Delivery, type RecordedRequest } from '../helpers/fakeHttp';
import { ok, type Answer, type Body, type HandlerContext } from './api';
import { BALANCE, InvoiceStore, SERVICES, type Invoice } from './payments';
import { handleTestWebhook } from './testWebhook';

export { testWebhookPayload } from './testWebhook';

export interface FakeCryptomusOptions {
	merchantId: string;
	paymentApiKey: string;
	payoutApiKey: string;
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	/** Invoices per payment-history page (Cryptomus's `perPage`); default 15. */
	perPage?: number;
}

/** A request the fake received (the fields every fake records, test/helpers/fakeHttp.ts). */
export type RecordedApiRequest = Pick<RecordedRequest, 'path' | 'query' | 'headers' | 'rawBody' | 'status' | 'response'>;

/** A webhook the fake POSTed, with the answer it got. */
export type SentWebhook = Delivery;

/** A test's own answer for a path (after the signature check); `undefined` falls through to the normal handler. */
export type Interceptor = (request: { path: string; body: Body; query: Record<string, string> }) => Answer | undefined;

export interface FakeCryptomus {
	baseUrl: string;
	requests: RecordedApiRequest[];
	webhooks: SentWebhook[];
	/** Every invoice, oldest first (created through the API or `addInvoice`). */
	invoices: Invoice[];
	/** Stores an invoice directly (for history/pagination tests). */
	addInvoice(fields?: Body): Invoice;
	/** The payer pays the invoice (or it ends with `status`); its signed webhook goes to its `url_callback`. */
	pay(id: { uuid?: string; order_id?: string }, status?: string): Invoice;
	intercept(path: string, handler: Interceptor | undefined): void;
	/** Resolves when `count` webhooks have been delivered (answered or failed). */
	waitForWebhooks(count: number, timeoutMs?: number): Promise<SentWebhook[]>;
	close(): Promise<void>;
}

export async function startFakeCryptomus(options: FakeCryptomusOptions): Promise<FakeCryptomus> {
	const requests: RecordedApiRequest[] = [];
	const webhooks = new WaitableLog<SentWebhook>('fake Cryptomus: webhooks sent');
	const interceptors = new Map<string, Interceptor>();

	async function send(url: string, body: string): Promise<void> {
		webhooks.push(await deliver(url, 'POST', { 'Content-Type': 'application/json' }, body));
	}

	const ctx: HandlerContext = {
		paymentApiKey: options.paymentApiKey,
		baseUrl: '',
		deliver: (url, body) => setImmediate(() => void send(url, body)),
	};
	const store = new InvoiceStore(ctx, options.perPage ?? 15);

	function route(path: string, body: Body, query: Record<string, string>): Answer {
		const custom = interceptors.get(path)?.({ path, body, query });
		if (custom) return custom;
		const testWebhook = /^\/v1\/test-webhook\/(payment|payout|wallet)$/.exec(path);
		if (testWebhook) return handleTestWebhook(testWebhook[1] as CryptomusEvent, body, ctx);
		switch (path) {
			case '/v1/payment':
				return store.create(body);
			case '/v1/payment/info':
				return store.info(body);
			case '/v1/payment/list':
				return store.list(body, query.cursor);
			case '/v1/payment/resend':
				return store.resend(body);
			case '/v1/payment/services':
				return ok(SERVICES);
			case '/v1/payout/info':
				return store.payoutInfo(body);
			case '/v1/balance':
				return ok(BALANCE);
			default:
				return { status: 404, body: { state: 1, message: 'Not found' } };
		}
	}

	function handle(path: string, query: Record<string, string>, headers: IncomingMessage['headers'], raw: Buffer): Answer {
		const key = path.startsWith('/v1/payout') ? options.payoutApiKey : options.paymentApiKey;
		const expected = Buffer.from(signCryptomus(raw.toString('utf8'), key));
		const sign = Buffer.from(String(headers.sign ?? ''));
		if (headers.merchant !== options.merchantId || !bytesEqual(expected, sign)) {
			return { status: 401, body: { state: 1, message: 'Invalid Sign' } };
		}
		let body: Body = {};
		if (raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8')) as Body;
			} catch {
				return { status: 422, body: { state: 1, message: 'Invalid JSON' } };
			}
		}
		return route(path, body, query);
	}

	const server = createServer((req, res) => {
		void readBody(req).then((raw) => {
			const url = new URL(req.url ?? '/', 'http://fake');
			const query = Object.fromEntries(url.searchParams);
			const result: Answer =
				req.method === 'POST'
					? handle(url.pathname, query, req.headers, raw)
					: { status: 405, body: { state: 1, message: 'Method not allowed' } };
			requests.push({
				path: url.pathname,
				query,
				headers: req.headers,
				rawBody: raw.toString('utf8'),
				status: result.status,
				response: result.raw ?? result.body,
			});
			sendAnswer(res, result);
		});
	});
	ctx.baseUrl = await listen(server, options.port);

	return {
		baseUrl: ctx.baseUrl,
		requests,
		webhooks: webhooks.entries,
		invoices: store.invoices,
		addInvoice: (fields) => store.add(fields),
		pay: (id, status) => store.pay(id, status),
		intercept(path, handler) {
			if (handler) interceptors.set(path, handler);
			else interceptors.delete(path);
		},
		waitForWebhooks: (count, timeoutMs) => webhooks.waitFor(count, timeoutMs),
		close: () => closeServer(server),
	};
}
