/**
 * Cryptomus inside a real n8n: Cryptomus Trigger and the Cryptomus action node, installed from the packed tarball.
 * Lanes (start node → … → capture) come from cryptomus.setup.mjs; the harness is documented in harness/index.ts.
 */
import { signCryptomus, signCryptomusWebhookBody } from '../../nodes/Cryptomus/signature';
import { KNOWN_PAYOUT } from '../fake-cryptomus/payments';
import { startFakeCryptomus, type FakeCryptomus } from '../fake-cryptomus/server';
import { cryptomusTestCredentials as keys, readCryptomusFixture } from '../helpers/cryptomusFixtures';
import {
	countExecutions,
	deliver,
	e2eSuite,
	listExecutions,
	waitForExecutions,
	type Json,
} from './harness';

const { run, capture } = e2eSuite();

/** The documented payment example, with a URL and non-ASCII text so PHP-style re-encoding is exercised. */
const paymentJson = readCryptomusFixture('payment-example.unsigned.json')
	.trim()
	.replace('"additional_data":null', '"additional_data":"https:\\/\\/shop.example\\/o\\/42 — café"');
const payment = JSON.parse(paymentJson) as Record<string, unknown>;
const signedPayment = signCryptomusWebhookBody(paymentJson, keys.paymentApiKey);

const payoutJson =
	'{"type":"payout","uuid":"2b852d86-3cf1-43fb-b1bb-36f0b7d12151","order_id":"129359","amount":"207.00000000","merchant_amount":"207.30000000","commission":"0.30000000","is_final":true,"status":"paid","txid":"0xcf8","currency":"USDT","network":"bsc","payer_currency":"USDT","payer_amount":"207.00000000"}';

const ACK = '{"received":true}';

describe('cryptomus', () => {
	it('valid payment webhook → 200 {"received":true}, one execution, normalized item downstream', async () => {
		const r = await deliver(run, capture, run.lane('cryptomus.all'), { body: signedPayment }, { items: 1 });
		expect(r.status).toBe(200);
		expect(r.body).toBe(ACK);
		expect(r.executions).toBe(1);
		expect(r.items).toHaveLength(1);
		const item = r.items[0];
		expect(item).toMatchObject({
			provider: 'cryptomus',
			event: 'payment',
			status: 'paid',
			state: 'completed',
			isFinal: true,
			id: payment.uuid,
			orderId: payment.order_id,
			amount: '3.00000000',
			currency: 'TRX',
			network: 'tron',
			txHash: payment.txid,
			dedupeKey: `${String(payment.uuid)}:paid`,
			signedWith: 'payment',
		});
		expect(typeof item.receivedAt).toBe('string');
		expect(Number.isNaN(Date.parse(String(item.receivedAt)))).toBe(false);
		expect(item.payload).toEqual(JSON.parse(signedPayment));
	});

	it('valid payout webhook signed with the payout key → 200, one execution, signedWith "payout"', async () => {
		const body = signCryptomusWebhookBody(payoutJson, keys.payoutApiKey);
		const r = await deliver(run, capture, run.lane('cryptomus.all'), { body }, { items: 1 });
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([200, ACK, 1, 1]);
		expect(r.items[0]).toMatchObject({
			event: 'payout',
			status: 'paid',
			state: 'completed',
			amount: '207.00000000',
			currency: 'USDT',
			network: 'bsc',
			signedWith: 'payout',
		});
	});

	const JSON_TYPE = { 'content-type': 'application/json' };
	const TEXT_TYPE = { 'content-type': 'text/plain' };
	// Every row has all four values: jest.each treats a test function with more parameters than the row as `done`-style.
	const rejected: Array<[string, number, () => string, Record<string, string>]> = [
		['forged signature (body changed after signing)', 401, () => signedPayment.replace('"3.00000000"', '"300.00000000"'), JSON_TYPE],
		['signed with a wrong key', 401, () => signCryptomusWebhookBody(paymentJson, 'not-the-merchant-key'), JSON_TYPE],
		['missing signature', 401, () => paymentJson, JSON_TYPE],
		['malformed body (not JSON, sent as text/plain)', 400, () => 'type=payment&uuid=62f88b36&sign=abc', TEXT_TYPE],
		['JSON that is not an object', 400, () => '["payment","62f88b36"]', JSON_TYPE],
	];
	it.each(rejected)('%s → HTTP %i, zero executions', async (_name, status, body, headers) => {
		const r = await deliver(run, capture, run.lane('cryptomus.all'), { body: body(), headers });
		expect(r.status).toBe(status);
		expect(r.body).toBe(status === 401 ? 'Unauthorized' : 'Bad Request');
		expect(r.executions).toBe(0);
		expect(r.items).toHaveLength(0);
	});

	it('malformed JSON sent as application/json → refused by n8n before the trigger (4xx), zero executions', async () => {
		const r = await deliver(run, capture, run.lane('cryptomus.all'), { body: '{"type":"payment",' });
		// n8n's own body parser answers (2.41.1: 422 "Failed to parse request body"); the trigger never runs.
		expect(r.status).toBeGreaterThanOrEqual(400);
		expect(r.status).toBeLessThan(500);
		expect(r.executions).toBe(0);
		expect(r.items).toHaveLength(0);
	});

	it('event not selected (payment to a payout-only trigger) → 200, zero executions', async () => {
		const r = await deliver(run, capture, run.lane('cryptomus.payoutOnly'), { body: signedPayment });
		expect([r.status, r.body]).toEqual([200, ACK]);
		expect(r.executions).toBe(0);
		expect(r.items).toHaveLength(0);
	});

	it('same delivery twice through Remove Duplicates (dedupeKey) → captured once', async () => {
		const lane = run.lane('cryptomus.dedupe');
		const first = await deliver(run, capture, lane, { body: signedPayment }, { items: 1 });
		expect([first.status, first.executions, first.items.length]).toEqual([200, 1, 1]);
		// The second delivery is accepted and starts an execution, but Remove Duplicates drops the item.
		const second = await deliver(run, capture, lane, { body: signedPayment }, { executions: 1 });
		expect([second.status, second.body, second.executions, second.items.length]).toEqual([200, ACK, 1, 0]);
		expect(capture.count(lane.captureTag)).toBe(1);
	});

	describe('loop through the fake Cryptomus API', () => {
		let fake: FakeCryptomus;
		beforeAll(async () => {
			fake = await startFakeCryptomus({ ...keys, port: run.port('fakeCryptomus'), perPage: 2 });
		});
		afterAll(async () => {
			await fake?.close();
		});

		it('Cryptomus node asks for a test webhook → fake POSTs it signed → Cryptomus Trigger emits it', async () => {
			const start = run.lane('cryptomus.loopStart');
			const trigger = run.lane('cryptomus.loopTrigger');
			const orderId = `e2e-loop-${Date.now().toString(36)}`;
			const triggerExecutionsBefore = await countExecutions(run, trigger);

			const r = await deliver(run, capture, start, { body: JSON.stringify({ orderId }) }, { items: 1 });
			expect(r.status).toBe(200);
			expect(r.executions).toBe(1);
			// What the action node output: the fake API's answer.
			expect(r.items[0]).toMatchObject({ success: true, webhookType: 'payment', result: [] });

			// The API request the node made, as the fake recorded it (merchant + sign headers were checked there).
			const apiCall = fake.requests.find((q) => q.path === '/v1/test-webhook/payment');
			expect(apiCall).toMatchObject({ status: 200, headers: { merchant: keys.merchantId } });
			expect(JSON.parse(apiCall?.rawBody ?? '{}')).toMatchObject({
				url_callback: trigger.url,
				currency: 'USDT',
				network: 'tron',
				status: 'paid',
				order_id: orderId,
			});

			const [webhook] = await fake.waitForWebhooks(1);
			expect([webhook.url, webhook.answer, webhook.answerBody]).toEqual([trigger.url, 200, ACK]);

			const [item] = (await capture.waitFor(trigger.captureTag, 1)) as Json[];
			expect(item).toMatchObject({
				provider: 'cryptomus',
				event: 'payment',
				status: 'paid',
				state: 'completed',
				orderId,
				currency: 'USDT',
				network: 'tron',
				signedWith: 'payment',
			});
			expect(await waitForExecutions(run, trigger, triggerExecutionsBefore + 1)).toBe(triggerExecutionsBefore + 1);
		});

		it('Create Invoice (url_callback = Cryptomus Trigger) → paid webhook with its uuid → Get Info by orderId → Resend Webhook deduplicated', async () => {
			const orderId = `e2e-inv-${Date.now().toString(36)}`;
			const body = JSON.stringify({ orderId });
			const trigger = run.lane('cryptomus.invoiceTrigger');
			const triggerRuns = await countExecutions(run, trigger);
			const captured = capture.count(trigger.captureTag);

			// 1. Create Invoice: the node's output is the invoice; the request went out signed, amount as entered.
			const created = await deliver(run, capture, run.lane('cryptomus.invoiceCreate'), { body }, { items: 1 });
			expect(created.items).toHaveLength(1);
			const invoice = created.items[0];
			expect(invoice).toMatchObject({ order_id: orderId, amount: '10.50', currency: 'USDT', status: 'check' });
			const apiCall = fake.requests.find((q) => q.path === '/v1/payment' && q.rawBody.includes(orderId));
			expect(apiCall?.status).toBe(200);
			expect(apiCall?.headers.sign).toBe(signCryptomus(apiCall?.rawBody ?? '', keys.paymentApiKey));
			expect(apiCall?.rawBody).toContain('"amount":"10.50"');
			expect(JSON.parse(apiCall?.rawBody ?? '{}')).toMatchObject({ url_callback: trigger.url, network: 'tron', lifetime: 900 });

			// 2. The payer pays: the fake sends the signed webhook to the trigger, which emits `paid` for that uuid.
			const sent = fake.webhooks.length;
			fake.pay({ uuid: String(invoice.uuid) });
			const [paid] = (await fake.waitForWebhooks(sent + 1)).slice(sent);
			expect([paid.url, paid.answer]).toEqual([trigger.url, 200]);
			const [item] = (await capture.waitFor(trigger.captureTag, captured + 1)).slice(captured);
			expect(item).toMatchObject({ provider: 'cryptomus', event: 'payment', status: 'paid', state: 'completed', id: invoice.uuid, orderId, amount: '10.50' });

			// 3. Get Info by orderId: the same invoice, now paid.
			const info = await deliver(run, capture, run.lane('cryptomus.invoiceGet'), { body }, { items: 1 });
			expect(info.items[0]).toMatchObject({ uuid: invoice.uuid, order_id: orderId, status: 'paid', is_final: true });

			// 4. Resend Webhook: Cryptomus delivers the same webhook again; the trigger runs, Remove Duplicates drops it.
			const resent = await deliver(run, capture, run.lane('cryptomus.invoiceResend'), { body }, { items: 1 });
			expect(resent.items[0]).toMatchObject({ success: true, request: { order_id: orderId } });
			const [again] = (await fake.waitForWebhooks(sent + 2)).slice(sent + 1);
			expect([again.body, again.answer]).toEqual([paid.body, 200]);
			expect(await waitForExecutions(run, trigger, triggerRuns + 2)).toBe(triggerRuns + 2);
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			expect(capture.count(trigger.captureTag)).toBe(captured + 1);
		});

		it('Get Many reads every history page (cursor as query parameter); Payout Info signs with the payout key; Balance', async () => {
			for (let i = 0; i < 3; i++) fake.addInvoice();
			const expected = [...fake.invoices].reverse().map((i) => i.uuid);
			const listed = await deliver(run, capture, run.lane('cryptomus.invoiceList'), { body: '{}' }, { items: expected.length });
			expect(listed.items.map((i) => i.uuid)).toEqual(expected);
			const pages = fake.requests.filter((q) => q.path === '/v1/payment/list').slice(-Math.ceil(expected.length / 2));
			expect(pages[0].query).toEqual({});
			expect(pages.slice(1).every((q) => typeof q.query.cursor === 'string' && q.status === 200)).toBe(true);

			const payout = await deliver(run, capture, run.lane('cryptomus.payoutGet'), { body: JSON.stringify({ orderId: KNOWN_PAYOUT.order_id }) }, { items: 1 });
			expect(payout.items).toEqual([KNOWN_PAYOUT]);
			const payoutCall = fake.requests.filter((q) => q.path === '/v1/payout/info').pop();
			expect(payoutCall?.headers.sign).toBe(signCryptomus(payoutCall?.rawBody ?? '', keys.payoutApiKey));

			const balance = await deliver(run, capture, run.lane('cryptomus.balanceGet'), { body: '{}' }, { items: 1 });
			expect(balance.items[0]).toMatchObject({ balance: { merchant: [{ currency_code: 'USDT' }] } });
		});

		it('Create Invoice with a bad Order ID from the incoming data → the execution fails naming the field, nothing sent to Cryptomus', async () => {
			const lane = run.lane('cryptomus.invoiceCreate');
			const apiCalls = fake.requests.length;
			const r = await deliver(run, capture, lane, { body: JSON.stringify({ orderId: 'order 42' }) }, { executions: 1 });
			expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 0]);
			expect(fake.requests.length).toBe(apiCalls);
			const failed = (await listExecutions(run, lane)).filter((e) => e.status === 'error');
			const errors = failed.map((e) => JSON.stringify(e.data?.resultData ?? {}));
			expect(errors.some((text) => text.includes('Order ID: must be 1 to 128 characters: letters, digits, - or _'))).toBe(true);
		});
	});
});
