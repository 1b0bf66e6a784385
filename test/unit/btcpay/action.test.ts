/**
 * The BTCPay Server action node against the fake Greenfield API: the exact request each operation sends (method,
 * path, query, headers, body bytes), bad parameters refused before anything is sent, BTCPay's errors named.
 */
import { BtcPayServerApi } from '../../../credentials/BtcPayServerApi.credentials';
import { BtcPayServer } from '../../../nodes/BtcPayServer/BtcPayServer.node';
import { startFakeBtcPay, type FakeBtcPay } from '../../fake-btcpay/server';
import { btcpayTestCredentials as keys, fakeBtcPayOptions } from '../../helpers/btcpayFixtures';
import { runExecute } from '../../helpers/executeContext';

const node = new BtcPayServer();
let fake: FakeBtcPay;
beforeAll(async () => {
	fake = await startFakeBtcPay(fakeBtcPayOptions());
});
afterAll(() => fake.close());

const credentials = () => ({ serverUrl: `${fake.baseUrl}/`, apiKey: ` ${keys.invoicesOnlyApiKey} `, storeId: keys.storeId, webhookSecret: '' });
const run = (items: Array<Record<string, unknown>>, options: { continueOnFail?: boolean; credentials?: Record<string, string> } = {}) =>
	runExecute(node, {
		nodeType: 'n8n-nodes-crypto-webhooks.btcPayServer',
		items,
		credentialType: new BtcPayServerApi(),
		credentials: options.credentials ?? credentials(),
		continueOnFail: options.continueOnFail,
	});
const create = (overrides: Record<string, unknown> = {}) => ({ resource: 'invoice', operation: 'create', amount: '10.50', currency: 'EUR', orderId: 'order-1042', additionalFields: {}, ...overrides });
const invoicesPath = `/api/v1/stores/${keys.storeId}/invoices`;

describe('BTCPay Server node: Invoice → Create', () => {
	it('POSTs the amount as typed, the currency, metadata.orderId; token auth; answers the invoice with its checkout link', async () => {
		const { output, sent } = await run([create()]);
		expect(sent).toHaveLength(1);
		expect(sent[0].url).toBe(`${fake.baseUrl}${invoicesPath}`);
		expect(sent[0].options.method).toBe('POST');
		expect(sent[0].headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `token ${keys.invoicesOnlyApiKey}` });
		expect(sent[0].body).toBe('{"amount":"10.50","currency":"EUR","metadata":{"orderId":"order-1042"}}');
		expect(sent[0].timeout).toBe(20_000);
		const invoice = output[0][0].json;
		expect(invoice).toMatchObject({ amount: '10.50', currency: 'EUR', status: 'New', metadata: { orderId: 'order-1042' } });
		expect(invoice.checkoutLink).toBe(`${fake.baseUrl}/i/${String(invoice.id)}`);
		expect(fake.requests.at(-1)?.rawBody).toBe(sent[0].body);
	});

	it('every optional field: metadata members keep their text, checkout options as BTCPay names them', async () => {
		const { sent } = await run([
			create({
				currency: '',
				orderId: '',
				amount: ' 0.00010000 ',
				additionalFields: {
					buyerEmail: 'buyer@example.com',
					itemDesc: 'Café ☕',
					orderUrl: 'https://shop.example.com/orders/1042',
					metadata: '{"posData": {"price": 10.50, "n": 12345678901234567890}}',
					speedPolicy: 'LowSpeed',
					paymentMethods: 'BTC-CHAIN, BTC-LN',
					defaultPaymentMethod: 'BTC-LN',
					expirationMinutes: 30,
					monitoringMinutes: 60,
					paymentTolerance: 1.5,
					redirectURL: 'https://shop.example.com/thanks?order={OrderId}',
					redirectAutomatically: true,
					defaultLanguage: 'de-DE',
				},
			}),
		]);
		expect(sent[0].body).toBe(
			'{"amount":"0.00010000","metadata":{"buyerEmail":"buyer@example.com","itemDesc":"Café ☕","orderUrl":"https://shop.example.com/orders/1042","posData": {"price": 10.50, "n": 12345678901234567890}},' +
				'"checkout":{"speedPolicy":"LowSpeed","paymentMethods":["BTC-CHAIN","BTC-LN"],"defaultPaymentMethod":"BTC-LN","expirationMinutes":30,"monitoringMinutes":60,"paymentTolerance":1.5,' +
				'"redirectURL":"https://shop.example.com/thanks?order={OrderId}","redirectAutomatically":true,"defaultLanguage":"de-DE"}}',
		);
		expect(fake.requests.at(-1)?.status).toBe(200);
	});

	it.each([
		['an empty amount', { amount: ' ' }, 'Amount: is required'],
		['a comma amount', { amount: '10,50' }, 'Amount: use a dot as the decimal separator, e.g. 10.50'],
		['a float-looking amount', { amount: '1e3' }, 'Amount: must be a decimal number such as 10 or 10.50'],
		['a zero amount', { amount: '0.00' }, 'Amount: must be greater than 0'],
		['a currency with a space', { currency: 'US D' }, 'Currency: must be a currency code such as USD, EUR, BTC or SATS'],
		['metadata that is not an object', { additionalFields: { metadata: '[1]' } }, 'Metadata (JSON): must be a JSON object such as {"itemDesc": "Coffee"}'],
		['metadata that is not JSON', { additionalFields: { metadata: '{itemDesc: 1}' } }, 'Metadata (JSON): must be a JSON object such as {"itemDesc": "Coffee"}'],
		['metadata repeating a key', { additionalFields: { metadata: '{"a":1,"a":2}' } }, 'Metadata (JSON): has the key "a" twice'],
		['metadata setting the order id too', { additionalFields: { metadata: '{"orderId":"x"}' } }, 'Metadata (JSON): sets "orderId", which Order ID sets too: use one of them'],
		['a bad buyer email', { additionalFields: { buyerEmail: 'nobody' } }, 'Buyer Email: must be an email address'],
		['an expiration under 30 s', { additionalFields: { expirationMinutes: 0.25 } }, 'Expiration (Minutes): must be a number from 0.5 to 525600'],
		['a tolerance over 100 %', { additionalFields: { paymentTolerance: 101 } }, 'Payment Tolerance (%): must be a number from 0 to 100'],
		['a bad payment method', { additionalFields: { paymentMethods: 'BTC CHAIN' } }, 'Payment Methods: "BTC CHAIN" is not a payment method id like BTC-CHAIN or BTC-LN'],
		['a redirect that is not a URL', { additionalFields: { redirectURL: 'shop/thanks' } }, 'Redirect URL: must be an http(s) URL'],
		['an unknown speed policy', { additionalFields: { speedPolicy: 'Warp' } }, 'Speed Policy: must be one of HighSpeed, MediumSpeed, LowMediumSpeed, LowSpeed'],
	])('refuses %s before anything is sent, naming the field', async (_title, overrides, message) => {
		const before = fake.requests.length;
		await expect(run([create(overrides)])).rejects.toThrow(message);
		expect(fake.requests.length).toBe(before);
	});

	it('refuses an incomplete credential before sending, naming the field', async () => {
		const before = fake.requests.length;
		await expect(run([create()], { credentials: { ...credentials(), storeId: '' } })).rejects.toThrow(/Store ID is empty/);
		expect(fake.requests.length).toBe(before);
	});

	it.each([
		['an unknown API key (401)', { apiKey: 'nope' }, `BTCPay Server rejected POST ${invoicesPath}: ApiKey authentication failed: Unknown API Key`],
		['a key without cancreateinvoice (403)', { apiKey: keys.webhooksOnlyApiKey }, 'Insufficient API Permissions. Please use an API key with permission "btcpay.store.cancreateinvoice"'],
		['an unknown store (404)', { storeId: 'NoSuchStore' }, 'BTCPay Server rejected POST /api/v1/stores/NoSuchStore/invoices: The store was not found'],
	])('BTCPay\'s error becomes the node error: %s', async (_title, credential, message) => {
		await expect(run([create()], { credentials: { ...credentials(), ...credential } })).rejects.toThrow(message);
	});

	it('BTCPay\'s 422 validation answer names its paths', async () => {
		fake.fail('POST', /\/invoices$/, { status: 422, body: [{ path: 'checkout.paymentMethods[0]', message: 'Invalid PaymentMethodId' }] });
		await expect(run([create({ additionalFields: { paymentMethods: 'DOGE-CHAIN' } })])).rejects.toThrow(
			'BTCPay Server rejected POST /api/v1/stores/9BatxYQgpxRKXfkZxoWCa324sbkcVmfJVjQixBCP7NYm/invoices: checkout.paymentMethods[0]: Invalid PaymentMethodId',
		);
	});

	it('continue on fail: each item gets its own answer; a bad one does not stop the rest', async () => {
		const { output, sent } = await run([create({ orderId: 'a' }), create({ amount: 'x' }), create({ orderId: 'c' })], { continueOnFail: true });
		expect(sent).toHaveLength(2);
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0][1].json).toEqual({ success: false, error: 'Amount: must be a decimal number such as 10 or 10.50' });
		expect(output[0][2].json).toMatchObject({ metadata: { orderId: 'c' } });
	});

	it('an unreachable server → a node error saying where it tried', async () => {
		await expect(run([create()], { credentials: { ...credentials(), serverUrl: 'http://127.0.0.1:9' } })).rejects.toThrow(/Could not reach BTCPay Server at http:\/\/127\.0\.0\.1:9/);
	});
});

describe('BTCPay Server node: Invoice → Get and Get Many', () => {
	it('Get: GET …/invoices/{id} returns the invoice the create step made', async () => {
		const created = (await run([create({ orderId: 'for-get' })])).output[0][0].json;
		const { output, sent } = await run([{ resource: 'invoice', operation: 'get', invoiceId: created.id }]);
		expect(sent[0].url).toBe(`${fake.baseUrl}${invoicesPath}/${String(created.id)}`);
		expect([sent[0].options.method, sent[0].body]).toEqual(['GET', '']);
		expect(output[0][0].json).toEqual(created);
	});

	it('Get: an unknown invoice → BTCPay\'s 404 message; a bad id is refused before sending', async () => {
		await expect(run([{ resource: 'invoice', operation: 'get', invoiceId: 'NoSuchInvoice' }])).rejects.toThrow(/The invoice was not found/);
		const before = fake.requests.length;
		await expect(run([{ resource: 'invoice', operation: 'get', invoiceId: 'a/b' }])).rejects.toThrow('Invoice ID: must be an id as BTCPay Server shows it (no spaces or slashes)');
		await expect(run([{ resource: 'invoice', operation: 'get', invoiceId: '' }])).rejects.toThrow('Invoice ID: is required');
		expect(fake.requests.length).toBe(before);
	});

	it('Get Many: filters as BTCPay\'s repeated query parameters, dates as Unix seconds, paged with skip/take', async () => {
		const { sent } = await run([
			{
				resource: 'invoice',
				operation: 'getMany',
				returnAll: false,
				limit: 5,
				filters: { orderIds: 'o-1, o-2', statuses: ['New', 'Settled'], startDate: '2025-05-04T00:00:00Z', endDate: '2025-05-05T00:00:00Z', textSearch: 'café', includeArchived: true },
			},
		]);
		expect(sent[0].url).toBe(
			`${fake.baseUrl}${invoicesPath}?orderId=o-1&orderId=o-2&status=New&status=Settled&startDate=1746316800&endDate=1746403200&textSearch=caf%C3%A9&includeArchived=true&skip=0&take=5`,
		);
	});

	it('Get Many: Return All reads pages of 100 until a short one; Limit stops early', async () => {
		for (let i = 0; i < 105; i++) fake.invoices.create(keys.storeId, { amount: '1', metadata: { orderId: 'bulk' } });
		const all = await run([{ resource: 'invoice', operation: 'getMany', returnAll: true, filters: { orderIds: 'bulk' } }]);
		expect(all.output[0]).toHaveLength(105);
		expect(all.sent.map((s) => new URL(s.url).searchParams.get('skip'))).toEqual(['0', '100']);
		const some = await run([{ resource: 'invoice', operation: 'getMany', returnAll: false, limit: 3, filters: { orderIds: 'bulk' } }]);
		expect([some.output[0].length, some.sent.length]).toEqual([3, 1]);
	});

	it('Get Many: end before start, or an unknown status, is refused before sending', async () => {
		const before = fake.requests.length;
		await expect(run([{ resource: 'invoice', operation: 'getMany', filters: { startDate: '2025-05-05', endDate: '2025-05-04' } }])).rejects.toThrow('Created Before: must not be before Created After');
		await expect(run([{ resource: 'invoice', operation: 'getMany', filters: { statuses: ['Paid'] } }])).rejects.toThrow('Statuses: must be one of New, Processing, Settled, Expired, Invalid');
		await expect(run([{ resource: 'invoice', operation: 'getMany', filters: { startDate: 'yesterday' } }])).rejects.toThrow('Created After: must be a date');
		expect(fake.requests.length).toBe(before);
	});
});
