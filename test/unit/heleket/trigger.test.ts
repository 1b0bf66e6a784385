import { createHash } from 'node:crypto';

import { HeleketApi } from '../../../credentials/HeleketApi.credentials';
import { HeleketTrigger } from '../../../nodes/Heleket/HeleketTrigger.node';
import { signHeleketWebhookBody } from '../../../nodes/Heleket/signature';
import { runActivation, runWebhook, type MockSetup } from '../../helpers/webhookContext';
import { heleketKeys, unsignedFixture, vectorOf } from './fixtures';

const trigger = new HeleketTrigger();
const paid = vectorOf('payment-paid.unsigned.json');
const payout = vectorOf('payout-paid.unsigned.json');
const credential = { merchantId: heleketKeys.merchantId, paymentApiKey: heleketKeys.paymentApiKey, payoutApiKey: heleketKeys.payoutApiKey, baseUrl: '' };

function setup(body: string | undefined, overrides: Partial<MockSetup> = {}): MockSetup {
	return {
		nodeType: 'n8n-nodes-crypto-webhooks.heleketTrigger',
		typeVersion: 1.1,
		parameters: { events: ['payment', 'payout', 'wallet'], statuses: [], options: {} },
		credentials: { heleketApi: credential },
		request: { body, headers: { 'content-type': 'application/json' }, remoteAddress: '31.133.220.8' },
		...overrides,
	};
}

describe('Heleket Trigger webhook()', () => {
	it('a paid invoice webhook (signed by PHP) → 200 {"received":true} and one normalized item', async () => {
		const run = await runWebhook(trigger, setup(paid.bodyUnescapedUnicode));
		expect([run.response.status, run.response.body]).toEqual([200, '{"received":true}']);
		expect(run.response.headers['content-type']).toMatch(/^application\/json/);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			provider: 'heleket',
			event: 'payment',
			status: 'paid',
			state: 'completed',
			isFinal: true,
			id: '1ec87133-b22d-4643-988f-cac29a6ac85d',
			orderId: 'order-42',
			amount: '15.00',
			currency: 'USD',
			dedupeKey: '1ec87133-b22d-4643-988f-cac29a6ac85d:paid',
			signedWith: 'payment',
		});
		expect(run.items[0].payload).toEqual(JSON.parse(paid.bodyUnescapedUnicode));
		expect(new Date(run.items[0].receivedAt as string).toISOString()).toBe(run.items[0].receivedAt);
	});

	it('the same webhook with non-ASCII text sent as \\u escapes (PHP default flags) → one item', async () => {
		const run = await runWebhook(trigger, setup(paid.bodyDefaultFlags));
		expect(run.items).toHaveLength(1);
		expect((run.items[0].payload as { additional_data: string }).additional_data).toBe('https://shop.example/orders/42 — café Ñandú');
	});

	it('a payout webhook signed with the payout API key → signedWith "payout"', async () => {
		const run = await runWebhook(trigger, setup(payout.bodyUnescapedUnicode));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ event: 'payout', signedWith: 'payout', amount: '207.00000000' });
	});

	it('hides the payload when "Include Raw Payload" is off', async () => {
		const run = await runWebhook(trigger, setup(paid.bodyUnescapedUnicode, { parameters: { events: ['payment'], statuses: [], options: { includePayload: false } } }));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).not.toHaveProperty('payload');
	});

	const signedByOther = signHeleketWebhookBody(unsignedFixture('payment-paid.unsigned.json'), 'not-the-heleket-key');
	it.each([
		['forged sign', paid.bodyUnescapedUnicode.replace(/"sign":"[0-9a-f]{4}/, '"sign":"0000'), 401],
		['tampered amount', paid.bodyUnescapedUnicode.replace('"amount":"15.00"', '"amount":"1500.00"'), 401],
		['signed with another key', signedByOther, 401],
		['payout signed with a payout key that is not the credential\'s', signHeleketWebhookBody(unsignedFixture('payout-paid.unsigned.json'), 'a-payout-key-we-do-not-have'), 401],
		['sign missing', unsignedFixture('payment-paid.unsigned.json'), 401],
		['body not JSON', 'type=payment&sign=abc', 400],
		['unknown type (valid sign)', signHeleketWebhookBody('{"type":"refund","uuid":"u","status":"paid"}', heleketKeys.paymentApiKey), 400],
	])('%s → %i, nothing starts, generic body, no secret in the log', async (_name, body, status) => {
		const run = await runWebhook(trigger, setup(body));
		expect([run.response.status, run.items.length]).toEqual([status, 0]);
		expect(run.response.body).toBe(status === 401 ? 'Unauthorized' : 'Bad Request');
		const logged = JSON.stringify(run.logs);
		expect(logged).not.toContain(heleketKeys.paymentApiKey);
		expect(logged).not.toContain(heleketKeys.payoutApiKey);
		expect(logged).not.toContain('order-42');
	});

	it('unsigned bodies are refused before the credential is read', async () => {
		const unreadable = { heleketApi: new Error('the credential must not be read for this request') };
		const run = await runWebhook(trigger, setup(unsignedFixture('payment-paid.unsigned.json'), { credentials: unreadable }));
		expect([run.response.status, run.items.length]).toEqual([401, 0]);
		expect(run.logs.map((l) => l.message).join()).toContain('missing_signature');
	});

	it('event or status not selected → 200 ack, nothing starts; a selected status → one item', async () => {
		const event = await runWebhook(trigger, setup(paid.bodyUnescapedUnicode, { parameters: { events: ['payout'], statuses: [], options: {} } }));
		expect([event.response.status, event.response.body, event.items.length]).toEqual([200, '{"received":true}', 0]);
		const status = await runWebhook(trigger, setup(paid.bodyUnescapedUnicode, { parameters: { events: ['payment'], statuses: ['cancel'], options: {} } }));
		expect([status.response.status, status.items.length]).toEqual([200, 0]);
		const selected = await runWebhook(trigger, setup(paid.bodyUnescapedUnicode, { parameters: { events: ['payment'], statuses: ['paid'], options: {} } }));
		expect(selected.items).toHaveLength(1);
	});

	it('IP allowlist with Heleket\'s published address: it passes, another address gets 403', async () => {
		const parameters = { events: ['payment'], statuses: [], options: { ipAllowlist: '31.133.220.8' } };
		const allowed = await runWebhook(trigger, setup(paid.bodyUnescapedUnicode, { parameters }));
		expect(allowed.items).toHaveLength(1);
		const base = setup(paid.bodyUnescapedUnicode, { parameters });
		const denied = await runWebhook(trigger, { ...base, request: { ...base.request, remoteAddress: '203.0.113.9' } });
		expect([denied.response.status, denied.items.length]).toEqual([403, 0]);
	});

	it('offers Heleket\'s address as the IP Allowlist hint and names Heleket in its texts', () => {
		const json = JSON.stringify(trigger.description);
		expect(json).toContain('31.133.220.8');
		expect(json).not.toMatch(/Cryptomus/);
	});
});

describe('Heleket Trigger activation', () => {
	it('activates with a payment key', async () => {
		await expect(runActivation(trigger, setup(undefined))).resolves.toBe(true);
	});

	it('refuses to activate without any key, naming Heleket', async () => {
		await expect(
			runActivation(trigger, setup(undefined, { credentials: { heleketApi: { ...credential, paymentApiKey: ' ', payoutApiKey: '' } } })),
		).rejects.toThrow('The Heleket credential has neither a Payment API key nor a Payout API key');
	});
});

describe('Heleket API credential', () => {
	const api = new HeleketApi();
	const md5 = (text: string) => createHash('md5').update(text).digest('hex');

	it('tests itself with a signed POST /v1/balance on https://api.heleket.com by default', () => {
		expect(api.test.request).toMatchObject({ url: '/v1/balance', method: 'POST' });
		expect(String(api.test.request.baseURL)).toContain('https://api.heleket.com');
		expect(api.properties.find((p) => p.name === 'baseUrl')?.default).toBe('https://api.heleket.com');
	});

	it('signs the balance request with the payment key (empty body → md5(key)), with the merchant header', async () => {
		const signed = await api.authenticate(credential, { url: 'https://api.heleket.com/v1/balance', method: 'POST' });
		expect(signed.headers).toMatchObject({ merchant: heleketKeys.merchantId, sign: md5(heleketKeys.paymentApiKey) });
		expect(signed.body).toBe('');
	});

	it.each(['/v1/payout', '/v1/payout/info', '/v1/transfer/to-personal', '/v1/payment/refund'])('signs %s with the payout key', async (path) => {
		const body = { uuid: 'u' };
		const signed = await api.authenticate(credential, { url: `https://api.heleket.com${path}`, method: 'POST', body });
		const base64 = Buffer.from(JSON.stringify(body)).toString('base64');
		expect(signed.headers?.sign).toBe(md5(base64 + heleketKeys.payoutApiKey));
	});

	it('signs other payment endpoints with the payment key', async () => {
		const signed = await api.authenticate(credential, { url: 'https://api.heleket.com/v1/payment/info', method: 'POST', body: { uuid: 'u' } });
		expect(signed.headers?.sign).toBe(md5(Buffer.from('{"uuid":"u"}').toString('base64') + heleketKeys.paymentApiKey));
	});
});
