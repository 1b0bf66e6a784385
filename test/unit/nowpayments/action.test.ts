import { nowPaymentsAction } from '../../helpers/nowpaymentsAction';
import { nowPaymentsTestCredentials as creds } from '../../helpers/nowpaymentsFixtures';
import { NowPayments } from '../../../nodes/NowPayments/NowPayments.node';
import { verifyNowPaymentsIpn } from '../../../nodes/NowPayments/signature';

const h = nowPaymentsAction();
const TRIGGER_URL = 'https://n8n.example.com/webhook/5f0c/webhook';
const createPayment = (overrides: Record<string, unknown> = {}) => ({
	resource: 'payment',
	operation: 'create',
	priceAmount: '10.50',
	priceCurrency: 'usd',
	payCurrency: 'btc',
	ipnCallbackUrl: TRIGGER_URL,
	orderId: 'order-1',
	orderDescription: 'Café — 2× "mugs" / blue',
	...overrides,
});
/** The last request the fake received, as it came over the wire. */
const last = () => h.fake.requests[h.fake.requests.length - 1];
const json = (items: Array<{ json: unknown }>) => items.map((i) => i.json);

describe('NOWPayments node: the exact request each operation sends', () => {
	it('payment → create: POST /v1/payment, x-api-key, JSON body with the amount as the number typed', async () => {
		const { output } = await h.run([createPayment()]);
		const sent = last();
		expect([sent.method, sent.path, sent.query]).toEqual(['POST', '/v1/payment', '']);
		expect(sent.headers['x-api-key']).toBe(creds.apiKey);
		expect(sent.headers['content-type']).toBe('application/json');
		expect(sent.headers.authorization).toBeUndefined();
		expect(sent.rawBody).toBe(
			'{"price_amount":10.50,"price_currency":"usd","pay_currency":"btc","ipn_callback_url":"https://n8n.example.com/webhook/5f0c/webhook","order_id":"order-1","order_description":"Café — 2× \\"mugs\\" / blue"}',
		);
		expect(json(output[0])).toEqual([sent.response]);
		expect(output[0][0]).toMatchObject({ json: { payment_status: 'waiting', price_amount: 10.5, order_id: 'order-1' }, pairedItem: { item: 0 } });
	});

	it('payment → create with every additional field, optional fields left out when empty', async () => {
		await h.run([
			createPayment({
				ipnCallbackUrl: '',
				orderDescription: '',
				additionalFields: {
					payAmount: '0.00017',
					isFixedRate: true,
					isFeePaidByUser: false,
					payoutAddress: 'TEmGwPeRTPiLFLVfBxXkSP91yc5GMNQhfS',
					payoutCurrency: 'usdttrc20',
					payoutExtraId: '',
				},
			}),
		]);
		expect(last().rawBody).toBe(
			'{"price_amount":10.50,"price_currency":"usd","pay_currency":"btc","order_id":"order-1","pay_amount":0.00017,"payout_address":"TEmGwPeRTPiLFLVfBxXkSP91yc5GMNQhfS","payout_currency":"usdttrc20","is_fixed_rate":true,"is_fee_paid_by_user":false}',
		);
	});

	it('payment → get: GET /v1/payment/{id} with x-api-key, no body; returns the payment the IPN reports', async () => {
		const { output } = await h.run([createPayment({ orderId: 'order-get' })]);
		const id = String((output[0][0].json as { payment_id: number }).payment_id);
		const receiver = h.fake.payments.find((p) => String(p.payment_id) === id);
		expect(receiver?.ipn_callback_url).toBe(TRIGGER_URL);
		const got = await h.run([{ resource: 'payment', operation: 'get', paymentId: id }]);
		expect([last().method, last().path, last().query, last().rawBody]).toEqual(['GET', `/v1/payment/${id}`, '', '']);
		expect(last().headers['x-api-key']).toBe(creds.apiKey);
		expect(last().headers['content-type']).toBeUndefined();
		expect(got.output[0][0].json).toMatchObject({ payment_id: Number(id), order_id: 'order-get', payment_status: 'waiting' });
	});

	it('payment → getMany: a JWT from POST /v1/auth (no API key), then every page with Bearer + x-api-key', async () => {
		for (let i = 0; i < 3; i++) await h.run([createPayment({ orderId: `list-${i}` })]);
		const before = h.fake.requests.length;
		const { output } = await h.run([
			{ resource: 'payment', operation: 'getMany', returnAll: false, limit: 3, filters: { orderBy: 'desc', sortBy: 'created_at', dateFrom: '2020-01-01' } },
		]);
		const calls = h.fake.requests.slice(before);
		expect(calls.map((c) => `${c.method} ${c.path}?${c.query}`)).toEqual([
			'POST /v1/auth?',
			'GET /v1/payment/?limit=3&page=0&dateFrom=2020-01-01&sortBy=created_at&orderBy=desc',
		]);
		expect(calls[0].rawBody).toBe(`{"email":"${creds.email}","password":"${creds.password}"}`);
		expect(calls[0].headers['x-api-key']).toBeUndefined();
		expect(calls[1].headers.authorization).toBe(`Bearer ${[...h.fake.tokens].pop()}`);
		expect(calls[1].headers['x-api-key']).toBe(creds.apiKey);
		expect(output[0]).toHaveLength(3);
		const ids = json(output[0]).map((p) => (p as { payment_id: number }).payment_id);
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
	});

	it('payment → getMany, Return All: pages of 500 until pagesCount; one JWT for all items of the run', async () => {
		const before = h.fake.requests.length;
		const { output } = await h.run([
			{ resource: 'payment', operation: 'getMany', returnAll: true },
			{ resource: 'payment', operation: 'getMany', returnAll: true },
		]);
		const calls = h.fake.requests.slice(before).map((c) => `${c.method} ${c.path}?${c.query}`);
		expect(calls).toEqual(['POST /v1/auth?', 'GET /v1/payment/?limit=500&page=0', 'GET /v1/payment/?limit=500&page=0']);
		expect(output[0]).toHaveLength(h.fake.payments.length * 2);
	});

	it('invoice → create: POST /v1/invoice with the redirect URLs', async () => {
		const { output } = await h.run([
			{
				resource: 'invoice',
				operation: 'create',
				priceAmount: '1000',
				priceCurrency: 'usd',
				payCurrency: '',
				ipnCallbackUrl: TRIGGER_URL,
				orderId: 'RGDBP-21314',
				orderDescription: 'Apple Macbook Pro 2019 x 1',
				additionalFields: { successUrl: 'https://shop.example.com/thanks', cancelUrl: 'https://shop.example.com/cart', isFixedRate: true },
			},
		]);
		expect([last().method, last().path]).toEqual(['POST', '/v1/invoice']);
		expect(last().rawBody).toBe(
			'{"price_amount":1000,"price_currency":"usd","ipn_callback_url":"https://n8n.example.com/webhook/5f0c/webhook","order_id":"RGDBP-21314","order_description":"Apple Macbook Pro 2019 x 1","success_url":"https://shop.example.com/thanks","cancel_url":"https://shop.example.com/cart","is_fixed_rate":true}',
		);
		expect(output[0][0].json).toMatchObject({ order_id: 'RGDBP-21314', price_amount: '1000', invoice_url: expect.stringContaining('/payment/?iid=') });
	});

	it('currency → getMinimumAmount: GET /v1/min-amount with the documented query', async () => {
		const { output } = await h.run([
			{
				resource: 'currency',
				operation: 'getMinimumAmount',
				currencyFrom: 'eth',
				currencyTo: 'trx',
				options: { fiatEquivalent: 'usd', isFixedRate: false, isFeePaidByUser: true },
			},
		]);
		expect([last().method, last().path, last().query, last().rawBody]).toEqual([
			'GET',
			'/v1/min-amount',
			'currency_from=eth&currency_to=trx&fiat_equivalent=usd&is_fixed_rate=false&is_fee_paid_by_user=true',
			'',
		]);
		expect(output[0][0].json).toEqual({ currency_from: 'eth', currency_to: 'trx', min_amount: 0.0078999, fiat_equivalent: 35.40626584 });
	});

	it('currency → getEstimate: GET /v1/estimate with the amount as typed', async () => {
		const { output } = await h.run([{ resource: 'currency', operation: 'getEstimate', amount: '3999.5000', currencyFrom: 'usd', currencyTo: 'btc' }]);
		expect([last().method, last().path, last().query]).toEqual(['GET', '/v1/estimate', 'amount=3999.5000&currency_from=usd&currency_to=btc']);
		expect(output[0][0].json).toMatchObject({ currency_from: 'usd', currency_to: 'btc', amount_from: 3999.5 });
	});

	it('the IPN the fake sends for a created payment verifies with the IPN secret (the serialization concluded)', async () => {
		const { output } = await h.run([createPayment({ ipnCallbackUrl: h.receiver.url, orderId: 'ipn-1' })]);
		const id = (output[0][0].json as { payment_id: number }).payment_id;
		const sent = h.fake.ipns.length;
		h.fake.pay(id);
		const [ipn] = (await h.fake.waitForIpns(sent + 1)).slice(sent);
		expect([ipn.url, ipn.answer, ipn.answerBody]).toEqual([h.receiver.url, 200, '{"received":true}']);
		const arrived = h.receiver.requests[h.receiver.requests.length - 1];
		expect([arrived.body, arrived.headers['x-nowpayments-sig'], arrived.headers['content-type']]).toEqual([ipn.body, ipn.signature, 'application/json']);
		const verified = verifyNowPaymentsIpn(Buffer.from(ipn.body), ipn.signature, creds.ipnSecret);
		expect(verified.ok).toBe(true);
		expect(JSON.parse(ipn.body)).toMatchObject({ payment_id: id, payment_status: 'finished', order_id: 'ipn-1', price_amount: 10.5 });
		expect(Object.keys(JSON.parse(ipn.body))).toEqual([...Object.keys(JSON.parse(ipn.body))].sort());
	});
});

describe('NOWPayments node: bad parameters are refused before anything is sent, naming the field', () => {
	it.each([
		['Price Amount', createPayment({ priceAmount: '10,50' }), 'Price Amount: use a dot as the decimal separator, e.g. 10.50'],
		['Price Amount', createPayment({ priceAmount: '1e3' }), 'Price Amount: must be a decimal number such as 10 or 10.50'],
		['Price Amount', createPayment({ priceAmount: '-5' }), 'Price Amount: must be a decimal number such as 10 or 10.50'],
		['Price Amount', createPayment({ priceAmount: '0.00' }), 'Price Amount: must be greater than 0'],
		['Price Amount', createPayment({ priceAmount: '010.5' }), 'Price Amount: write it without leading zeros, e.g. 10.5'],
		['Price Amount', createPayment({ priceAmount: '' }), 'Price Amount: is required'],
		['Price Currency', createPayment({ priceCurrency: 'us dollar' }), 'Price Currency: must be a currency ticker such as usd, btc or usdttrc20 (letters and digits)'],
		['Pay Currency', createPayment({ payCurrency: '' }), 'Pay Currency: is required'],
		['IPN Callback URL', createPayment({ ipnCallbackUrl: 'ftp://n8n.example.com/hook' }), 'IPN Callback URL: must be an http(s) URL'],
		['Pay Amount', createPayment({ additionalFields: { payAmount: '0,1' } }), 'Pay Amount: use a dot as the decimal separator, e.g. 10.50'],
		['Payout Currency', createPayment({ additionalFields: { payoutAddress: 'TEmGw' } }), 'Payout Currency: is required'],
		['Payment ID', { resource: 'payment', operation: 'get', paymentId: 'abc' }, 'Payment ID: must be the numeric NOWPayments ID, e.g. 5745459419'],
		['Date To', { resource: 'payment', operation: 'getMany', filters: { dateFrom: '2025-02-01', dateTo: '2025-01-01' } }, 'Date To: must not be before Date From'],
		['Date From', { resource: 'payment', operation: 'getMany', filters: { dateFrom: 'yesterday' } }, 'Date From: must be a date like 2025-05-04 or 2025-05-04T10:00:00'],
		['Success URL', { resource: 'invoice', operation: 'create', priceAmount: '5', priceCurrency: 'usd', additionalFields: { successUrl: 'thanks' } }, 'Success URL: must be 10 to 2048 characters long'],
		['Amount', { resource: 'currency', operation: 'getEstimate', amount: '1.5.0', currencyFrom: 'usd', currencyTo: 'btc' }, 'Amount: must be a decimal number such as 10 or 10.50'],
		['Currency From', { resource: 'currency', operation: 'getMinimumAmount', currencyFrom: '' }, 'Currency From: is required'],
	])('%s: %j', async (_field, item, message) => {
		const before = h.fake.requests.length;
		await expect(h.run([item])).rejects.toThrow(message);
		expect(h.fake.requests.length).toBe(before);
	});
});

describe('NOWPayments node: NOWPayments\' errors and continue-on-fail', () => {
	it('a rejected request becomes a node error with NOWPayments\' message and code', async () => {
		await expect(h.run([createPayment({ payCurrency: 'xxx' })])).rejects.toThrow(
			'NOWPayments rejected the request: Currency xxx was not found (INVALID_REQUEST_PARAMS)',
		);
		await expect(h.run([createPayment({ priceAmount: '0.001' })])).rejects.toThrow('amountTo is too small (AMOUNT_MINIMAL_ERROR)');
		await expect(h.run([{ resource: 'payment', operation: 'get', paymentId: '1' }])).rejects.toThrow('Payment not found (PAYMENT_NOT_FOUND)');
	});

	it('a wrong API key: NOWPayments\' 403 message, and the hint names the credential', async () => {
		const error = await h.run([createPayment()], { credentials: { apiKey: 'wrong' } }).catch((e: Error & { description?: string }) => e);
		expect(error).toMatchObject({ message: 'NOWPayments rejected the request: Invalid api key (INVALID_API_KEY)' });
		expect((error as { description?: string }).description).toMatch(/API key in the NOWPayments credential/);
	});

	it('Get Many without the dashboard login in the credential: refused naming Email and Password, nothing sent', async () => {
		const before = h.fake.requests.length;
		await expect(h.run([{ resource: 'payment', operation: 'getMany' }], { credentials: { email: '', password: '' } })).rejects.toThrow(
			'Get Many needs the Email and Password of your NOWPayments account',
		);
		expect(h.fake.requests.length).toBe(before);
		await expect(h.run([{ resource: 'payment', operation: 'getMany' }], { credentials: { password: 'wrong' } })).rejects.toThrow(
			'Invalid email or password (INVALID_CREDENTIALS)',
		);
	});

	it('continue on fail: the failing item gives {success:false,error}, the others still run', async () => {
		const { output } = await h.run([createPayment({ priceAmount: 'ten' }), createPayment({ orderId: 'ok-2' })], { continueOnFail: true });
		expect(output[0]).toHaveLength(2);
		expect(output[0][0]).toEqual({ json: { success: false, error: 'Price Amount: must be a decimal number such as 10 or 10.50' }, pairedItem: { item: 0 } });
		expect(output[0][1]).toMatchObject({ json: { order_id: 'ok-2' }, pairedItem: { item: 1 } });
	});
});

describe('NOWPayments node description', () => {
	it('is usable as an AI tool (nothing moves money) and names the contract operations', () => {
		const d = new NowPayments().description;
		expect(d.name).toBe('nowPayments');
		expect(d.usableAsTool).toBe(true);
		const operations = d.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options ?? []).map((o) => `${String(p.displayOptions?.show?.resource)}.${String((o as { value: string }).value)}`));
		expect(operations.sort()).toEqual(['currency.getEstimate', 'currency.getMinimumAmount', 'invoice.create', 'payment.create', 'payment.get', 'payment.getMany']);
	});
});
