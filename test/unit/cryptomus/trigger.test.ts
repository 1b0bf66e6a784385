import { cryptomusTestCredentials } from '../../helpers/cryptomusFixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CryptomusTrigger } from '../../../nodes/CryptomusTrigger/CryptomusTrigger.node';
import { signCryptomusWebhookBody } from '../../../nodes/Cryptomus/signature';
import { runActivation, runWebhook, type MockSetup } from '../../helpers/webhookContext';

const { paymentApiKey: PAYMENT_KEY, payoutApiKey: PAYOUT_KEY } = cryptomusTestCredentials;
const example = readFileSync(join(__dirname, '../../fixtures/cryptomus/payment-example.unsigned.json'), 'utf8');
const payout =
	'{"type":"payout","uuid":"2b852d86-3cf1-43fb-b1bb-36f0b7d12151","order_id":"129359","amount":"207.00000000","merchant_amount":"207.30000000","commission":"0.30000000","is_final":true,"status":"paid","txid":"0xcf8","currency":"USDT","network":"bsc","payer_currency":"USDT","payer_amount":"207.00000000"}';

const trigger = new CryptomusTrigger();

function setup(body: string | undefined, overrides: Partial<MockSetup> = {}): MockSetup {
	return {
		nodeType: 'n8n-nodes-crypto-webhooks.cryptomusTrigger',
		parameters: { events: ['payment', 'payout', 'wallet'], statuses: [], options: {} },
		credentials: {
			cryptomusApi: { merchantId: 'm', paymentApiKey: PAYMENT_KEY, payoutApiKey: PAYOUT_KEY, baseUrl: '' },
		},
		request: { body, headers: { 'content-type': 'application/json' }, remoteAddress: '91.227.144.54' },
		...overrides,
	};
}

describe('Cryptomus Trigger webhook()', () => {
	it('valid payment webhook → 200 JSON and exactly one normalized item', async () => {
		const body = signCryptomusWebhookBody(example, PAYMENT_KEY);
		const run = await runWebhook(trigger, setup(body));
		expect(run.response.status).toBe(200);
		expect(run.response.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(run.response.body ?? '')).toEqual({ received: true });
		expect(run.result.noWebhookResponse).toBe(true);
		expect(run.items).toHaveLength(1);
		const item = run.items[0];
		expect(item).toMatchObject({
			provider: 'cryptomus',
			event: 'payment',
			status: 'paid',
			state: 'completed',
			isFinal: true,
			id: '62f88b36-a9d5-4fa6-aa26-e040c3dbf26d',
			orderId: '97a75bf8eda5cca41ba9d2e104840fcd',
			amount: '3.00000000',
			currency: 'TRX',
			network: 'tron',
			dedupeKey: '62f88b36-a9d5-4fa6-aa26-e040c3dbf26d:paid',
			signedWith: 'payment',
		});
		expect(new Date(item.receivedAt as string).toISOString()).toBe(item.receivedAt);
		expect(item.payload).toEqual(JSON.parse(body));
	});

	it('reads the body with readRawBody() when n8n has not buffered it yet', async () => {
		const body = signCryptomusWebhookBody(example, PAYMENT_KEY);
		const run = await runWebhook(trigger, setup(body, { request: { body, lazyRawBody: true } }));
		expect(run.response.status).toBe(200);
		expect(run.items).toHaveLength(1);
	});

	it('a live payout signed with the payout key reports signedWith "payout"', async () => {
		const run = await runWebhook(trigger, setup(signCryptomusWebhookBody(payout, PAYOUT_KEY)));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ event: 'payout', signedWith: 'payout', amount: '207.00000000' });
	});

	it('hides the payload when "Include Raw Payload" is off', async () => {
		const body = signCryptomusWebhookBody(example, PAYMENT_KEY);
		const run = await runWebhook(trigger, setup(body, { parameters: { events: ['payment'], statuses: [], options: { includePayload: false } } }));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).not.toHaveProperty('payload');
	});

	const signed = signCryptomusWebhookBody(example, PAYMENT_KEY);
	it.each([
		['forged sign', signed.replace(/"sign":"[0-9a-f]{4}/, '"sign":"0000'), 401],
		['tampered amount', signed.replace('"amount":"3.00000000"', '"amount":"300.00000000"'), 401],
		['signed with another key', signCryptomusWebhookBody(example, 'not-the-key'), 401],
		['sign missing', example, 401],
		['body not JSON', 'this is not json', 400],
		['empty body', '', 400],
		['unknown type (valid sign)', signCryptomusWebhookBody('{"type":"refund","uuid":"u","status":"paid"}', PAYMENT_KEY), 400],
	])('%s → %i, no workflow, generic body, no secret in logs', async (_name, body, status) => {
		const run = await runWebhook(trigger, setup(body));
		expect(run.response.status).toBe(status);
		expect(run.result.workflowData).toBeUndefined();
		expect(run.result.noWebhookResponse).toBe(true);
		expect(run.response.body).toBe(status === 401 ? 'Unauthorized' : 'Bad Request');
		const logged = JSON.stringify(run.logs);
		expect(logged).not.toContain(PAYMENT_KEY);
		expect(logged).not.toContain('62f88b36');
		expect(run.logs.some((l) => l.level === 'warn')).toBe(true);
	});

	it('no credential → 401 and the reason logged', async () => {
		const run = await runWebhook(trigger, setup(signed, { credentials: {} }));
		expect(run.response.status).toBe(401);
		expect(run.items).toHaveLength(0);
		expect(run.logs.map((l) => l.message).join()).toContain('credential_missing');
	});

	it('unsigned or malformed bodies are refused before the credential is read (it would fail here if it were)', async () => {
		const unreadable = { cryptomusApi: new Error('the credential must not be read for this request') };
		const unsigned = await runWebhook(trigger, setup(example, { credentials: unreadable }));
		expect([unsigned.response.status, unsigned.items.length]).toEqual([401, 0]);
		expect(unsigned.logs.map((l) => l.message).join()).toContain('missing_signature');
		const malformed = await runWebhook(trigger, setup('{"type":', { credentials: unreadable }));
		expect([malformed.response.status, malformed.items.length]).toEqual([400, 0]);
		expect(malformed.logs.map((l) => l.message).join()).toContain('bad_format');
		const signedButUnreadable = await runWebhook(trigger, setup(signed, { credentials: unreadable }));
		expect(signedButUnreadable.logs.map((l) => l.message).join()).toContain('credential_missing');
	});

	it('empty keys in the credential → 401 (fail closed), reason logged', async () => {
		const run = await runWebhook(
			trigger,
			setup(signed, { credentials: { cryptomusApi: { merchantId: 'm', paymentApiKey: '', payoutApiKey: '' } } }),
		);
		expect(run.response.status).toBe(401);
		expect(run.items).toHaveLength(0);
		expect(run.logs.map((l) => l.message).join()).toContain('no_key_configured');
	});

	it('event not selected → 200, no workflow', async () => {
		const run = await runWebhook(trigger, setup(signed, { parameters: { events: ['payout'], statuses: [], options: {} } }));
		expect(run.response.status).toBe(200);
		expect(run.items).toHaveLength(0);
		expect(run.result.workflowData).toBeUndefined();
	});

	it('status not selected → 200, no workflow; selected status → one item', async () => {
		const filtered = await runWebhook(trigger, setup(signed, { parameters: { events: ['payment'], statuses: ['cancel'], options: {} } }));
		expect(filtered.response.status).toBe(200);
		expect(filtered.items).toHaveLength(0);
		const selected = await runWebhook(trigger, setup(signed, { parameters: { events: ['payment'], statuses: ['paid'], options: {} } }));
		expect(selected.items).toHaveLength(1);
	});

	it('IP allowlist: allowed address passes, others get 403 before anything else', async () => {
		const options = { ipAllowlist: '91.227.144.54' };
		const allowed = await runWebhook(trigger, setup(signed, { parameters: { events: ['payment'], statuses: [], options } }));
		expect(allowed.items).toHaveLength(1);
		const base = setup(signed, { parameters: { events: ['payment'], statuses: [], options } });
		const denied = await runWebhook(trigger, { ...base, request: { ...base.request, remoteAddress: '203.0.113.9' } });
		expect(denied.response.status).toBe(403);
		expect(denied.items).toHaveLength(0);
	});

	it('IP allowlist behind a trusted proxy reads X-Forwarded-For from the right', async () => {
		const options = { ipAllowlist: '91.227.144.54', trustedProxyHops: 1 };
		const base = setup(signed, { parameters: { events: ['payment'], statuses: [], options } });
		const viaProxy = await runWebhook(trigger, {
			...base,
			request: { body: signed, remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '1.2.3.4, 91.227.144.54' } },
		});
		expect(viaProxy.items).toHaveLength(1);
		const spoofed = await runWebhook(trigger, {
			...base,
			request: { body: signed, remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '91.227.144.54, 1.2.3.4' } },
		});
		expect(spoofed.response.status).toBe(403);
	});

	it('an unexpected internal error is answered 500 without throwing', async () => {
		const base = setup(signed, { parameters: { events: ['payment'], statuses: [], options: { ipAllowlist: '1.2.3.4' } } });
		const run = await runWebhook(trigger, { ...base, request: { body: signed, brokenSocket: true } });
		expect(run.response.status).toBe(500);
		expect(run.items).toHaveLength(0);
		expect(run.logs.some((l) => l.level === 'error' && l.message.includes('internal_error'))).toBe(true);
	});

	it('uses the defaults n8n fills in for a freshly added node (all events, all statuses)', async () => {
		const run = await runWebhook(trigger, setup(signed, { parameters: {} }));
		expect(run.items).toHaveLength(1);
	});
});

describe('Cryptomus Trigger activation', () => {
	it('activates with a payment key', async () => {
		await expect(runActivation(trigger, setup(undefined))).resolves.toBe(true);
	});

	it('refuses to activate without any key, with a clear message', async () => {
		await expect(
			runActivation(trigger, setup(undefined, { credentials: { cryptomusApi: { merchantId: 'm', paymentApiKey: ' ', payoutApiKey: '' } } })),
		).rejects.toThrow(/neither a Payment API key nor a Payout API key/);
	});

	it('refuses to activate with a malformed IP allowlist', async () => {
		await expect(
			runActivation(trigger, setup(undefined, { parameters: { events: ['payment'], statuses: [], options: { ipAllowlist: '1.2.3.4, nope' } } })),
		).rejects.toThrow(/"nope" is not an IP address/);
	});
});
