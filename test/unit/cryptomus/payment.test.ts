/** Cryptomus node, resource Payment (create, get, resendWebhook, getServices) against the fake Cryptomus API. */
import { signCryptomus, verifyCryptomusWebhook } from '../../../nodes/Cryptomus/signature';
import { CRYPTOMUS_REQUEST_TIMEOUT_MS } from '../../../nodes/Cryptomus/transport';
import { cryptomusAction } from '../../helpers/cryptomusAction';
import { cryptomusTestCredentials as keys } from '../../helpers/cryptomusFixtures';

const h = cryptomusAction();

let orderSeq = 0;
const nextOrderId = () => `unit-${Date.now().toString(36)}-${++orderSeq}`;
const create = (overrides: Record<string, unknown> = {}) => ({
	resource: 'payment',
	operation: 'create',
	amount: '10.50',
	currency: 'USDT',
	orderId: nextOrderId(),
	additionalFields: {},
	...overrides,
});
const byOrder = (operation: string, orderId: string) => ({ resource: 'payment', operation, uuid: '', orderId });

describe('payment → create (Create Invoice)', () => {
	it('signs the exact bytes with the payment key; amount goes out as entered ("10.50", never 10.5)', async () => {
		const { output, sent } = await h.run([create({ orderId: 'order_42-a' })]);
		expect(sent[0].url).toBe(`${h.fake.baseUrl}/v1/payment`);
		expect(sent[0].headers.merchant).toBe(keys.merchantId);
		expect(sent[0].headers.sign).toBe(signCryptomus(sent[0].body, keys.paymentApiKey));
		expect(sent[0].body).toBe('{"amount":"10.50","currency":"USDT","order_id":"order_42-a"}');
		const invoice = output[0][0].json;
		expect(invoice).toMatchObject({ order_id: 'order_42-a', amount: '10.50', currency: 'USDT', status: 'check' });
		expect(String(invoice.url)).toBe(`${h.fake.baseUrl}/pay/${String(invoice.uuid)}`);
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('maps every additional field to its snake_case body key', async () => {
		const orderId = nextOrderId();
		const { sent } = await h.run([
			create({
				orderId,
				additionalFields: {
					network: 'tron',
					urlCallback: h.receiverUrl,
					urlReturn: 'https://shop.example/cart',
					urlSuccess: 'https://shop.example/thanks',
					lifetime: 900,
					toCurrency: 'BTC',
					additionalData: 'https://shop.example/o/42 — café',
					isPaymentMultiple: false,
					subtract: 100,
					accuracyPaymentPercent: 2.5,
					currencies: 'USDT:tron, BTC',
					exceptCurrencies: 'ETH:eth',
					courseSource: 'Kucoin',
					fromReferralCode: 'ref123',
					discountPercent: -5,
					isRefresh: true,
				},
			}),
		]);
		expect(JSON.parse(sent[0].body)).toEqual({
			amount: '10.50',
			currency: 'USDT',
			order_id: orderId,
			network: 'tron',
			url_callback: h.receiverUrl,
			url_return: 'https://shop.example/cart',
			url_success: 'https://shop.example/thanks',
			lifetime: 900,
			to_currency: 'BTC',
			additional_data: 'https://shop.example/o/42 — café',
			is_payment_multiple: false,
			subtract: 100,
			accuracy_payment_percent: 2.5,
			currencies: [{ currency: 'USDT', network: 'tron' }, { currency: 'BTC' }],
			except_currencies: [{ currency: 'ETH', network: 'eth' }],
			course_source: 'Kucoin',
			from_referral_code: 'ref123',
			discount_percent: -5,
			is_refresh: true,
		});
		// What was signed is what was sent, slashes and non-ASCII included.
		expect(sent[0].headers.sign).toBe(signCryptomus(sent[0].body, keys.paymentApiKey));
	});

	it('creating with an existing order ID returns that invoice (Cryptomus does not make a second one)', async () => {
		const orderId = nextOrderId();
		const first = await h.run([create({ orderId })]);
		const again = await h.run([create({ orderId, amount: '99' })]);
		expect(again.output[0][0].json.uuid).toBe(first.output[0][0].json.uuid);
		expect(h.fake.invoices.filter((i) => i.order_id === orderId)).toHaveLength(1);
	});

	it.each([
		['an amount with a comma', { amount: '10,50' }, /Amount: use a dot as the decimal separator/],
		['a non-numeric amount', { amount: '12 USD' }, /Amount: must be a decimal number/],
		['a zero amount', { amount: '0.00' }, /Amount: must be greater than 0/],
		['an empty currency', { currency: '  ' }, /Currency: is required/],
		['an order ID with a space', { orderId: 'order 1' }, /Order ID: must be 1 to 128 characters/],
		['a 129-character order ID', { orderId: 'a'.repeat(129) }, /Order ID: must be 1 to 128 characters/],
		['a 5-character callback URL', { additionalFields: { urlCallback: 'http:' } }, /Callback URL: must be 6 to 255 characters/],
		['a callback that is not http(s)', { additionalFields: { urlCallback: 'ftp://example.com/x' } }, /Callback URL: must be an http\(s\) URL/],
		['a lifetime under 300 s', { additionalFields: { lifetime: 60 } }, /Lifetime: must be a whole number from 300 to 43200/],
		['a 256-character additional data', { additionalFields: { additionalData: 'x'.repeat(256) } }, /Additional Data: must be at most 255/],
		['a badly formed currencies list', { additionalFields: { currencies: 'USDT:tron:x' } }, /Currencies: "USDT:tron:x" is not CURRENCY/],
		['an accuracy over 5 %', { additionalFields: { accuracyPaymentPercent: 7 } }, /Accuracy Payment Percent: must be a number from 0 to 5/],
		['a discount under -99 %', { additionalFields: { discountPercent: -100 } }, /Discount Percent: must be a whole number from -99 to 100/],
	])('refuses %s before calling Cryptomus, naming the field', async (_name, overrides, message) => {
		const before = h.fake.requests.length;
		await expect(h.run([create(overrides)])).rejects.toThrow(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it("a 422 `errors` map from Cryptomus becomes a NodeApiError naming every failing field", async () => {
		h.fake.intercept('/v1/payment', () => ({
			status: 422,
			body: { state: 1, errors: { amount: ['validation.numeric'], order_id: ['validation.alpha_dash'] } },
		}));
		try {
			await expect(h.run([create()])).rejects.toThrow(
				'Cryptomus rejected the request: amount: validation.numeric; order_id: validation.alpha_dash',
			);
		} finally {
			h.fake.intercept('/v1/payment', undefined);
		}
	});

	it('state 1 on HTTP 200 is an error too', async () => {
		h.fake.intercept('/v1/payment', () => ({ status: 200, body: { state: 1, message: 'Payment service not found' } }));
		try {
			await expect(h.run([create()])).rejects.toThrow('Cryptomus rejected the request: Payment service not found');
		} finally {
			h.fake.intercept('/v1/payment', undefined);
		}
	});

	it('continue on fail: a bad item becomes an error item, the items around it are still created', async () => {
		const good1 = nextOrderId();
		const good2 = nextOrderId();
		const { output, sent } = await h.run([create({ orderId: good1 }), create({ amount: 'ten' }), create({ orderId: good2 })], {
			continueOnFail: true,
		});
		expect(sent).toHaveLength(2);
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0][0].json.order_id).toBe(good1);
		expect(output[0][1].json).toEqual({ success: false, error: 'Amount: must be a decimal number such as 10 or 10.50' });
		expect(output[0][2].json.order_id).toBe(good2);
	});

	it('every request carries the timeout', async () => {
		const { sent } = await h.run([create()]);
		expect(sent[0].options.timeout).toBe(CRYPTOMUS_REQUEST_TIMEOUT_MS);
	});
});

describe('payment → get (Get Info)', () => {
	it('by order ID and by UUID: the invoice as Cryptomus shows it, current status included', async () => {
		const orderId = nextOrderId();
		const created = (await h.run([create({ orderId })])).output[0][0].json;
		h.fake.pay({ order_id: orderId });
		const { output, sent } = await h.run([byOrder('get', orderId), { resource: 'payment', operation: 'get', uuid: created.uuid, orderId: '' }]);
		expect(sent.map((s) => [s.url, s.body])).toEqual([
			[`${h.fake.baseUrl}/v1/payment/info`, JSON.stringify({ order_id: orderId })],
			[`${h.fake.baseUrl}/v1/payment/info`, JSON.stringify({ uuid: created.uuid })],
		]);
		for (const item of output[0]) expect(item.json).toMatchObject({ uuid: created.uuid, order_id: orderId, status: 'paid', is_final: true });
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('the UUID wins when both are given', async () => {
		const created = (await h.run([create()])).output[0][0].json;
		const { sent } = await h.run([{ resource: 'payment', operation: 'get', uuid: created.uuid, orderId: 'other' }]);
		expect(JSON.parse(sent[0].body)).toEqual({ uuid: created.uuid });
	});

	it.each([
		['neither UUID nor order ID', { uuid: ' ', orderId: '' }, /UUID: give the UUID or the Order ID/],
		['a malformed UUID', { uuid: 'abc', orderId: '' }, /UUID: must be a UUID/],
		['a malformed order ID', { uuid: '', orderId: 'a/b' }, /Order ID: must be 1 to 128/],
	])('refuses %s before calling Cryptomus', async (_name, ids, message) => {
		const before = h.fake.requests.length;
		await expect(h.run([{ resource: 'payment', operation: 'get', ...ids }])).rejects.toThrow(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it('an unknown invoice → NodeApiError with Cryptomus message', async () => {
		await expect(h.run([byOrder('get', 'never-created')])).rejects.toThrow('Cryptomus rejected the request: Payment not found');
	});
});

describe('payment → resendWebhook', () => {
	it('a paid invoice with a callback URL: Cryptomus delivers the same signed webhook again', async () => {
		const orderId = nextOrderId();
		await h.run([create({ orderId, additionalFields: { urlCallback: h.receiverUrl } })]);
		const before = h.fake.webhooks.length;
		h.fake.pay({ order_id: orderId });
		const [paid] = (await h.fake.waitForWebhooks(before + 1)).slice(before);
		const { output, sent } = await h.run([byOrder('resendWebhook', orderId)]);
		expect(sent[0].url).toBe(`${h.fake.baseUrl}/v1/payment/resend`);
		expect(output[0][0]).toEqual({ json: { success: true, request: { order_id: orderId }, result: [] }, pairedItem: { item: 0 } });
		const [again] = (await h.fake.waitForWebhooks(before + 2)).slice(before + 1);
		expect(again.body).toBe(paid.body);
		expect(verifyCryptomusWebhook(Buffer.from(again.body), { payment: keys.paymentApiKey })).toMatchObject({ ok: true });
		expect(h.received.filter((b) => b === paid.body)).toHaveLength(2);
	});

	it('an invoice that is not final yet → NodeApiError from Cryptomus', async () => {
		const orderId = nextOrderId();
		await h.run([create({ orderId, additionalFields: { urlCallback: h.receiverUrl } })]);
		await expect(h.run([byOrder('resendWebhook', orderId)])).rejects.toThrow(/Cryptomus rejected the request: Payment is not finalized/);
	});
});

describe('payment → getServices', () => {
	it('one item per currency/network, empty body signed as the empty string', async () => {
		const { output, sent } = await h.run([{ resource: 'payment', operation: 'getServices' }]);
		expect(sent[0].body).toBe('');
		expect(sent[0].headers.sign).toBe(signCryptomus('', keys.paymentApiKey));
		expect(output[0].map((o) => [o.json.currency, o.json.network, o.pairedItem])).toEqual([
			['USDT', 'tron', { item: 0 }],
			['ETH', 'eth', { item: 0 }],
			['BTC', 'btc', { item: 0 }],
		]);
	});
});
