/** The fake Greenfield API itself answers like BTCPay Server (what the registration, action node and e2e tests rely on). */
import { createServer, type Server } from 'node:http';

import { verifyBtcPayDelivery } from '../../../nodes/BtcPayServer/signature';
import { startFakeBtcPay, type FakeBtcPay } from '../../fake-btcpay/server';
import { btcpayTestCredentials as keys, fakeBtcPayOptions } from '../../helpers/btcpayFixtures';

let fake: FakeBtcPay;
let receiver: Server;
let receiverUrl: string;
const received: Array<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> = [];
let receiverStatus = 200;

beforeAll(async () => {
	fake = await startFakeBtcPay(fakeBtcPayOptions());
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(receiverStatus).end('{"received":true}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	const address = receiver.address();
	receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhook/abc/webhook`;
});
afterAll(async () => {
	await fake.close();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function call(method: string, path: string, body?: unknown, key: string | null = keys.apiKey) {
	const r = await fetch(`${fake.baseUrl}${path}`, {
		method,
		headers: { ...(key === null ? {} : { Authorization: `token ${key}` }), 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await r.text();
	return { status: r.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const hooks = `/api/v1/stores/${keys.storeId}/webhooks`;

describe('fake BTCPay Greenfield API: authentication and permissions', () => {
	it('no Authorization → 401 unauthenticated; an unknown key → 401 naming it unknown', async () => {
		expect(await call('GET', hooks, undefined, null)).toEqual({
			status: 401,
			body: { code: 'unauthenticated', message: 'Authentication is required for accessing this endpoint' },
		});
		expect(await call('GET', hooks, undefined, 'nope')).toEqual({
			status: 401,
			body: { code: 'unauthenticated', message: 'ApiKey authentication failed: Unknown API Key' },
		});
	});

	it('a key without the webhook permission → 403 missing-permission naming it', async () => {
		const r = await call('GET', hooks, undefined, keys.invoicesOnlyApiKey);
		expect(r.status).toBe(403);
		expect(r.body).toMatchObject({ code: 'missing-permission', missingPermission: 'btcpay.store.webhooks.canmodifywebhooks' });
	});

	it('a key scoped to one store cannot use another (403); an unknown store is 404 store-not-found', async () => {
		expect((await call('GET', `/api/v1/stores/${keys.otherStoreId}/webhooks`)).status).toBe(403);
		expect(await call('GET', '/api/v1/stores/NoSuchStore/webhooks')).toEqual({
			status: 404,
			body: { code: 'store-not-found', message: 'The store was not found' },
		});
	});

	it('api-keys/current answers any valid key with its permissions', async () => {
		expect(await call('GET', '/api/v1/api-keys/current', undefined, keys.webhooksOnlyApiKey)).toEqual({
			status: 200,
			body: { apiKey: keys.webhooksOnlyApiKey, label: 'fake', permissions: [`btcpay.store.webhooks.canmodifywebhooks:${keys.storeId}`] },
		});
	});
});

describe('fake BTCPay Greenfield API: webhooks', () => {
	it('create without a secret → BTCPay generates one (Base58), answered once; reads leave it out', async () => {
		const r = await call('POST', hooks, { url: receiverUrl, authorizedEvents: { everything: false, specificEvents: ['InvoiceSettled'] } }, keys.webhooksOnlyApiKey);
		expect(r.status).toBe(200);
		const created = r.body as { id: string; secret: string };
		expect(created).toMatchObject({ url: receiverUrl, enabled: true, automaticRedelivery: true, authorizedEvents: { everything: false, specificEvents: ['InvoiceSettled'] } });
		expect(created.secret).toMatch(/^[1-9A-HJ-NP-Za-km-z]{22}$/);
		const read = await call('GET', `${hooks}/${created.id}`);
		expect(read.status).toBe(200);
		expect(read.body).not.toHaveProperty('secret');
		expect(((await call('GET', hooks)).body as Array<{ id: string }>).map((w) => w.id)).toContain(created.id);
		expect((await call('DELETE', `${hooks}/${created.id}`)).status).toBe(200);
	});

	it('a given secret is kept; an unknown webhook is 404 webhook-not-found; a relative URL is 422', async () => {
		const r = await call('POST', hooks, { url: receiverUrl, secret: keys.webhookSecret });
		expect((r.body as { secret: string }).secret).toBe(keys.webhookSecret);
		expect(await call('GET', `${hooks}/NoSuchWebhook`)).toEqual({ status: 404, body: { code: 'webhook-not-found', message: 'The webhook was not found' } });
		expect(await call('DELETE', `${hooks}/NoSuchWebhook`)).toEqual({ status: 404, body: { code: 'webhook-not-found', message: 'The webhook was not found' } });
		expect(await call('POST', hooks, { url: '/relative' })).toEqual({ status: 422, body: [{ path: 'Url', message: 'Invalid Url' }] });
		expect(await call('DELETE', `${hooks}/${(r.body as { id: string }).id}`)).toEqual({ status: 200, body: undefined });
	});

	it('sends each event as indented JSON signed with the webhook\'s secret; only events it authorized; redelivery keeps originalDeliveryId', async () => {
		received.length = 0;
		const only = (await call('POST', hooks, { url: receiverUrl, secret: keys.webhookSecret, authorizedEvents: { everything: false, specificEvents: ['InvoiceSettled'] } })).body as { id: string };
		const sent = await fake.webhooks.emit(keys.storeId, 'InvoiceCreated', [['storeId', keys.storeId], ['invoiceId', 'inv1']]);
		expect(sent).toHaveLength(0);
		const [delivery] = await fake.webhooks.emit(keys.storeId, 'InvoiceSettled', [['manuallyMarked', false], ['overPaid', false], ['storeId', keys.storeId], ['invoiceId', 'inv1']]);
		expect(received).toHaveLength(1);
		const { headers, body } = received[0];
		expect(headers['content-type']).toBe('application/json');
		expect(body.toString()).toBe(delivery.body);
		expect(body.toString()).toMatch(/^\{\n {2}"deliveryId": "[1-9A-HJ-NP-Za-km-z]{22}",\n {2}"webhookId": /);
		expect(verifyBtcPayDelivery(body, String(headers['btcpay-sig']), keys.webhookSecret).ok).toBe(true);
		const event = JSON.parse(body.toString()) as Record<string, unknown>;
		expect(event).toMatchObject({ webhookId: only.id, originalDeliveryId: event.deliveryId, isRedelivery: false, type: 'InvoiceSettled', invoiceId: 'inv1' });
		expect(delivery).toMatchObject({ status: 'HttpSuccess', httpCode: 200 });

		const redeliver = await call('POST', `${hooks}/${only.id}/deliveries/${delivery.id}/redeliver`);
		expect(redeliver.status).toBe(200);
		await fake.webhooks.waitForDeliveries(fake.webhooks.deliveries.indexOf(delivery) + 2);
		const again = JSON.parse(received[1].body.toString()) as Record<string, unknown>;
		expect(again).toMatchObject({ deliveryId: redeliver.body, originalDeliveryId: event.deliveryId, isRedelivery: true, timestamp: event.timestamp });
		expect(verifyBtcPayDelivery(received[1].body, String(received[1].headers['btcpay-sig']), keys.webhookSecret).ok).toBe(true);
		await call('DELETE', `${hooks}/${only.id}`);
	});

	it('records a receiver\'s refusal as HttpError (what BTCPay shows as a failed delivery)', async () => {
		receiverStatus = 401;
		const w = (await call('POST', hooks, { url: receiverUrl })).body as { id: string };
		const [delivery] = await fake.webhooks.emit(keys.storeId, 'InvoiceExpired', [['storeId', keys.storeId]]);
		expect(delivery).toMatchObject({ status: 'HttpError', httpCode: 401, errorMessage: 'HTTP Error Code 401' });
		const list = await call('GET', `${hooks}/${w.id}/deliveries`);
		expect(list.body).toEqual([expect.objectContaining({ id: delivery.id, status: 'HttpError', httpCode: 401 })]);
		receiverStatus = 200;
		await call('DELETE', `${hooks}/${w.id}`);
	});

	it('PUT replaces the webhook, the secret included (no secret sent: an empty one, as BTCPay does)', async () => {
		const w = (await call('POST', hooks, { url: receiverUrl, secret: keys.webhookSecret })).body as { id: string };
		expect((await call('PUT', `${hooks}/${w.id}`, { url: receiverUrl, enabled: false })).body).toMatchObject({ enabled: false });
		expect(fake.webhooks.find(keys.storeId, w.id)?.secret).toBe('');
		await call('DELETE', `${hooks}/${w.id}`);
	});

	it('fail() makes the next matching call answer an error once', async () => {
		fake.fail('GET', /\/webhooks$/, { status: 500, body: { code: 'generic-error', message: 'boom' } });
		expect((await call('GET', hooks)).status).toBe(500);
		expect((await call('GET', hooks)).status).toBe(200);
	});
});

describe('fake BTCPay Greenfield API: invoices', () => {
	const invoices = `/api/v1/stores/${keys.storeId}/invoices`;

	it('create keeps the amount as sent, sends InvoiceCreated; get and list find it by id, order id and status', async () => {
		const r = await call('POST', invoices, '{"amount":"10.50","currency":"EUR","metadata":{"orderId":"o-77"},"checkout":{"expirationMinutes":30}}', keys.invoicesOnlyApiKey);
		expect(r.status).toBe(200);
		const invoice = r.body as { id: string; checkoutLink: string };
		expect(invoice).toMatchObject({ amount: '10.50', currency: 'EUR', status: 'New', metadata: { orderId: 'o-77' }, checkout: { expirationMinutes: 30 } });
		expect(invoice.checkoutLink).toBe(`${fake.baseUrl}/i/${invoice.id}`);
		expect((await call('GET', `${invoices}/${invoice.id}`, undefined, keys.invoicesOnlyApiKey)).body).toEqual(invoice);
		expect((await call('GET', `${invoices}?orderId=o-77&status=New&status=Settled`)).body).toEqual([invoice]);
		expect((await call('GET', `${invoices}?orderId=other`)).body).toEqual([]);
		expect(await call('GET', `${invoices}/NoSuchInvoice`)).toEqual({ status: 404, body: { code: 'invoice-not-found', message: 'The invoice was not found' } });
	});

	it('validation: a negative amount, a short expiration, a tolerance over 100, an unknown payment method → 422 by path', async () => {
		const r = await call('POST', invoices, { amount: '-1', checkout: { expirationMinutes: 0.1, paymentTolerance: 101, paymentMethods: ['DOGE'] } });
		expect(r).toEqual({
			status: 422,
			body: [
				{ path: 'amount', message: 'The amount should be 0 or more.' },
				{ path: 'checkout.paymentMethods[0]', message: 'Invalid PaymentMethodId' },
				{ path: 'checkout.expirationMinutes', message: 'Expiration time must be at least 30 seconds' },
				{ path: 'checkout.paymentTolerance', message: 'PaymentTolerance can only be between 0 and 100 percent' },
			],
		});
	});

	it('create needs btcpay.store.cancreateinvoice; a webhooks-only key → 403', async () => {
		const r = await call('POST', invoices, { amount: '1' }, keys.webhooksOnlyApiKey);
		expect(r.body).toMatchObject({ code: 'missing-permission', missingPermission: 'btcpay.store.cancreateinvoice' });
	});

	it('pay() and settle() send the invoice\'s life to its store\'s webhooks and update its status', async () => {
		received.length = 0;
		const w = (await call('POST', hooks, { url: receiverUrl, secret: keys.webhookSecret })).body as { id: string };
		const invoice = (await call('POST', invoices, { amount: '5', metadata: { orderId: 'o-9' } })).body as { id: string };
		await fake.invoices.pay(invoice.id);
		await fake.invoices.settle(invoice.id);
		const types = received.map((r) => (JSON.parse(r.body.toString()) as { type: string }).type);
		expect(types).toEqual(expect.arrayContaining(['InvoiceReceivedPayment', 'InvoiceProcessing', 'InvoicePaymentSettled', 'InvoiceSettled']));
		expect(types.indexOf('InvoiceSettled')).toBeGreaterThan(types.indexOf('InvoiceProcessing'));
		expect((await call('GET', `${invoices}/${invoice.id}`)).body).toMatchObject({ status: 'Settled', paidAmount: '5' });
		await call('DELETE', `${hooks}/${w.id}`);
	});
});
