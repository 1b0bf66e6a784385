/**
 * OxaPay inside a real n8n: the OxaPay action node creates an invoice against the fake OxaPay (test/fake-oxapay) with
 * the OxaPay Trigger's Production URL as callback_url; the fake POSTs the callback signed with the merchant key
 * (HMAC-SHA512 of the body); the trigger starts one execution with the normalized item; Payment → Get returns the same
 * payment. Lanes come from oxapay.setup.mjs; the harness is documented in harness/index.ts.
 */
import { signOxaPay } from '../../nodes/OxaPay/signature';
import { startFakeOxaPay, type FakeOxaPay } from '../fake-oxapay/server';
import { oxaPayTestKeys as keys } from '../helpers/oxapayFixtures';
import { countExecutions, deliver, e2eSuite, listExecutions, waitForExecutions, type Json } from './harness';

const { run, capture } = e2eSuite();

describe('oxapay loop: OxaPay node → fake OxaPay → OxaPay Trigger', () => {
	let fake: FakeOxaPay;
	beforeAll(async () => {
		fake = await startFakeOxaPay({ merchantApiKey: keys.merchantApiKey, port: run.port('fakeOxaPay') });
	});
	afterAll(async () => {
		await fake?.close();
	});

	it('Create Invoice (callback_url = Trigger URL) → signed Paid callback → one execution, normalized item → Get returns the same payment', async () => {
		const orderId = `e2e-oxa-${Date.now().toString(36)}`;
		const trigger = run.lane('oxapay.loopTrigger');
		const triggerRuns = await countExecutions(run, trigger);
		const captured = capture.count(trigger.captureTag);

		// 1. Create: the request carried the merchant key and the amount exactly as given; the output is OxaPay's data.
		const created = await deliver(run, capture, run.lane('oxapay.loopCreate'), { body: JSON.stringify({ orderId, amount: '1000.50' }) }, { items: 1 });
		const invoice = created.items[0];
		expect(invoice).toMatchObject({ track_id: expect.any(String), payment_url: expect.stringContaining('https://pay.oxapay.com/') });
		const apiCall = fake.requests.find((q) => q.url === '/v1/payment/invoice' && q.rawBody.includes(orderId));
		expect(apiCall?.headers.merchant_api_key).toBe(keys.merchantApiKey);
		expect(apiCall?.rawBody).toBe(
			`{"amount":1000.50,"currency":"USDT","lifetime":30,"callback_url":"${trigger.url}","order_id":"${orderId}","description":"e2e order"}`,
		);

		// 2. The payer pays: one callback, signed with the merchant key; the trigger answers ok and starts one execution.
		const [callback] = await fake.pay(String(invoice.track_id), ['paid']);
		expect([callback.url, callback.answer, callback.answerBody]).toEqual([trigger.url, 200, 'ok']);
		expect(callback.headers.HMAC).toBe(signOxaPay(callback.body, keys.merchantApiKey));
		const [item] = (await capture.waitFor(trigger.captureTag, captured + 1)).slice(captured) as Json[];
		expect(item).toMatchObject({
			provider: 'oxapay',
			event: 'invoice',
			status: 'Paid',
			state: 'completed',
			isFinal: true,
			id: invoice.track_id,
			orderId,
			amount: '1000.50',
			currency: 'USDT',
			signedWith: 'merchant',
		});
		expect(await waitForExecutions(run, trigger, triggerRuns + 1)).toBe(triggerRuns + 1);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(await countExecutions(run, trigger)).toBe(triggerRuns + 1);

		// 3. Payment → Get by track ID: the same payment, now paid, amount as sent.
		const got = await deliver(run, capture, run.lane('oxapay.loopGet'), { body: JSON.stringify({ trackId: invoice.track_id }) }, { items: 1 });
		expect(got.items[0]).toMatchObject({ track_id: invoice.track_id, order_id: orderId, status: 'paid', amount: '1000.50', currency: 'USDT', callback_url: trigger.url });
	});

	it('Create Invoice with a bad amount from the incoming data → the execution fails naming the field, nothing sent to OxaPay', async () => {
		const lane = run.lane('oxapay.loopCreate');
		const apiCalls = fake.requests.length;
		const r = await deliver(run, capture, lane, { body: JSON.stringify({ orderId: 'bad', amount: '10,50' }) }, { executions: 1 });
		expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 0]);
		expect(fake.requests.length).toBe(apiCalls);
		const failed = (await listExecutions(run, lane)).filter((e) => e.status === 'error');
		expect(failed.some((e) => JSON.stringify(e.data?.resultData ?? {}).includes('Amount: use a dot as the decimal separator'))).toBe(true);
	});

	it('Get of a track ID OxaPay does not know → the execution fails with OxaPay\'s message', async () => {
		const lane = run.lane('oxapay.loopGet');
		const r = await deliver(run, capture, lane, { body: JSON.stringify({ trackId: '999' }) }, { executions: 1 });
		expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 0]);
		const failed = (await listExecutions(run, lane)).filter((e) => e.status === 'error');
		expect(failed.some((e) => JSON.stringify(e.data?.resultData ?? {}).includes('OxaPay rejected the request: Payment not found'))).toBe(true);
	});
});
