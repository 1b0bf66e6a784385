/**
 * BTCPay Server Trigger, automatic registration, inside a real n8n: what the generic contract (callbacks.e2e.ts, the
 * manual-mode case) cannot express — the webhook's life cycle at the BTCPay Server, driven by n8n's activation.
 *
 * The fake Greenfield API (test/fake-btcpay) runs in this process on the port btcpay.setup.mjs reserved; the workflows
 * start inactive and are switched on and off here through n8n's REST API (harness/activation.ts). Deliveries are sent
 * by the fake exactly as BTCPay sends them (indented JSON, `BTCPay-Sig` with the secret of the webhook it stores) to
 * the URL the node registered. In queue mode that URL is the load balancer in front of the webhook processors, which
 * must verify with the secret the main process stored at activation. Last, the loop with the BTCPay Server action
 * node: create an invoice, BTCPay's signed events reach the trigger, Get returns the same invoice.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { signBtcPayDelivery } from '../../nodes/BtcPayServer/signature';
import { startFakeBtcPay, type Delivery, type FakeBtcPay, type Webhook } from '../fake-btcpay/server';
import { btcpayTestCredentials as keys, fakeBtcPayOptions } from '../helpers/btcpayFixtures';
import { countExecutions, deliver, e2eSuite, n8nLog, send, waitForExecutions, type Json } from './harness';
import { activateWorkflow, deactivateWorkflow, waitForWebhook } from './harness/activation';

const { run, capture } = e2eSuite();
const AUTO = 'e2eBtcPayAutoWf1';
const lane = run.lane('btcpay.auto');

let fake: FakeBtcPay;
beforeAll(async () => {
	fake = await startFakeBtcPay({ ...fakeBtcPayOptions(), port: run.port('fakeBtcPay') });
});
afterAll(async () => {
	await deactivateWorkflow(run, AUTO).catch(() => undefined);
	await deactivateWorkflow(run, 'e2eBtcPayDenyWf1').catch(() => undefined);
	await fake?.close();
});

const registeredHere = (): Webhook[] => fake.webhooks.webhooks.filter((w) => w.url === lane.url);
let counter = 0;
const fresh = () => `bp-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** The members of an InvoiceSettled event for a fresh invoice. */
const settledMembers = (invoiceId: string): Array<[string, unknown]> => [
	['manuallyMarked', false],
	['overPaid', false],
	['storeId', keys.storeId],
	['invoiceId', invoiceId],
	['metadata', { orderId: `order-${invoiceId}`, itemDesc: 'Café ☕' }],
];

/** Has the fake emit an event to the store's webhooks; waits for `items` captured items and the lane's executions. */
async function emitAndCapture(type: string, members: Array<[string, unknown]>, items: number): Promise<{ deliveries: Delivery[]; items: Json[]; executions: number }> {
	const executionsBefore = await countExecutions(run, lane);
	const itemsBefore = capture.count(lane.captureTag);
	const deliveries = await fake.webhooks.emit(keys.storeId, type, members);
	if (items > 0) await capture.waitFor(lane.captureTag, itemsBefore + items, 20_000).catch(() => undefined);
	await waitForExecutions(run, lane, executionsBefore + deliveries.length, 20_000);
	await new Promise((r) => setTimeout(r, 500));
	return {
		deliveries,
		items: capture.items(lane.captureTag).slice(itemsBefore),
		executions: (await countExecutions(run, lane)) - executionsBefore,
	};
}

describe('BTCPay Server Trigger, automatic registration (fake Greenfield API)', () => {
	it('activation registers exactly one webhook at BTCPay Server, for the node\'s URL and the selected events', async () => {
		expect(registeredHere()).toHaveLength(0);
		expect(await activateWorkflow(run, AUTO)).toEqual({ ok: true });
		await waitForWebhook(run, lane, true);
		const here = registeredHere();
		expect(here).toHaveLength(1);
		expect(here[0]).toMatchObject({
			storeId: keys.storeId,
			enabled: true,
			automaticRedelivery: true,
			authorizedEvents: { everything: false, specificEvents: ['InvoiceProcessing', 'InvoiceSettled'] },
		});
		const calls = fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
		expect(calls).toEqual([`GET /api/v1/stores/${keys.storeId}/webhooks 200`, `POST /api/v1/stores/${keys.storeId}/webhooks 200`]);
		expect(fake.requests[1].headers.authorization).toBe(`token ${keys.apiKey}`);
	});

	it('InvoiceSettled signed with the registered secret → 200, one execution, the normalized item', async () => {
		const invoiceId = fresh();
		const r = await emitAndCapture('InvoiceSettled', settledMembers(invoiceId), 1);
		expect(r.deliveries).toHaveLength(1);
		expect(r.deliveries[0]).toMatchObject({ status: 'HttpSuccess', httpCode: 200, answer: '{"received":true}' });
		expect([r.executions, r.items.length]).toEqual([1, 1]);
		expect(r.items[0]).toMatchObject({
			provider: 'btcpay',
			event: 'invoice',
			status: 'InvoiceSettled',
			state: 'completed',
			isFinal: true,
			id: invoiceId,
			orderId: `order-${invoiceId}`,
			amount: null,
			dedupeKey: r.deliveries[0].id,
			deliveryId: r.deliveries[0].id,
			webhookId: registeredHere()[0].id,
			isRedelivery: false,
		});
		expect(r.items[0].payload).toEqual(JSON.parse(r.deliveries[0].body));
	});

	it('BTCPay redelivers it (new deliveryId, same originalDeliveryId) → accepted, Remove Duplicates lets nothing through', async () => {
		const [first] = (await emitAndCapture('InvoiceSettled', settledMembers(fresh()), 1)).deliveries;
		const executionsBefore = await countExecutions(run, lane);
		const itemsBefore = capture.count(lane.captureTag);
		const again = await fake.webhooks.redeliver(first.id);
		expect(again).toMatchObject({ status: 'HttpSuccess', httpCode: 200 });
		expect(JSON.parse(again.body)).toMatchObject({ originalDeliveryId: first.id, isRedelivery: true });
		expect(await waitForExecutions(run, lane, executionsBefore + 1)).toBe(executionsBefore + 1);
		await new Promise((r) => setTimeout(r, 1_000));
		expect(capture.count(lane.captureTag)).toBe(itemsBefore);
	});

	it('events the webhook does not authorize are not even sent; a delivery signed with another secret → 401, nothing starts', async () => {
		expect(await fake.webhooks.emit(keys.storeId, 'InvoiceCreated', [['storeId', keys.storeId], ['invoiceId', fresh()]])).toEqual([]);
		const body = JSON.stringify({ deliveryId: fresh(), type: 'InvoiceSettled', storeId: keys.storeId, invoiceId: fresh() }, null, 2);
		const before = await countExecutions(run, lane);
		const answer = await send(lane.url, { body, headers: { 'btcpay-sig': signBtcPayDelivery(body, keys.otherSecret) } });
		expect([answer.status, answer.body]).toEqual([401, 'Unauthorized']);
		await new Promise((r) => setTimeout(r, 1_500));
		expect(await countExecutions(run, lane)).toBe(before);
	});

	it('queue mode: each webhook processor verifies with the secret the main process stored at activation', async () => {
		const processors = run.queue?.processes.filter((p) => p.role === 'webhook') ?? [];
		if (run.mode !== 'queue') {
			expect(processors).toEqual([]);
			return;
		}
		expect(processors.length).toBeGreaterThanOrEqual(2);
		const [w] = registeredHere();
		for (const processor of processors) {
			const invoiceId = fresh();
			const body = JSON.stringify(Object.fromEntries([['deliveryId', invoiceId], ['webhookId', w.id], ['originalDeliveryId', invoiceId], ['isRedelivery', false], ['type', 'InvoiceSettled'], ['timestamp', 1750000321], ...settledMembers(invoiceId)]), null, 2);
			const itemsBefore = capture.count(lane.captureTag);
			const url = processor.url + new URL(lane.url).pathname.slice(1);
			const answer = await send(url, { body, headers: { 'btcpay-sig': signBtcPayDelivery(body, w.secret) } });
			expect([processor.name, answer.status, answer.body]).toEqual([processor.name, 200, '{"received":true}']);
			const items = await capture.waitFor(lane.captureTag, itemsBefore + 1);
			expect(items[itemsBefore]).toMatchObject({ id: invoiceId, state: 'completed' });
		}
	});

	it('deactivation deletes the webhook at BTCPay Server; n8n stops serving the URL', async () => {
		const [w] = registeredHere();
		expect(await deactivateWorkflow(run, AUTO)).toEqual({ ok: true });
		await waitForWebhook(run, lane, false);
		expect(registeredHere()).toEqual([]);
		expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v1/stores/${keys.storeId}/webhooks/${w.id}`, status: 200 });
	});

	it('re-activation after the webhook was deleted in BTCPay Server registers a new one (checkExists sees it gone)', async () => {
		expect(await activateWorkflow(run, AUTO)).toEqual({ ok: true });
		await waitForWebhook(run, lane, true);
		const [first] = registeredHere();
		// BTCPay is down when the workflow is deactivated: the node keeps its registration to check next time …
		fake.fail('DELETE', /\/webhooks\//, { status: 503, body: { code: 'service-unavailable', message: 'maintenance' } });
		expect(await deactivateWorkflow(run, AUTO)).toEqual({ ok: true });
		expect(registeredHere().map((w) => w.id)).toEqual([first.id]);
		expect(n8nLog(run)).toContain(`could not delete webhook ${first.id}`);
		// … and the merchant deletes the webhook in BTCPay's UI meanwhile.
		fake.webhooks.remove(keys.storeId, first.id);
		const before = fake.requests.length;
		expect(await activateWorkflow(run, AUTO)).toEqual({ ok: true });
		await waitForWebhook(run, lane, true);
		const calls = fake.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`);
		expect(calls[0]).toBe(`GET /api/v1/stores/${keys.storeId}/webhooks/${first.id} 404`);
		const here = registeredHere();
		expect(here).toHaveLength(1);
		expect(here[0].id).not.toBe(first.id);
		expect(here[0].secret).not.toBe(first.secret);

		const r = await emitAndCapture('InvoiceSettled', settledMembers(fresh()), 1);
		expect([r.deliveries[0].status, r.executions, r.items.length]).toEqual(['HttpSuccess', 1, 1]);
		// The old webhook's secret no longer counts.
		const body = JSON.stringify({ deliveryId: fresh(), type: 'InvoiceSettled', storeId: keys.storeId, invoiceId: fresh() }, null, 2);
		expect((await send(lane.url, { body, headers: { 'btcpay-sig': signBtcPayDelivery(body, first.secret) } })).status).toBe(401);
	});

	it('the loop: Create Invoice (action node) → BTCPay sends its signed events → the trigger\'s items → Get returns the same invoice', async () => {
		const orderId = `order-${fresh()}`;
		const created = await deliver(run, capture, run.lane('btcpay.invoiceCreate'), { body: JSON.stringify({ orderId }) }, { items: 1 });
		expect([created.status, created.items.length]).toEqual([200, 1]);
		const invoice = created.items[0];
		expect(invoice).toMatchObject({ amount: '10.50', currency: 'EUR', status: 'New', metadata: { orderId, itemDesc: 'Café ☕, 1 kg', posData: { price: 10.5 } } });
		const stored = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/invoices') && r.rawBody.includes(orderId));
		expect(stored?.rawBody).toBe(`{"amount":"10.50","currency":"EUR","metadata":{"orderId":"${orderId}","itemDesc":"Café ☕, 1 kg","posData": {"price": 10.50}}}`);

		// The payer pays and the payment confirms: of the invoice's events, the webhook authorized InvoiceProcessing
		// and InvoiceSettled (InvoiceCreated, InvoiceReceivedPayment, InvoicePaymentSettled are not sent to it).
		const itemsBefore = capture.count(lane.captureTag);
		const executionsBefore = await countExecutions(run, lane);
		await fake.invoices.pay(String(invoice.id));
		await fake.invoices.settle(String(invoice.id));
		const items = (await capture.waitFor(lane.captureTag, itemsBefore + 2)).slice(itemsBefore);
		expect(await waitForExecutions(run, lane, executionsBefore + 2)).toBe(executionsBefore + 2);
		// (sorted: in queue mode two workers may finish them in either order)
		expect(items.map((i) => [i.status, i.state, i.id, i.orderId]).sort()).toEqual([
			['InvoiceProcessing', 'confirming', invoice.id, orderId],
			['InvoiceSettled', 'completed', invoice.id, orderId],
		]);

		const got = await deliver(run, capture, run.lane('btcpay.invoiceGet'), { body: JSON.stringify({ invoiceId: invoice.id }) }, { items: 1 });
		expect(got.items[0]).toMatchObject({ id: invoice.id, amount: '10.50', currency: 'EUR', status: 'Settled', paidAmount: '10.50', metadata: { orderId } });
	});

	it('activation with an API key that may not manage webhooks is refused, naming the missing permission', async () => {
		const r = await activateWorkflow(run, 'e2eBtcPayDenyWf1');
		expect(r.ok).toBe(false);
		// 1.x answers the activation request 400; 2.x publishes, and reports the trigger's failure in its status.
		expect(r).toMatchObject({ message: expect.stringContaining('Insufficient API Permissions. Please use an API key with permission "btcpay.store.webhooks.canmodifywebhooks"') });
		expect(fake.webhooks.webhooks.filter((w) => w.url === run.lane('btcpay.denied').url)).toEqual([]);
		await deactivateWorkflow(run, 'e2eBtcPayDenyWf1');
	});

	it('the README quick start (manual mode: an openssl one-liner signs a delivery) → {"received":true} HTTP 200, one execution', async () => {
		const script = readFileSync(join(__dirname, '..', 'fixtures', 'btcpay', 'quickstart.sh'), 'utf8');
		expect(readFileSync(join(__dirname, '..', '..', 'docs', 'providers', 'btcpay.md'), 'utf8')).toContain(script.trim());
		const manual = run.lane('callbacks.btcpay');
		const before = await countExecutions(run, manual);
		const { stdout } = await promisify(execFile)('sh', ['-c', script], {
			env: { PATH: process.env.PATH ?? '', URL: manual.url, SECRET: keys.webhookSecret, STORE_ID: keys.storeId },
			encoding: 'utf8',
		});
		expect(stdout).toBe('{"received":true} HTTP 200\n');
		expect(await waitForExecutions(run, manual, before + 1)).toBe(before + 1);
	});
});
