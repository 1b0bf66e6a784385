/**
 * A fake Cryptomus merchant API on loopback, for the action-node tests and the end-to-end loop.
 *
 * It checks the `merchant` header and the `sign` header byte-for-byte over the raw body (with the package's own
 * `signCryptomus`), answers like Cryptomus (`{"state":0,"result":…}`; HTTP 422 with `{"state":1,"message"}` or
 * `{"state":1,"errors":{field:[…]}}`; HTTP 401 `Invalid Sign`), and — for `/v1/test-webhook/{type}` — then POSTs a
 * correctly signed test webhook to the request's `url_callback`, as Cryptomus does (signed with the payment key).
 *
 * Magic values, to reach Cryptomus's documented error answers:
 * - `uuid` `00000000-0000-0000-0000-000000000000` or `order_id` `not-found` → 422 `Not found payment|payout|wallet`
 * - `currency` `XXX` → 422 `Payment service not found` / `Payout service not found`
 */
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

import { TEST_WEBHOOK_STATUSES, type CryptomusEvent } from '../../nodes/Cryptomus/payload';
import { signCryptomus, signCryptomusWebhookBody } from '../../nodes/Cryptomus/signature';
import { bytesEqual } from '../../nodes/shared/constantTime';

export interface FakeCryptomusOptions {
	merchantId: string;
	paymentApiKey: string;
	payoutApiKey: string;
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
}

export interface RecordedApiRequest {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	status: number;
	response: unknown;
}

export interface SentWebhook {
	url: string;
	body: string;
	/** HTTP status the callback URL answered, or the connection error's message. */
	answer: number | string;
	answerBody: string;
}

export interface FakeCryptomus {
	baseUrl: string;
	requests: RecordedApiRequest[];
	webhooks: SentWebhook[];
	/** Resolves when `count` webhooks have been delivered (answered or failed). */
	waitForWebhooks(count: number, timeoutMs?: number): Promise<SentWebhook[]>;
	close(): Promise<void>;
}

const UNKNOWN_UUID = '00000000-0000-0000-0000-000000000000';

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function answer(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/** The webhook Cryptomus would send for a test-webhook request (fields as in providers/cryptomus.md). */
export function testWebhookPayload(type: CryptomusEvent, request: Record<string, unknown>): Record<string, unknown> {
	const uuid = typeof request.uuid === 'string' ? request.uuid : randomUUID();
	const orderId = typeof request.order_id === 'string' ? request.order_id : `test-${uuid.slice(0, 8)}`;
	const status = String(request.status);
	const common = {
		type,
		uuid,
		order_id: orderId,
		amount: '15.00000000',
		merchant_amount: '14.70000000',
		commission: '0.30000000',
		is_final: ['paid', 'paid_over', 'fail', 'cancel', 'system_fail', 'refund_paid', 'refund_fail', 'wrong_amount'].includes(status),
		status,
		txid: '0x5d2c3bd4b2e1e39a44ff9f3b6d0f6d5a8c0c1f4e9e2a7b6c5d4e3f2a1b0c9d8e',
		currency: request.currency,
		network: request.network,
		payer_currency: request.currency,
		payer_amount: '15.00000000',
	};
	if (type === 'payout') return common;
	return {
		...common,
		payment_amount: '15.00000000',
		payment_amount_usd: '15.00',
		from: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf',
		wallet_address_uuid: type === 'wallet' ? randomUUID() : null,
		additional_data: 'test webhook https://example.com/o/1 — café',
		convert: null,
	};
}

function postWebhook(url: string, body: string): Promise<{ answer: number | string; answerBody: string }> {
	return new Promise((resolve) => {
		const target = new URL(url);
		const req = httpRequest(
			{
				hostname: target.hostname,
				port: target.port,
				path: `${target.pathname}${target.search}`,
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ answer: res.statusCode ?? 0, answerBody: Buffer.concat(chunks).toString() }));
			},
		);
		req.on('error', (error) => resolve({ answer: error.message, answerBody: '' }));
		req.end(body);
	});
}

export async function startFakeCryptomus(options: FakeCryptomusOptions): Promise<FakeCryptomus> {
	const requests: RecordedApiRequest[] = [];
	const webhooks: SentWebhook[] = [];
	const waiters: Array<() => void> = [];

	async function deliver(url: string, body: string): Promise<void> {
		// Only loopback targets: this fake never sends anything off the machine.
		const host = new URL(url).hostname;
		const result =
			host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
				? await postWebhook(url, body)
				: { answer: 'refused: not a loopback URL', answerBody: '' };
		webhooks.push({ url, body, ...result });
		waiters.splice(0).forEach((wake) => wake());
	}

	function handle(path: string, headers: IncomingMessage['headers'], raw: Buffer): { status: number; body: unknown } {
		const key = path.startsWith('/v1/payout') ? options.payoutApiKey : options.paymentApiKey;
		const expected = Buffer.from(signCryptomus(raw.toString('utf8'), key));
		const sign = Buffer.from(String(headers.sign ?? ''));
		if (headers.merchant !== options.merchantId || !bytesEqual(expected, sign)) {
			return { status: 401, body: { state: 1, message: 'Invalid Sign' } };
		}
		let body: Record<string, unknown> = {};
		if (raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
			} catch {
				return { status: 422, body: { state: 1, message: 'Invalid JSON' } };
			}
		}
		if (path === '/v1/balance') {
			return { status: 200, body: { state: 0, result: [{ balance: { merchant: [], user: [] } }] } };
		}
		const match = /^\/v1\/test-webhook\/(payment|payout|wallet)$/.exec(path);
		if (!match) return { status: 404, body: { state: 1, message: 'Not found' } };
		const type = match[1] as CryptomusEvent;

		const errors: Record<string, string[]> = {};
		for (const field of ['url_callback', 'currency', 'network', 'status']) {
			if (typeof body[field] !== 'string' || body[field] === '') errors[field] = ['validation.required'];
		}
		const url = String(body.url_callback ?? '');
		if (!errors.url_callback && (url.length < 6 || url.length > 150 || !/^https?:\/\//.test(url))) {
			errors.url_callback = ['validation.url'];
		}
		if (!errors.status && !TEST_WEBHOOK_STATUSES[type].includes(String(body.status))) errors.status = ['validation.in'];
		if (body.order_id !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(String(body.order_id))) {
			errors.order_id = ['validation.alpha_dash'];
		}
		if (Object.keys(errors).length > 0) return { status: 422, body: { state: 1, errors } };
		if (body.uuid === UNKNOWN_UUID || body.order_id === 'not-found') {
			return { status: 422, body: { state: 1, message: `Not found ${type}` } };
		}
		if (body.currency === 'XXX') {
			return { status: 422, body: { state: 1, message: `${type === 'payout' ? 'Payout' : 'Payment'} service not found` } };
		}
		const webhook = signCryptomusWebhookBody(JSON.stringify(testWebhookPayload(type, body)), options.paymentApiKey);
		setImmediate(() => void deliver(url, webhook));
		return { status: 200, body: { state: 0, result: [] } };
	}

	const server = createServer((req, res) => {
		void readBody(req).then((raw) => {
			const path = (req.url ?? '/').split('?')[0];
			const { status, body } =
				req.method === 'POST' ? handle(path, req.headers, raw) : { status: 405, body: { state: 1, message: 'Method not allowed' } };
			requests.push({ path, headers: req.headers, rawBody: raw.toString('utf8'), status, response: body });
			answer(res, status, body);
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;

	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		webhooks,
		waitForWebhooks(count, timeoutMs = 10_000) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`fake Cryptomus: ${webhooks.length}/${count} webhooks sent`)), timeoutMs);
				const check = () => {
					if (webhooks.length >= count) {
						clearTimeout(timer);
						resolve(webhooks.slice(0, count));
					} else waiters.push(check);
				};
				check();
			});
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
