/**
 * NOWPayments, the loop, inside a real n8n (lanes: nowpayments.setup.mjs): the NOWPayments node creates a payment at
 * the fake NOWPayments API with the live NOWPayments Trigger's Production URL as ipn_callback_url → the fake sends
 * the signed IPN NOWPayments would send → the trigger starts one execution with the normalized item → the node's
 * Get returns the same payment. The trigger's own contract runs in callbacks.e2e.ts (cases/nowpayments.ts).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { startFakeNowPayments, type FakeNowPayments } from '../fake-nowpayments/server';
import { nowPaymentsTestCredentials as creds } from '../helpers/nowpaymentsFixtures';
import { countExecutions, deliver, e2eSuite, listExecutions, waitForExecutions, type Json } from './harness';

const { run, capture } = e2eSuite();

describe('NOWPayments loop', () => {
	let fake: FakeNowPayments;
	beforeAll(async () => {
		fake = await startFakeNowPayments({ ...creds, port: run.port('fakeNowPayments') });
	});
	afterAll(async () => {
		await fake?.close();
	});

	it('Create Payment (ipn_callback_url = the trigger) → signed IPN → one execution with the item → Get returns the same payment', async () => {
		const orderId = `e2e-np-${Date.now().toString(36)}`;
		const trigger = run.lane('nowpayments.ipn');
		const triggerRuns = await countExecutions(run, trigger);
		const captured = capture.count(trigger.captureTag);

		// 1. Create Payment: the node's output is NOWPayments' payment; the request carried the amount as typed.
		const created = await deliver(run, capture, run.lane('nowpayments.create'), { body: JSON.stringify({ orderId, amount: '49.90' }) }, { items: 1 });
		expect([created.status, created.executions, created.items.length]).toEqual([200, 1, 1]);
		const payment = created.items[0];
		expect(payment).toMatchObject({ payment_status: 'waiting', order_id: orderId, price_amount: 49.9, ipn_callback_url: trigger.url });
		const call = fake.requests.find((q) => q.path === '/v1/payment' && q.rawBody.includes(orderId));
		expect(call?.status).toBe(201);
		expect(call?.headers['x-api-key']).toBe(creds.apiKey);
		expect(call?.rawBody).toContain('"price_amount":49.90,');
		expect(JSON.parse(call?.rawBody ?? '{}')).toMatchObject({
			ipn_callback_url: trigger.url,
			order_description: `café order — https://shop.example/o/${orderId}`,
		});

		// 2. The customer pays: the fake sends the signed IPN to the trigger, which starts one execution.
		const sent = fake.ipns.length;
		fake.pay(String(payment.payment_id));
		const [ipn] = (await fake.waitForIpns(sent + 1)).slice(sent);
		expect([ipn.url, ipn.answer, ipn.answerBody]).toEqual([trigger.url, 200, '{"received":true}']);
		const [item] = ((await capture.waitFor(trigger.captureTag, captured + 1)) as Json[]).slice(captured);
		expect(item).toMatchObject({
			provider: 'nowpayments',
			event: 'payment',
			status: 'finished',
			state: 'completed',
			isFinal: true,
			id: String(payment.payment_id),
			orderId,
			amount: '49.9',
			currency: 'usd',
			payCurrency: 'btc',
			dedupeKey: `${String(payment.payment_id)}:finished`,
			signedWith: 'sortedDeep',
		});
		expect(item.payload).toEqual(JSON.parse(ipn.body));
		expect(await waitForExecutions(run, trigger, triggerRuns + 1)).toBe(triggerRuns + 1);

		// 3. Get: the same payment, now finished.
		const got = await deliver(run, capture, run.lane('nowpayments.get'), { body: JSON.stringify({ paymentId: String(payment.payment_id) }) }, { items: 1 });
		expect(got.items[0]).toMatchObject({ payment_id: payment.payment_id, order_id: orderId, payment_status: 'finished', price_amount: 49.9 });
	});

	it('Get Many: a JWT from POST /v1/auth, then the list with Bearer and x-api-key; the created payments are in it', async () => {
		const before = fake.requests.length;
		const listed = await deliver(run, capture, run.lane('nowpayments.list'), { body: '{}' }, { items: fake.payments.length });
		expect(listed.items.map((p) => p.payment_id)).toEqual([...fake.payments].reverse().map((p) => p.payment_id));
		const calls = fake.requests.slice(before);
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v1/auth', 'GET /v1/payment/']);
		expect(calls[0].headers['x-api-key']).toBeUndefined();
		expect(String(calls[1].headers.authorization)).toMatch(/^Bearer fake\./);
	});

	it('Create Payment with a bad amount from the incoming order → the execution fails naming the field, nothing sent', async () => {
		const lane = run.lane('nowpayments.create');
		const calls = fake.requests.length;
		const r = await deliver(run, capture, lane, { body: JSON.stringify({ orderId: 'bad-amount', amount: '49,90' }) }, { executions: 1 });
		expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 0]);
		expect(fake.requests.length).toBe(calls);
		const failed = (await listExecutions(run, lane)).filter((e) => e.status === 'error');
		expect(failed.map((e) => JSON.stringify(e.data?.resultData ?? {})).some((t) => t.includes('Price Amount: use a dot as the decimal separator'))).toBe(true);
	});

	it('the README quick start (docs/providers/nowpayments.md, run as written with bash, openssl and curl) → {"received":true}, one execution', async () => {
		const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'providers', 'nowpayments.md'), 'utf8');
		const block = /<!-- quickstart:begin -->\s*```bash\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
		const script = block.split('\n').map((line) => line.replace(/^ {2}/, '')).join('\n');
		expect(script).toContain('openssl dgst -sha512 -hmac');
		const lane = run.lane('callbacks.nowpayments');
		const before = capture.count(lane.captureTag);
		const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
			env: { PATH: process.env.PATH ?? '', URL: lane.url, SECRET: creds.ipnSecret },
			encoding: 'utf8',
		});
		expect(stdout).toBe('{"received":true}');
		const [item] = ((await capture.waitFor(lane.captureTag, before + 1)) as Json[]).slice(before);
		expect(item).toMatchObject({ provider: 'nowpayments', id: '5800567260', orderId: 'T-1', amount: '20', state: 'completed', signedWith: 'sortedDeep' });
	});
});
