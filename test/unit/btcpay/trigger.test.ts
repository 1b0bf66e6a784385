/** BTCPay Server Trigger `webhook()` inside n8n-core's real WebhookContext: manual mode (credential secret) and automatic mode (static data). */
import { BtcPayServerTrigger } from '../../../nodes/BtcPayServerTrigger/BtcPayServerTrigger.node';
import { signBtcPayDelivery } from '../../../nodes/BtcPayServer/signature';
import { btcpayTestCredentials as keys, btcpayVectors, readBtcPayBody } from '../../helpers/btcpayFixtures';
import { runActivation, runWebhook, type MockSetup } from '../../helpers/webhookContext';

/** The first delivery of the InvoiceSettled fixture: its id, and the originalDeliveryId of its redelivery. */
const SETTLED_DELIVERY = 'Xk2LcQw7Rr3Tz8YpHnM4aB';

const trigger = new BtcPayServerTrigger();
const settled = readBtcPayBody('invoice-settled.body.json');
const settledSig = btcpayVectors['invoice-settled.body.json'];

const credential = { serverUrl: 'https://btcpay.example.com', apiKey: '', storeId: keys.storeId, webhookSecret: keys.webhookSecret };

function setup(body: string | undefined, signature: string | undefined, overrides: Partial<MockSetup> = {}, parameters: Record<string, unknown> = {}): MockSetup {
	return {
		nodeType: 'n8n-nodes-crypto-webhooks.btcPayServerTrigger',
		typeVersion: 1.1,
		parameters: { registration: 'manual', events: ['*'], options: {}, ...parameters },
		credentials: { btcPayServerApi: credential },
		request: {
			body,
			headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'btcpay-sig': signature }) },
		},
		...overrides,
	};
}

describe('BTCPay Server Trigger webhook(), manual registration', () => {
	it('valid delivery → 200 {"received":true} and one normalized item with the BTCPay extras', async () => {
		const run = await runWebhook(trigger, setup(settled, settledSig));
		expect([run.response.status, run.response.body]).toEqual([200, '{"received":true}']);
		expect(run.response.headers['content-type']).toMatch(/^application\/json/);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			provider: 'btcpay',
			event: 'invoice',
			status: 'InvoiceSettled',
			state: 'completed',
			isFinal: true,
			id: 'LfYbn7Sw2XyG6AuVJ3kt8R',
			orderId: 'order-1042',
			amount: null,
			currency: null,
			dedupeKey: SETTLED_DELIVERY,
			deliveryId: 'Xk2LcQw7Rr3Tz8YpHnM4aB',
			originalDeliveryId: 'Xk2LcQw7Rr3Tz8YpHnM4aB',
			isRedelivery: false,
			isTest: false,
			storeId: keys.storeId,
			webhookId: 'Q2Hb9Xy5ZDj7mA3wC4tUkE',
		});
		expect(run.items[0].payload).toEqual(JSON.parse(settled));
		expect(new Date(String(run.items[0].receivedAt)).toISOString()).toBe(run.items[0].receivedAt);
	});

	it('a redelivery is accepted again (any 2xx stops BTCPay\'s retries) and carries the same dedupeKey', async () => {
		const body = readBtcPayBody('invoice-settled-redelivery.body.json');
		const run = await runWebhook(trigger, setup(body, btcpayVectors['invoice-settled-redelivery.body.json']));
		expect(run.items[0]).toMatchObject({ dedupeKey: SETTLED_DELIVERY, isRedelivery: true, deliveryId: '9vUeF3kqJm2ZtXh7sCpW4d' });
	});

	it.each([
		['signed with another secret', settled, () => signBtcPayDelivery(settled, keys.otherSecret), 'mismatch'],
		['body changed after signing', settled.replace('"overPaid": false', '"overPaid": true'), () => settledSig, 'mismatch'],
		['re-serialized body', JSON.stringify(JSON.parse(settled)), () => settledSig, 'mismatch'],
		['no BTCPay-Sig', settled, () => undefined, 'missing_signature'],
		['digest without sha256=', settled, () => settledSig.slice(7), 'bad_format'],
	])('%s → 401 Unauthorized, nothing starts, the reason logged', async (_title, body, sig, reason) => {
		const run = await runWebhook(trigger, setup(body, sig()));
		expect([run.response.status, run.response.body, run.items.length]).toEqual([401, 'Unauthorized', 0]);
		expect(run.logs.some((l) => l.level === 'warn' && l.message.includes(reason))).toBe(true);
		expect(JSON.stringify(run.logs)).not.toContain(keys.webhookSecret);
	});

	it('a delivery without a usable signature is refused before the credential is read', async () => {
		const run = await runWebhook(trigger, setup(settled, 'sha256=zz', { credentials: { btcPayServerApi: new Error('must not be read') } }));
		expect(run.response.status).toBe(401);
		expect(run.logs.some((l) => l.message.includes('bad_format'))).toBe(true);
	});

	it('no credential, or one without a Webhook Secret → 401 (fail closed)', async () => {
		const missing = await runWebhook(trigger, setup(settled, settledSig, { credentials: { btcPayServerApi: new Error('gone') } }));
		expect([missing.response.status, missing.items.length]).toEqual([401, 0]);
		const empty = await runWebhook(trigger, setup(settled, settledSig, { credentials: { btcPayServerApi: { ...credential, webhookSecret: ' ' } } }));
		expect([empty.response.status, empty.items.length]).toEqual([401, 0]);
		expect(empty.logs.some((l) => l.message.includes('no_key_configured'))).toBe(true);
	});

	it('an event not selected → 200 ack, nothing starts', async () => {
		const run = await runWebhook(trigger, setup(settled, settledSig, {}, { events: ['InvoiceExpired', 'InvoiceInvalid'] }));
		expect([run.response.status, run.response.body, run.items.length]).toEqual([200, '{"received":true}', 0]);
	});

	it('a delivery for another store (the secret reused there) → ack, nothing starts, store_mismatch logged', async () => {
		const run = await runWebhook(trigger, setup(settled, settledSig, { credentials: { btcPayServerApi: { ...credential, storeId: keys.otherStoreId } } }));
		expect([run.response.status, run.items.length]).toEqual([200, 0]);
		expect(run.logs.some((l) => l.level === 'warn' && JSON.stringify(l.meta).includes('store_mismatch'))).toBe(true);
	});

	it('valid signature over a body that is not a BTCPay event → 400', async () => {
		for (const body of ['not json', '{"deliveryId":"x"}']) {
			const run = await runWebhook(trigger, setup(body, signBtcPayDelivery(body, keys.webhookSecret)));
			expect([run.response.status, run.response.body, run.items.length]).toEqual([400, 'Bad Request', 0]);
		}
	});

	it('Include Raw Payload off → no payload; IP allowlist → 403 for others', async () => {
		const plain = await runWebhook(trigger, setup(settled, settledSig, {}, { options: { includePayload: false } }));
		expect(plain.items[0]).not.toHaveProperty('payload');
		const blocked = await runWebhook(trigger, setup(settled, settledSig, {}, { options: { ipAllowlist: '203.0.113.0/24' } }));
		expect([blocked.response.status, blocked.items.length]).toEqual([403, 0]);
	});

	it('activation refuses a credential without Webhook Secret, naming it; accepts one with it', async () => {
		await expect(runActivation(trigger, setup(undefined, undefined, { credentials: { btcPayServerApi: { ...credential, webhookSecret: '' } } }))).rejects.toThrow(
			/no Webhook Secret/,
		);
		await expect(runActivation(trigger, setup(undefined, undefined))).resolves.toBe(true);
		await expect(runActivation(trigger, setup(undefined, undefined, {}, { events: [] }))).rejects.toThrow(/No events are selected/);
		await expect(runActivation(trigger, setup(undefined, undefined, {}, { options: { ipAllowlist: 'not an ip' } }))).rejects.toThrow();
	});
});

describe('BTCPay Server Trigger webhook(), automatic registration (secret in static data)', () => {
	const registered = { 'node:Trigger': { webhookId: 'Q2Hb9Xy5ZDj7mA3wC4tUkE', webhookSecret: keys.webhookSecret, storeId: keys.storeId, serverUrl: 'https://btcpay.example.com' } };

	it('verifies with the secret stored at activation, without reading the credential', async () => {
		const run = await runWebhook(
			trigger,
			setup(settled, settledSig, { staticData: structuredClone(registered), credentials: { btcPayServerApi: new Error('not needed') } }, { registration: 'automatic' }),
		);
		expect([run.response.status, run.items.length]).toEqual([200, 1]);
	});

	it('the credential\'s Webhook Secret does not count in automatic mode; without a registration → 401', async () => {
		const run = await runWebhook(trigger, setup(settled, settledSig, { staticData: {} }, { registration: 'automatic' }));
		expect([run.response.status, run.items.length]).toEqual([401, 0]);
		expect(run.logs.some((l) => l.message.includes('no registered webhook'))).toBe(true);
	});

	it('a delivery signed with another secret (e.g. an older registration\'s) → 401', async () => {
		const run = await runWebhook(
			trigger,
			setup(settled, signBtcPayDelivery(settled, keys.otherSecret), { staticData: structuredClone(registered) }, { registration: 'automatic' }),
		);
		expect([run.response.status, run.items.length]).toEqual([401, 0]);
	});
});
