/**
 * The OxaPay action node against the fake OxaPay (test/fake-oxapay): the exact request each operation sends (method,
 * URL, headers, body bytes), OxaPay's answers and errors, refusal of bad parameters before anything is sent, and the
 * loop with the OxaPay Trigger — Create with the trigger's URL → the fake's signed callback → the trigger's own
 * webhook() emits the normalized item → Get returns the same payment.
 */
import { OxaPayApi } from '../../../credentials/OxaPayApi.credentials';
import { OxaPay } from '../../../nodes/OxaPay/OxaPay.node';
import { OxaPayTrigger } from '../../../nodes/OxaPayTrigger/OxaPayTrigger.node';
import { signOxaPay } from '../../../nodes/OxaPay/signature';
import { oxaPayAction } from '../../helpers/oxaPayAction';
import { oxaPayTestKeys as keys } from '../../helpers/oxapayFixtures';
import { runWebhook } from '../../helpers/webhookContext';

describe('OxaPay action node against a fake OxaPay', () => {
	const h = oxaPayAction();
	const create = (overrides: Record<string, unknown> = {}) => ({
		resource: 'invoice',
		operation: 'create',
		amount: '10.50',
		currency: 'USDT',
		orderId: 'ORD-1042',
		callbackUrl: h.receiver.url,
		additionalFields: {},
		...overrides,
	});
	const get = (trackId: unknown) => ({ resource: 'payment', operation: 'get', trackId });

	it('Create sends POST /v1/payment/invoice with the merchant_api_key header and the amount exactly as typed', async () => {
		const { output, sent } = await h.run([
			create({
				additionalFields: {
					lifetime: 30,
					feePaidByPayer: '1',
					underPaidCoverage: 2.5,
					toCurrency: 'USDT',
					autoWithdrawal: false,
					mixedPayment: true,
					returnUrl: 'https://shop.example.com/thanks',
					email: 'payer@example.com',
					thanksMessage: 'Thank you — merci',
					description: 'Order #1042 / café',
					sandbox: true,
				},
			}),
		]);
		expect(sent).toHaveLength(1);
		expect(sent[0].options.method).toBe('POST');
		expect(sent[0].url).toBe(`${h.fake.baseUrl}/v1/payment/invoice`);
		expect(sent[0].headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json', merchant_api_key: keys.merchantApiKey });
		expect(sent[0].body).toBe(
			`{"amount":10.50,"currency":"USDT","lifetime":30,"fee_paid_by_payer":1,"under_paid_coverage":2.5,"to_currency":"USDT","auto_withdrawal":false,"mixed_payment":true,"callback_url":"${h.receiver.url}","return_url":"https://shop.example.com/thanks","email":"payer@example.com","order_id":"ORD-1042","thanks_message":"Thank you — merci","description":"Order #1042 / café","sandbox":true}`,
		);
		expect(h.fake.requests[h.fake.requests.length - 1]).toMatchObject({ method: 'POST', url: '/v1/payment/invoice', rawBody: sent[0].body, status: 200 });
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].json).toEqual({
			track_id: expect.stringMatching(/^\d+$/),
			payment_url: expect.stringMatching(/^https:\/\/pay\.oxapay\.com\/\d+\/\d+$/),
			expired_at: expect.any(Number),
			date: expect.any(Number),
		});
	});

	it('only the fields that are set are sent', async () => {
		const { sent } = await h.run([create({ currency: '', orderId: '', callbackUrl: '', amount: '5' })]);
		expect(sent[0].body).toBe('{"amount":5}');
	});

	it('loop: the signed callback passes the OxaPay Trigger (normalized item); Get returns the same payment', async () => {
		const { output } = await h.run([create({ amount: '1000.50' })]);
		const trackId = String(output[0][0].json.track_id);
		const before = h.receiver.requests.length;
		const [paying, paid] = await h.fake.pay(trackId);
		expect([paying.answer, paid.answer]).toEqual([200, 200]);
		const received = h.receiver.requests.slice(before);
		expect(received.map((r) => [r.method, r.url])).toEqual([
			['POST', '/webhook/7a1e9c3d/webhook'],
			['POST', '/webhook/7a1e9c3d/webhook'],
		]);
		expect(received[1].headers.hmac).toBe(signOxaPay(received[1].body, keys.merchantApiKey));
		expect(received[1].body).toContain('"amount":1000.50');

		const items = [];
		for (const request of received) {
			const run = await runWebhook(new OxaPayTrigger(), {
				nodeType: 'n8n-nodes-crypto-webhooks.oxaPayTrigger',
				parameters: {},
				credentials: { oxaPayApi: { ...keys, baseUrl: h.fake.baseUrl } },
				webhookUrl: h.receiver.url,
				request: { method: 'POST', url: request.url, headers: request.headers as Record<string, string>, body: request.body },
			});
			expect([run.response.status, run.response.body]).toEqual([200, 'ok']);
			items.push(...run.items);
		}
		expect(items).toMatchObject([
			{ provider: 'oxapay', event: 'invoice', status: 'Paying', id: trackId, orderId: 'ORD-1042', amount: '1000.50', currency: 'USDT' },
			{ provider: 'oxapay', event: 'invoice', status: 'Paid', state: 'completed', isFinal: true, id: trackId, orderId: 'ORD-1042', amount: '1000.50', signedWith: 'merchant' },
		]);

		const info = await h.run([get(trackId)]);
		expect(info.sent[0]).toMatchObject({ url: `${h.fake.baseUrl}/v1/payment/${trackId}`, body: '' });
		expect(info.sent[0].options.method).toBe('GET');
		expect(info.sent[0].headers.merchant_api_key).toBe(keys.merchantApiKey);
		expect(info.output[0][0].json).toMatchObject({
			track_id: trackId,
			type: 'invoice',
			status: 'paid',
			order_id: 'ORD-1042',
			callback_url: h.receiver.url,
			// a JSON number a JS number cannot print back as sent: kept as its text
			amount: '1000.50',
			currency: 'USDT',
			txs: [{ status: 'confirmed', confirmations: 19 }],
		});
	});

	it.each([
		['an empty amount', { amount: '' }, 'Amount: is required'],
		['a comma decimal', { amount: '10,50' }, 'Amount: use a dot as the decimal separator, e.g. 10.50'],
		['a zero amount', { amount: '0.00' }, 'Amount: must be greater than 0'],
		['an exponent', { amount: '1e3' }, 'Amount: must be a decimal number such as 10 or 10.50'],
		['a currency with a space', { currency: 'US D' }, 'Currency: must be a currency symbol such as USD or USDT'],
		['a callback that is not http(s)', { callbackUrl: 'ftp://x.example.com/cb' }, 'Callback URL: must be an http(s) URL'],
		['a lifetime below 15 minutes', { additionalFields: { lifetime: 10 } }, 'Lifetime (Minutes): must be a whole number from 15 to 2880'],
		['a lifetime above 2880 minutes', { additionalFields: { lifetime: 3000 } }, 'Lifetime (Minutes): must be a whole number from 15 to 2880'],
		['an underpaid coverage above 60', { additionalFields: { underPaidCoverage: 61 } }, 'Under Paid Coverage (%): must be a number from 0 to 60'],
		['an unknown fee option', { additionalFields: { feePaidByPayer: '2' } }, 'Fee Paid By: must be one of 0, 1'],
		['an email without @', { additionalFields: { email: 'payer.example.com' } }, 'Email: must be an email address'],
		['a return URL that is not a URL', { additionalFields: { returnUrl: 'thanks' } }, 'Return URL: must be 10 to 2048 characters long'],
	])('Create refuses %s before sending anything, naming the field', async (_name, overrides, message) => {
		const before = h.fake.requests.length;
		const error = await h.run([create(overrides)]).then(() => undefined, (e: Error) => e);
		expect(error?.message).toContain(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it.each([
		['empty', '', 'Track ID: is required'],
		['with a slash', '12/34', 'Track ID: must be an OxaPay track ID such as 151811887'],
	])('Get refuses a track ID that is %s', async (_name, trackId, message) => {
		const before = h.fake.requests.length;
		await expect(h.run([get(trackId)])).rejects.toThrow(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it('OxaPay errors become node errors naming OxaPay\'s message and field', async () => {
		const unknown = await h.run([get('999')]).then(() => undefined, (e: Error & { httpCode?: string }) => e);
		expect(unknown?.message).toBe('OxaPay rejected the request: Payment not found (track_id)');
		expect(unknown?.httpCode).toBe('404');
		// the field is named once: OxaPay's message already says it
		await expect(h.run([create({ currency: 'XYZ' })])).rejects.toThrow(/^OxaPay rejected the request: Invalid currency$/);
	});

	it('a wrong Merchant API Key (here the payout key) → 401 with a hint at the credential, the key in no message', async () => {
		const error = await h
			.run([create()], { credentials: { merchantApiKey: keys.payoutApiKey } })
			.then(() => undefined, (e: Error & { description?: string }) => e);
		expect(error?.message).toBe('OxaPay rejected the request: Invalid merchant API key (merchant_api_key)');
		expect(error?.description).toContain('Merchant API Key in the OxaPay credential');
		expect(JSON.stringify(error?.message)).not.toContain(keys.payoutApiKey);
	});

	it('an outage page and a silent API → clear errors', async () => {
		h.fake.intercept('/v1/payment/123', { status: 503, body: undefined, raw: '<html>maintenance</html>' });
		h.fake.intercept('/v1/payment/456', 'hang');
		try {
			await expect(h.run([get('123')])).rejects.toThrow('OxaPay answered HTTP 503 with a body that is not OxaPay JSON');
			await expect(h.run([get('456')], { timeoutCapMs: 200 })).rejects.toThrow('OxaPay did not answer within 30 s');
		} finally {
			h.fake.intercept('/v1/payment/123', undefined);
			h.fake.intercept('/v1/payment/456', undefined);
		}
	});

	it('continue on fail: an error item per failing item, the others still run', async () => {
		const { output, sent } = await h.run([create({ amount: 'x' }), get('999'), create()], { continueOnFail: true });
		expect(output[0].map((o) => o.json.success)).toEqual([false, false, undefined]);
		expect(output[0][0].json.error).toBe('Amount: must be a decimal number such as 10 or 10.50');
		expect(output[0][1].json.error).toBe('OxaPay rejected the request: Payment not found (track_id)');
		expect(output[0][2].json.track_id).toEqual(expect.any(String));
		expect(sent).toHaveLength(2);
	});
});

describe('OxaPay node description', () => {
	const { description } = new OxaPay();
	const optionValues = (name: string, resource?: string) =>
		description.properties
			.filter((p) => p.name === name && (!resource || p.displayOptions?.show?.resource?.includes(resource)))
			.flatMap((p) => (p.options ?? []).map((o) => (o as { value: string }).value));

	it('resources and operations carry the contract names; the oxaPayApi credential; usable as an AI tool', () => {
		expect(description.name).toBe('oxaPay');
		expect(description.credentials).toEqual([{ name: 'oxaPayApi', required: true }]);
		expect(description.usableAsTool).toBe(true);
		expect(optionValues('resource')).toEqual(['invoice', 'payment']);
		expect(optionValues('operation', 'invoice')).toEqual(['create']);
		expect(optionValues('operation', 'payment')).toEqual(['get']);
		for (const p of description.properties.filter((q) => q.name === 'operation')) {
			for (const option of p.options as Array<{ action?: string; description?: string }>) {
				expect(option.action).toBeTruthy();
				expect(String(option.description).length).toBeGreaterThan(20);
			}
		}
	});

	it('the credential has a Base URL defaulting to OxaPay\'s (a proxy or the fake can stand in)', () => {
		const baseUrl = new OxaPayApi().properties.find((p) => p.name === 'baseUrl');
		expect(baseUrl?.default).toBe('https://api.oxapay.com');
	});
});
