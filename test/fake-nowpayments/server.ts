/**
 * A fake NOWPayments API on loopback, for the action-node tests and the end-to-end loop, built from NOWPayments' API
 * documentation (docs/providers/nowpayments.md): `x-api-key` on every call but `/v1/status` and `/v1/auth`, a JWT
 * from `POST /v1/auth` (dashboard email + password) that "Get list of payments" also needs, answers shaped like the
 * documented examples, and errors as NOWPayments writes them: HTTP 4xx with
 * `{"status":false,"statusCode":…,"code":"…","message":"…"}`.
 *
 * Like NOWPayments' JavaScript server, it reads JSON into JS values (a `price_amount` of `10.50` is the number 10.5
 * from then on) and answers with `JSON.stringify`. `pay()` plays the customer: the payment changes status and, when
 * it has an `ipn_callback_url`, the fake POSTs the IPN NOWPayments would send — the payment sorted at every depth as
 * JavaScript prints it, `x-nowpayments-sig` = HMAC-SHA512 under the IPN secret (the package's `signNowPaymentsIpn`).
 *
 * Magic values, to reach documented or commonly seen errors:
 * - a currency `xxx` → 400 `INVALID_REQUEST_PARAMS`; a price below 0.01 → 400 `AMOUNT_MINIMAL_ERROR`
 * - an unknown payment id → 404 `PAYMENT_NOT_FOUND`
 */
import { createServer, type IncomingMessage } from 'node:http';

import { signNowPaymentsIpn } from '../../nodes/NowPayments/signature';
import { attempt, JsonFormatError, parseJsonLossless, type JsonNode } from '../../nodes/shared/losslessJson';
import { closeServer, deliver, listen, readBody, sendAnswer, WaitableLog, type Answer, type Delivery } from '../helpers/fakeHttp';

export interface FakeNowPaymentsOptions {
	apiKey: string;
	ipnSecret: string;
	email: string;
	password: string;
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	/** The raw query string (without `?`), as sent. */
	query: string;
	headers: IncomingMessage['headers'];
	rawBody: string;
	status: number;
	response: unknown;
}

/** An IPN the fake delivered (`answer`: the status the IPN URL answered, or the connection error). */
export type SentIpn = Delivery & { signature: string };

export type Payment = Record<string, unknown> & { payment_id: number; payment_status: string };

export interface FakeNowPayments {
	baseUrl: string;
	requests: RecordedRequest[];
	ipns: SentIpn[];
	payments: Payment[];
	/** Issued JWTs (valid until the fake closes). */
	tokens: Set<string>;
	/** The customer pays: the payment takes `status` (default finished) and its IPN goes to its ipn_callback_url. */
	pay(paymentId: string | number, status?: string): Payment;
	/** Resolves when `count` IPNs have been delivered (answered or failed). */
	waitForIpns(count: number, timeoutMs?: number): Promise<SentIpn[]>;
	close(): Promise<void>;
}

const error = (statusCode: number, code: string, message: string): Answer => ({
	status: statusCode,
	body: { status: false, statusCode, code, message },
});

/** What NOWPayments' JS server makes of a request body: JSON.parse, after checking it is JSON. */
function parseBody(raw: Buffer): { value: Record<string, unknown>; root: JsonNode } | Answer {
	const parsed = attempt(() => parseJsonLossless(raw));
	if (parsed instanceof JsonFormatError || parsed.root.type !== 'object') {
		return error(400, 'INVALID_REQUEST_PARAMS', 'Request body must be a JSON object');
	}
	return { value: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, root: parsed.root };
}

const isAnswer = (x: unknown): x is Answer => typeof x === 'object' && x !== null && 'status' in x && 'body' in x && !('root' in x);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The fields of a payment IPN (docs: "Webhooks Examples → Payments"; a genuine IPN adds `updated_at` in ms). */
function ipnOf(p: Payment): Record<string, unknown> {
	const keys = [
		'payment_id', 'parent_payment_id', 'invoice_id', 'payment_status', 'pay_address', 'payin_extra_id', 'price_amount',
		'price_currency', 'pay_amount', 'actually_paid', 'actually_paid_at_fiat', 'pay_currency', 'order_id', 'order_description',
		'purchase_id', 'outcome_amount', 'outcome_currency', 'payment_extra_ids', 'fee',
	];
	return { ...Object.fromEntries(keys.map((k) => [k, p[k] ?? null])), updated_at: Date.parse(String(p.updated_at)) };
}

export async function startFakeNowPayments(options: FakeNowPaymentsOptions): Promise<FakeNowPayments> {
	const requests: RecordedRequest[] = [];
	const ipns = new WaitableLog<SentIpn>('fake NOWPayments: IPNs sent');
	const payments: Payment[] = [];
	const tokens = new Set<string>();
	let nextId = 5745459419;
	let baseUrl = '';

	const now = () => new Date().toISOString();
	const find = (id: string) => payments.find((p) => String(p.payment_id) === id);

	async function sendIpn(p: Payment): Promise<void> {
		const url = text(p.ipn_callback_url);
		if (!url) return;
		const { body, signature } = signNowPaymentsIpn(JSON.stringify(ipnOf(p)), options.ipnSecret);
		const headers = { 'Content-Type': 'application/json', 'x-nowpayments-sig': signature };
		ipns.push({ ...(await deliver(url, 'POST', headers, body)), signature });
	}

	function checkOrder(body: Record<string, unknown>, payCurrencyRequired: boolean): Answer | undefined {
		if (typeof body.price_amount !== 'number') return error(400, 'INVALID_REQUEST_PARAMS', '"price_amount" must be a number');
		if (!text(body.price_currency)) return error(400, 'INVALID_REQUEST_PARAMS', '"price_currency" is required');
		if (payCurrencyRequired && !text(body.pay_currency)) return error(400, 'INVALID_REQUEST_PARAMS', '"pay_currency" is required');
		for (const c of [body.price_currency, body.pay_currency]) {
			if (text(c)?.toLowerCase() === 'xxx') return error(400, 'INVALID_REQUEST_PARAMS', `Currency ${String(c)} was not found`);
		}
		if (body.price_amount < 0.01) return error(400, 'AMOUNT_MINIMAL_ERROR', 'amountTo is too small');
		const callback = body.ipn_callback_url;
		if (callback !== undefined && !/^https?:\/\//.test(String(callback))) {
			return error(400, 'INVALID_REQUEST_PARAMS', '"ipn_callback_url" must be a valid uri');
		}
		return undefined;
	}

	function createPayment(body: Record<string, unknown>): Answer {
		const invalid = checkOrder(body, true);
		if (invalid) return invalid;
		const at = now();
		const price = body.price_amount as number;
		const payment: Payment = {
			payment_id: nextId++,
			payment_status: 'waiting',
			pay_address: 'TSszwFcbpkrZ2H85ZKsB6bEV5ffAv6kKai',
			price_amount: price,
			price_currency: body.price_currency,
			pay_amount: typeof body.pay_amount === 'number' ? body.pay_amount : Math.round(price * 1.0743 * 1e8) / 1e8,
			actually_paid: 0,
			actually_paid_at_fiat: 0,
			pay_currency: body.pay_currency,
			order_id: body.order_id ?? null,
			order_description: body.order_description ?? null,
			ipn_callback_url: body.ipn_callback_url ?? null,
			created_at: at,
			updated_at: at,
			purchase_id: String(nextId + 1000),
			amount_received: null,
			payin_extra_id: null,
			parent_payment_id: null,
			invoice_id: null,
			smart_contract: '',
			network: text(body.pay_currency)?.toLowerCase() ?? null,
			network_precision: 6,
			time_limit: null,
			burning_percent: null,
			expiration_estimate_date: new Date(Date.now() + 86_400_000).toISOString(),
			outcome_amount: Math.round(price * 0.995 * 1e6) / 1e6,
			outcome_currency: body.pay_currency,
			payment_extra_ids: null,
			fee: { currency: body.pay_currency, depositFee: 0.000002, withdrawalFee: 0, serviceFee: 0.000003 },
		};
		payments.push(payment);
		return { status: 201, body: payment };
	}

	function createInvoice(body: Record<string, unknown>): Answer {
		const invalid = checkOrder(body, false);
		if (invalid) return invalid;
		const id = String(nextId++);
		const at = now();
		const keep = ['order_id', 'order_description', 'ipn_callback_url', 'success_url', 'cancel_url', 'partially_paid_url', 'is_fixed_rate', 'is_fee_paid_by_user'];
		return {
			status: 200,
			body: {
				id,
				token_id: '5566778899',
				...Object.fromEntries(keep.filter((k) => body[k] !== undefined).map((k) => [k, body[k]])),
				price_amount: String(body.price_amount),
				price_currency: body.price_currency,
				pay_currency: body.pay_currency ?? null,
				invoice_url: `${baseUrl}/payment/?iid=${id}`,
				created_at: at,
				updated_at: at,
			},
		};
	}

	function list(query: URLSearchParams): Answer {
		const limit = Number(query.get('limit') ?? 10);
		const page = Number(query.get('page') ?? 0);
		if (!Number.isInteger(limit) || limit < 1 || limit > 500) return error(400, 'INVALID_REQUEST_PARAMS', '"limit" must be between 1 and 500');
		const order = query.get('orderBy') === 'desc' ? -1 : 1;
		const sorted = [...payments].sort((a, b) => order * (a.payment_id - b.payment_id));
		return {
			status: 200,
			body: { data: sorted.slice(page * limit, (page + 1) * limit), limit, page, pagesCount: Math.ceil(sorted.length / limit), total: sorted.length },
		};
	}

	function route(method: string, path: string, query: URLSearchParams, headers: IncomingMessage['headers'], raw: Buffer): Answer {
		if (method === 'GET' && path === '/v1/status') return { status: 200, body: { message: 'OK' } };
		if (method === 'POST' && path === '/v1/auth') {
			const parsed = parseBody(raw);
			if (isAnswer(parsed)) return parsed;
			if (parsed.value.email !== options.email || parsed.value.password !== options.password) {
				return error(401, 'INVALID_CREDENTIALS', 'Invalid email or password');
			}
			const token = `fake.${Buffer.from(JSON.stringify({ n: tokens.size })).toString('base64url')}.jwt`;
			tokens.add(token);
			return { status: 200, body: { token } };
		}
		if (headers['x-api-key'] !== options.apiKey) return error(403, 'INVALID_API_KEY', 'Invalid api key');

		if (method === 'GET' && path === '/v1/merchant/coins') return { status: 200, body: { currencies: ['btc', 'eth', 'trx', 'usdttrc20'] } };
		if (method === 'GET' && path === '/v1/min-amount') {
			const from = query.get('currency_from') ?? '';
			if (from === '' || from.toLowerCase() === 'xxx') return error(400, 'INVALID_REQUEST_PARAMS', `Currency ${from} was not found`);
			const answer: Record<string, unknown> = { currency_from: from, currency_to: query.get('currency_to') ?? 'usdttrc20', min_amount: 0.0078999 };
			if (query.get('fiat_equivalent')) answer.fiat_equivalent = 35.40626584;
			return { status: 200, body: answer };
		}
		if (method === 'GET' && path === '/v1/estimate') {
			const amount = Number(query.get('amount'));
			const to = query.get('currency_to') ?? '';
			if (!Number.isFinite(amount) || to.toLowerCase() === 'xxx') return error(400, 'INVALID_REQUEST_PARAMS', 'Invalid estimate request');
			return { status: 200, body: { currency_from: query.get('currency_from'), amount_from: amount, currency_to: to, estimated_amount: Math.round(amount * 0.0000427 * 1e8) / 1e8 } };
		}
		if (method === 'POST' && (path === '/v1/payment' || path === '/v1/invoice')) {
			const parsed = parseBody(raw);
			if (isAnswer(parsed)) return parsed;
			return path === '/v1/payment' ? createPayment(parsed.value) : createInvoice(parsed.value);
		}
		if (method === 'GET' && path === '/v1/payment/') {
			const auth = String(headers.authorization ?? '');
			if (!auth.startsWith('Bearer ')) return error(401, 'AUTH_REQUIRED', 'Authorization header is empty (Bearer JWTtoken is required)');
			if (!tokens.has(auth.slice('Bearer '.length))) return error(401, 'INVALID_TOKEN', 'Invalid token');
			return list(query);
		}
		const one = /^\/v1\/payment\/(\d+)$/.exec(path);
		if (method === 'GET' && one) {
			const payment = find(one[1]);
			return payment ? { status: 200, body: payment } : error(404, 'PAYMENT_NOT_FOUND', 'Payment not found');
		}
		return error(404, 'NOT_FOUND', `Cannot ${method} ${path}`);
	}

	const server = createServer((req, res) => {
		void readBody(req).then((raw) => {
			const url = new URL(req.url ?? '/', 'http://fake');
			const method = req.method ?? 'GET';
			const answer = route(method, url.pathname, url.searchParams, req.headers, raw);
			requests.push({
				method,
				path: url.pathname,
				query: url.search.slice(1),
				headers: req.headers,
				rawBody: raw.toString('utf8'),
				status: answer.status,
				response: answer.body,
			});
			sendAnswer(res, answer);
		});
	});
	baseUrl = await listen(server, options.port);

	return {
		baseUrl,
		requests,
		ipns: ipns.entries,
		payments,
		tokens,
		pay(paymentId, status = 'finished') {
			const payment = find(String(paymentId));
			if (!payment) throw new Error(`fake NOWPayments: no payment ${paymentId}`);
			payment.payment_status = status;
			payment.actually_paid = status === 'waiting' ? 0 : payment.pay_amount;
			payment.updated_at = now();
			setImmediate(() => void sendIpn(payment));
			return payment;
		},
		waitForIpns: (count, timeoutMs) => ipns.waitFor(count, timeoutMs),
		close: () => closeServer(server),
	};
}
