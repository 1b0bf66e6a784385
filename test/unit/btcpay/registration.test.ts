/**
 * The BTCPay Server Trigger's automatic registration (webhookMethods checkExists / create / delete) in n8n-core's real
 * HookContext, against the fake Greenfield API: the exact requests, the static data, and the life cycle n8n drives.
 */
import type { IDataObject } from 'n8n-workflow';

import { BtcPayServerApi } from '../../../credentials/BtcPayServerApi.credentials';
import { BtcPayServerTrigger } from '../../../nodes/BtcPayServerTrigger/BtcPayServerTrigger.node';
import { startFakeBtcPay, type FakeBtcPay } from '../../fake-btcpay/server';
import { btcpayTestCredentials as keys, fakeBtcPayOptions } from '../../helpers/btcpayFixtures';
import type { SentRequest } from '../../helpers/executeContext';
import { runHook, runWebhook, type MockSetup } from '../../helpers/webhookContext';

const trigger = new BtcPayServerTrigger();
// The fake delivers to loopback only; nothing listens here, which is fine for registration (deliveries are checked below).
const URL_A = 'http://127.0.0.1:9/webhook/5f1c0a52-8f0b-4a39-9d0e-6b1b3c6a0001/webhook';

let fake: FakeBtcPay;
beforeAll(async () => {
	fake = await startFakeBtcPay(fakeBtcPayOptions());
});
afterAll(() => fake.close());
beforeEach(() => {
	fake.webhooks.webhooks.length = 0;
	fake.requests.length = 0;
});

interface Session {
	staticData: IDataObject;
	sent: SentRequest[];
	setup(parameters?: Record<string, unknown>, credential?: Record<string, string>, webhookUrl?: string): MockSetup;
}

function session(): Session {
	const staticData: IDataObject = {};
	const sent: SentRequest[] = [];
	return {
		staticData,
		sent,
		setup: (parameters = {}, credential = {}, webhookUrl = URL_A) => ({
			nodeType: 'n8n-nodes-crypto-webhooks.btcPayServerTrigger',
			typeVersion: 1.1,
			parameters: { registration: 'automatic', events: ['InvoiceSettled', 'InvoiceExpired'], options: {}, ...parameters },
			credentials: { btcPayServerApi: { serverUrl: `${fake.baseUrl}/`, apiKey: keys.webhooksOnlyApiKey, storeId: keys.storeId, webhookSecret: '', ...credential } },
			credentialTypes: [new BtcPayServerApi()],
			staticData,
			sent,
			webhookUrl,
		}),
	};
}

const registered = (s: Session) => s.staticData['node:Trigger'] as IDataObject | undefined;
const ours = () => fake.webhooks.webhooks.filter((w) => w.url === URL_A);

/** n8n's activation: create only when checkExists says no. */
async function activate(s: Session, parameters?: Record<string, unknown>): Promise<void> {
	if (!(await runHook(trigger, s.setup(parameters), 'checkExists')).result) await runHook(trigger, s.setup(parameters), 'create');
}

describe('BTCPay Server Trigger: automatic registration', () => {
	it('activation creates exactly one webhook with the selected events and stores its id and secret', async () => {
		const s = session();
		await activate(s);
		expect(ours()).toHaveLength(1);
		const [w] = ours();
		expect(w).toMatchObject({ enabled: true, automaticRedelivery: true, authorizedEvents: { everything: false, specificEvents: ['InvoiceExpired', 'InvoiceSettled'] } });
		expect(registered(s)).toEqual({ webhookId: w.id, webhookSecret: w.secret, serverUrl: fake.baseUrl, storeId: keys.storeId });
		expect(w.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

		// The exact requests: list (leftovers), then create; `Authorization: token <key>`, JSON body as sent.
		expect(s.sent.map((r) => `${r.options.method} ${r.url}`)).toEqual([
			`GET ${fake.baseUrl}/api/v1/stores/${keys.storeId}/webhooks`,
			`POST ${fake.baseUrl}/api/v1/stores/${keys.storeId}/webhooks`,
		]);
		expect(s.sent[1].headers).toMatchObject({ Authorization: `token ${keys.webhooksOnlyApiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' });
		expect(JSON.parse(s.sent[1].body)).toEqual({
			enabled: true,
			automaticRedelivery: true,
			url: URL_A,
			authorizedEvents: { everything: false, specificEvents: ['InvoiceExpired', 'InvoiceSettled'] },
			secret: w.secret,
		});
	});

	it('"Every Event" registers authorizedEvents.everything', async () => {
		const s = session();
		await activate(s, { events: ['*'] });
		expect(ours()[0].authorizedEvents).toEqual({ everything: true, specificEvents: [] });
	});

	it('checkExists: true while the webhook is there as needed; a second activation creates nothing', async () => {
		const s = session();
		await activate(s);
		expect((await runHook(trigger, s.setup(), 'checkExists')).result).toBe(true);
		await activate(s);
		expect(ours()).toHaveLength(1);
	});

	it('a webhook deleted in BTCPay Server → checkExists false, re-activation registers a new one with a new secret', async () => {
		const s = session();
		await activate(s);
		const [first] = ours();
		fake.webhooks.remove(keys.storeId, first.id);
		const check = await runHook(trigger, s.setup(), 'checkExists');
		expect(check.result).toBe(false);
		expect(registered(s)).toEqual({});
		await runHook(trigger, s.setup(), 'create');
		expect(ours()).toHaveLength(1);
		expect(ours()[0].id).not.toBe(first.id);
		expect(registered(s)?.webhookSecret).toBe(ours()[0].secret);
	});

	it.each([
		['other events selected in the node', (s: Session) => runHook(trigger, s.setup({ events: ['InvoiceSettled'] }), 'checkExists')],
		['the webhook switched off in BTCPay', (s: Session) => {
			ours()[0].enabled = false;
			return runHook(trigger, s.setup(), 'checkExists');
		}],
		['the webhook pointed elsewhere in BTCPay', (s: Session) => {
			ours()[0].url = 'https://elsewhere.example.com/hook';
			return runHook(trigger, s.setup(), 'checkExists');
		}],
	])('%s → checkExists false and the old webhook deleted (a new one follows)', async (_title, change) => {
		const s = session();
		await activate(s);
		const [first] = fake.webhooks.webhooks;
		expect((await change(s)).result).toBe(false);
		expect(fake.webhooks.webhooks.find((w) => w.id === first.id)).toBeUndefined();
		expect(registered(s)).toEqual({});
	});

	it('deactivation deletes the webhook and forgets it; deleting again (or one gone already) is fine', async () => {
		const s = session();
		await activate(s);
		expect((await runHook(trigger, s.setup(), 'delete')).result).toBe(true);
		expect(ours()).toHaveLength(0);
		expect(registered(s)).toEqual({});
		expect((await runHook(trigger, s.setup(), 'delete')).result).toBe(true);

		await activate(s);
		fake.webhooks.remove(keys.storeId, ours()[0].id);
		expect((await runHook(trigger, s.setup(), 'delete')).result).toBe(true);
		expect(registered(s)).toEqual({});
	});

	it('a delete BTCPay refuses keeps the registration, so the next activation checks (and reuses) it', async () => {
		const s = session();
		await activate(s);
		const [w] = ours();
		fake.fail('DELETE', /\/webhooks\//, { status: 500, body: { code: 'generic-error', message: 'down' } });
		const run = await runHook(trigger, s.setup(), 'delete');
		expect(run.result).toBe(false);
		expect(run.logs.some((l) => l.level === 'warn' && l.message.includes(w.id))).toBe(true);
		expect(registered(s)?.webhookId).toBe(w.id);
		await activate(s);
		expect(ours().map((x) => x.id)).toEqual([w.id]);
	});

	it.each([
		['BTCPay down while n8n starts (5xx)', { status: 503, body: { code: 'service-unavailable', message: 'maintenance' } }],
		['the API key revoked since (401)', { status: 401, body: { code: 'unauthenticated', message: 'ApiKey authentication failed: Unknown API Key' } }],
	])('%s → checkExists keeps the registration (its secret still verifies), logs a warning', async (_title, answer) => {
		const s = session();
		await activate(s);
		const before = { ...registered(s) };
		fake.fail('GET', /\/webhooks\/[^/]+$/, answer);
		const run = await runHook(trigger, s.setup(), 'checkExists');
		expect(run.result).toBe(true);
		expect(registered(s)).toEqual(before);
		expect(run.logs.some((l) => l.level === 'warn' && l.message.includes('keeping it'))).toBe(true);
	});

	it('BTCPay unreachable while n8n starts → the registration is kept', async () => {
		const s = session();
		await activate(s);
		const run = await runHook(trigger, s.setup({}, {}), 'checkExists');
		expect(run.result).toBe(true);
		const unreachable = session();
		unreachable.staticData['node:Trigger'] = { ...registered(s) };
		(unreachable.staticData['node:Trigger'] as IDataObject).serverUrl = 'http://127.0.0.1:9';
		const down = await runHook(trigger, unreachable.setup({}, { serverUrl: 'http://127.0.0.1:9' }), 'checkExists');
		expect(down.result).toBe(true);
		expect(down.logs.some((l) => l.level === 'warn' && l.message.includes('Could not reach BTCPay Server'))).toBe(true);
	});

	it('registrations of this node left in BTCPay (static data lost) are deleted before creating: still exactly one', async () => {
		fake.webhooks.create(keys.storeId, { url: URL_A });
		fake.webhooks.create(keys.storeId, { url: 'https://someone-else.example.com/hook' });
		const s = session();
		await activate(s);
		expect(ours()).toHaveLength(1);
		expect(fake.webhooks.webhooks).toHaveLength(2);
	});

	it('a delivery BTCPay sends to the registered webhook verifies with the stored secret; the old one after re-registration does not', async () => {
		const s = session();
		await activate(s);
		const [w] = ours();
		w.url = 'http://127.0.0.1:9/unused'; // deliver nowhere; take the signed bytes from the record
		const [delivery] = await fake.webhooks.emit(keys.storeId, 'InvoiceSettled', [['manuallyMarked', false], ['overPaid', false], ['storeId', keys.storeId], ['invoiceId', 'inv42'], ['metadata', { orderId: 'o-42' }]]);
		w.url = URL_A;
		const request = { body: delivery.body, headers: { 'content-type': 'application/json', 'btcpay-sig': delivery.signature } };
		const accepted = await runWebhook(trigger, { ...s.setup(), request });
		expect([accepted.response.status, accepted.items.length]).toEqual([200, 1]);
		expect(accepted.items[0]).toMatchObject({ status: 'InvoiceSettled', id: 'inv42', orderId: 'o-42', webhookId: w.id, dedupeKey: delivery.id });

		fake.webhooks.remove(keys.storeId, w.id);
		await activate(s);
		const stale = await runWebhook(trigger, { ...s.setup(), request });
		expect([stale.response.status, stale.items.length]).toEqual([401, 0]);
	});
});

describe('BTCPay Server Trigger: activation errors name what to fix', () => {
	it.each([
		['an empty Server URL', { serverUrl: '' }, /Server URL is empty/],
		['a Server URL that is not http(s)', { serverUrl: 'btcpay.example.com' }, /Server URL must be an http\(s\) address/],
		['an empty API Key', { apiKey: '' }, /API Key is empty/],
		['an empty Store ID', { storeId: '' }, /Store ID is empty/],
	])('%s → refused before any request', async (_title, credential, message) => {
		const s = session();
		await expect(runHook(trigger, s.setup({}, credential), 'create')).rejects.toThrow(message);
		expect(s.sent).toHaveLength(0);
	});

	it('an unknown API key → BTCPay\'s 401 message and where to look', async () => {
		const s = session();
		const error = await runHook(trigger, s.setup({}, { apiKey: 'not-a-key' }), 'create').catch((e: Error & { description?: string }) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe(`BTCPay Server rejected GET /api/v1/stores/${keys.storeId}/webhooks: ApiKey authentication failed: Unknown API Key`);
		expect((error as { description?: string }).description).toMatch(/Check the API Key/);
	});

	it('a key without the webhook permission → the missing permission named', async () => {
		const s = session();
		const error = (await runHook(trigger, s.setup({}, { apiKey: keys.invoicesOnlyApiKey }), 'create').catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toMatch(/Insufficient API Permissions\. Please use an API key with permission "btcpay\.store\.webhooks\.canmodifywebhooks"/);
		expect(error.description).toMatch(/btcpay\.store\.webhooks\.canmodifywebhooks/);
	});

	it('an unknown store → 404 named; an unreachable server → where it tried', async () => {
		const s = session();
		await expect(runHook(trigger, s.setup({}, { storeId: 'NoSuchStore' }), 'create')).rejects.toThrow(/The store was not found/);
		await expect(runHook(trigger, s.setup({}, { serverUrl: 'http://127.0.0.1:9' }), 'create')).rejects.toThrow(/Could not reach BTCPay Server at http:\/\/127\.0\.0\.1:9/);
	});

	it('manual mode: create never calls BTCPay, and a registration left from automatic mode is deleted', async () => {
		const s = session();
		await activate(s);
		expect(ours()).toHaveLength(1);
		s.sent.length = 0;
		const manual = { registration: 'manual' };
		expect((await runHook(trigger, s.setup(manual, { webhookSecret: keys.webhookSecret }), 'checkExists')).result).toBe(false);
		expect(ours()).toHaveLength(0);
		s.sent.length = 0;
		expect((await runHook(trigger, s.setup(manual, { webhookSecret: keys.webhookSecret }), 'create')).result).toBe(true);
		expect(s.sent).toHaveLength(0);
	});
});
