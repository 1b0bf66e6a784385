import { CryptomusApi } from '../../../credentials/CryptomusApi.credentials';
import { Cryptomus } from '../../../nodes/Cryptomus/Cryptomus.node';
import { signCryptomus, verifyCryptomusWebhook } from '../../../nodes/Cryptomus/signature';
import { cryptomusAction } from '../../helpers/cryptomusAction';
import { cryptomusTestCredentials } from '../../helpers/cryptomusFixtures';

const { merchantId: MERCHANT, paymentApiKey: PAYMENT_KEY, payoutApiKey: PAYOUT_KEY } = cryptomusTestCredentials;

describe('Cryptomus action node against a fake Cryptomus API (resource Test Webhook)', () => {
	const h = cryptomusAction();
	const item = (overrides: Record<string, unknown> = {}) => ({
		resource: 'testWebhook',
		operation: 'payment',
		urlCallback: h.receiverUrl,
		currency: 'USDT',
		network: 'tron',
		status: 'paid',
		additionalFields: {},
		...overrides,
	});
	const run = (items: Array<Record<string, unknown>>, continueOnFail = false) => h.run(items, { continueOnFail });

	it('sends a signed request (merchant + sign over the exact bytes) and Cryptomus sends a verifiable webhook', async () => {
		const before = h.fake.webhooks.length;
		const { output, sent } = await run([item({ additionalFields: { orderId: 'order_42' } })]);
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].json).toMatchObject({ success: true, webhookType: 'payment', result: [] });
		expect(sent[0].headers.merchant).toBe(MERCHANT);
		expect(sent[0].headers.sign).toBe(signCryptomus(sent[0].body, PAYMENT_KEY));
		expect(JSON.parse(sent[0].body)).toEqual({
			url_callback: h.receiverUrl,
			currency: 'USDT',
			network: 'tron',
			status: 'paid',
			order_id: 'order_42',
		});
		const [webhook] = (await h.fake.waitForWebhooks(before + 1)).slice(before);
		expect(webhook.answer).toBe(200);
		const verified = verifyCryptomusWebhook(Buffer.from(webhook.body), { payment: PAYMENT_KEY });
		expect(verified).toMatchObject({ ok: true, value: { key: 'payment' } });
		expect(h.received).toContain(webhook.body);
	});

	it('payout test webhooks use the payout status list and the payment key (test-webhook endpoint)', async () => {
		const { output, sent } = await run([item({ operation: 'payout', status: 'fail' })]);
		expect(output[0][0].json).toMatchObject({ success: true, webhookType: 'payout' });
		expect(sent[0].url).toBe(`${h.fake.baseUrl}/v1/test-webhook/payout`);
		expect(sent[0].headers.sign).toBe(signCryptomus(sent[0].body, PAYMENT_KEY));
	});

	it('works on every input item', async () => {
		const { output, sent } = await run([item(), item({ operation: 'wallet', status: 'process' })]);
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sent.map((s) => s.url)).toEqual([`${h.fake.baseUrl}/v1/test-webhook/payment`, `${h.fake.baseUrl}/v1/test-webhook/wallet`]);
	});

	it.each([
		['a too-short callback URL', { urlCallback: 'http:' }, /Callback URL: must be 6 to 150 characters/],
		['a non-URL callback', { urlCallback: 'ftp://example.com/x' }, /Callback URL: must be an http\(s\) URL/],
		['a payout-only status on a payment', { status: 'locked' }, /Status: must be one of/],
		['a bad order id', { additionalFields: { orderId: 'has space' } }, /Order ID: must be 1 to 32/],
		['a bad uuid', { additionalFields: { uuid: 'abc' } }, /UUID: must be a UUID/],
		['an empty currency', { currency: ' ' }, /Currency: is required/],
	])('validates client-side: %s', async (_name, overrides, message) => {
		const before = h.fake.requests.length;
		await expect(run([item(overrides)])).rejects.toThrow(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it.each([
		['unknown uuid', { additionalFields: { uuid: '00000000-0000-0000-0000-000000000000' } }, /Cryptomus rejected the request: Not found payment/],
		['unsupported currency', { currency: 'XXX' }, /Cryptomus rejected the request: Payment service not found/],
	])('turns Cryptomus 422 answers into a NodeApiError: %s', async (_name, overrides, message) => {
		await expect(run([item(overrides)])).rejects.toThrow(message);
	});

	it('names the field of a Cryptomus validation error (422 errors shape)', async () => {
		// the node never sends these fields empty, so reach the fake's field errors with a raw signed request
		const { statusCode, body } = await fetch(`${h.fake.baseUrl}/v1/test-webhook/payment`, {
			method: 'POST',
			headers: { merchant: MERCHANT, sign: signCryptomus('{}', PAYMENT_KEY), 'Content-Type': 'application/json' },
			body: '{}',
		}).then(async (r) => ({ statusCode: r.status, body: (await r.json()) as { errors: Record<string, string[]> } }));
		expect(statusCode).toBe(422);
		const { describeCryptomusError } = await import('../../../nodes/Cryptomus/transport');
		expect(describeCryptomusError(body)).toContain('currency: validation.required');
	});

	it('a wrong API key → NodeApiError pointing at the credential', async () => {
		const result = h.run([item()], { credentials: { paymentApiKey: 'wrong' } });
		await expect(result).rejects.toThrow(/Invalid Sign/);
	});

	it('continue on fail: one error item, the other items still run', async () => {
		const { output } = await run([item({ currency: 'XXX' }), item()], true);
		expect(output[0][0].json).toMatchObject({ success: false });
		expect(String(output[0][0].json.error)).toContain('Payment service not found');
		expect(output[0][1].json).toMatchObject({ success: true });
	});
});

describe('CryptomusApi credential', () => {
	it('authenticate signs an empty body as the empty string and picks the payout key for payout endpoints', async () => {
		const credential = new CryptomusApi();
		const creds = { merchantId: MERCHANT, paymentApiKey: PAYMENT_KEY, payoutApiKey: PAYOUT_KEY, baseUrl: '' };
		const balance = await credential.authenticate(creds, { url: '/v1/balance', method: 'POST' });
		expect(balance.body).toBe('');
		expect(balance.headers?.sign).toBe(signCryptomus('', PAYMENT_KEY));
		const payout = await credential.authenticate(creds, { url: 'https://api.cryptomus.com/v1/payout/info', method: 'POST', body: { uuid: 'a/b' } });
		expect(payout.body).toBe('{"uuid":"a/b"}');
		expect(payout.headers?.sign).toBe(signCryptomus('{"uuid":"a/b"}', PAYOUT_KEY));
		expect(payout.headers?.merchant).toBe(MERCHANT);
	});

	it('has a test request against /v1/balance and password fields for both keys', () => {
		const credential = new CryptomusApi();
		expect(credential.test.request.url).toBe('/v1/balance');
		const secrets = credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		expect(secrets).toEqual(['paymentApiKey', 'payoutApiKey']);
		expect(credential.properties.map((p) => p.name)).toEqual(['merchantId', 'paymentApiKey', 'payoutApiKey', 'baseUrl']);
	});
});

describe('Cryptomus node description', () => {
	const { properties, usableAsTool } = new Cryptomus().description;
	const optionValues = (name: string, resource?: string) =>
		properties
			.filter((p) => p.name === name && (!resource || p.displayOptions?.show?.resource?.includes(resource)))
			.flatMap((p) => (p.options ?? []).map((o) => (o as { value: string }).value));

	it('resources and operations carry the contract names (DESIGN.md), usable as an AI tool', () => {
		expect(usableAsTool).toBe(true);
		expect(optionValues('resource').sort()).toEqual(['balance', 'payment', 'payout', 'testWebhook']);
		expect(optionValues('operation', 'payment').sort()).toEqual(['create', 'get', 'getMany', 'getServices', 'resendWebhook']);
		expect(optionValues('operation', 'payout')).toEqual(['get']);
		expect(optionValues('operation', 'balance')).toEqual(['get']);
		expect(optionValues('operation', 'testWebhook')).toEqual(['payment', 'payout', 'wallet']);
		const createFields = properties.filter((p) => p.displayOptions?.show?.operation?.includes('create')).map((p) => p.name);
		expect(createFields).toEqual(['amount', 'currency', 'orderId', 'additionalFields']);
		const extra = properties.find((p) => p.name === 'additionalFields' && p.displayOptions?.show?.resource?.includes('payment'));
		expect((extra?.options ?? []).map((o) => (o as { name: string }).name).sort()).toEqual(
			[
				'network', 'urlCallback', 'urlReturn', 'urlSuccess', 'lifetime', 'toCurrency', 'additionalData', 'isPaymentMultiple',
				'subtract', 'accuracyPaymentPercent', 'currencies', 'exceptCurrencies', 'courseSource', 'fromReferralCode',
				'discountPercent', 'isRefresh',
			].sort(),
		);
	});

	it('every operation says what it does (action + description), for people and AI agents', () => {
		for (const p of properties.filter((q) => q.name === 'operation')) {
			for (const option of p.options as Array<{ action?: string; description?: string }>) {
				expect(option.action).toBeTruthy();
				expect(String(option.description).length).toBeGreaterThan(20);
			}
		}
	});
});
