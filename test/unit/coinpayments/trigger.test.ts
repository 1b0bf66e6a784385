import { CoinPaymentsTrigger } from '../../../nodes/CoinPayments/CoinPaymentsTrigger.node';
import { coinPaymentsCredentialCheck } from '../../../nodes/CoinPayments/credentialTest';
import { COINPAYMENTS_REPLAY_WINDOW_SECONDS, signCoinPaymentsIpn, signCoinPaymentsWebhook } from '../../../nodes/CoinPayments/signature';
import { runActivation, runWebhook, type MockSetup } from '../../helpers/webhookContext';
import { cpCredential, cpTimestamp, cpVectors, invoiceCompletedBody } from './fixtures';

const trigger = new CoinPaymentsTrigger();
const FORM = 'application/x-www-form-urlencoded';
const URL = 'https://n8n.example.com/webhook/test-webhook-id/webhook';
const api = cpVectors.ipn.bodies['api-complete'];

function ipnSetup(body: string | undefined, headers: Record<string, string> = {}, overrides: Partial<MockSetup> = {}): MockSetup {
	return {
		nodeType: 'n8n-nodes-crypto-webhooks.coinPaymentsTrigger',
		typeVersion: 1.1,
		parameters: { mode: 'ipn', events: ['button', 'simple', 'cart', 'donation', 'deposit', 'withdrawal', 'api'], options: {} },
		credentials: { coinPaymentsApi: { ...cpCredential, ipnSecret: cpVectors.ipn.secretAsPasted } },
		request: { body, headers: { 'content-type': FORM, ...headers }, remoteAddress: '203.0.113.7' },
		...overrides,
	};
}

describe('CoinPayments Trigger webhook(), IPN mode (the default)', () => {
	it('a complete API transaction IPN (signed by PHP) → 200 "IPN OK" and one normalized item', async () => {
		const run = await runWebhook(trigger, ipnSetup(api.body, { hmac: api.hmac }));
		expect([run.response.status, run.response.body]).toEqual([200, 'IPN OK']);
		expect(run.response.headers['content-type']).toMatch(/^text\/plain/);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			provider: 'coinpayments',
			event: 'api',
			status: '100',
			state: 'completed',
			isFinal: true,
			id: 'CPFB4ZZQTB8RKHOWK2AN0CMJRL',
			orderId: 'order-1001',
			amount: '12.50',
			currency: 'USD',
			confirmations: 3,
			dedupeKey: 'api:CPFB4ZZQTB8RKHOWK2AN0CMJRL:100',
			ipnId: '3f0a5c2e9b8d4e6f1a2b3c4d5e6f7a8b',
			statusText: 'Complete',
			signedWith: 'ipnSecret',
		});
		expect(run.items[0].payload).toMatchObject({ ipn_type: 'api', merchant: cpCredential.merchantId, custom: 'https://shop.example/orders/1001?src=n8n&x=a b' });
	});

	it('the defaults of a freshly added node (IPN mode, every IPN type) accept it; a lazily read body too', async () => {
		const run = await runWebhook(trigger, ipnSetup(api.body, { hmac: api.hmac }, { parameters: {} }));
		expect(run.items).toHaveLength(1);
		const lazy = ipnSetup(api.body, { hmac: api.hmac });
		const lazyRun = await runWebhook(trigger, { ...lazy, request: { ...lazy.request, lazyRawBody: true } });
		expect(lazyRun.items).toHaveLength(1);
	});

	it.each(Object.entries(cpVectors.ipn.bodies))('%s → one item', async (_name, v) => {
		const run = await runWebhook(trigger, ipnSetup(v.body, { hmac: v.hmac }));
		expect([run.response.body, run.items.length]).toEqual(['IPN OK', 1]);
	});

	it('a validly signed IPN for another merchant ID → 401 wrong_key, the log says which field', async () => {
		const body = api.body.replace(`merchant=${cpCredential.merchantId}`, 'merchant=ffffffffffffffffffffffffffffffff');
		const run = await runWebhook(trigger, ipnSetup(body, { hmac: signCoinPaymentsIpn(body, cpCredential.ipnSecret) }));
		expect([run.response.status, run.response.body, run.items.length]).toEqual([401, 'Unauthorized', 0]);
		expect(run.logs.map((l) => l.message).join()).toContain("wrong_key (the IPN's merchant is not the credential's Merchant ID)");
	});

	it('a validly signed IPN whose ipn_mode is not hmac → 401 bad_format', async () => {
		const body = api.body.replace('ipn_mode=hmac', 'ipn_mode=httpauth');
		const run = await runWebhook(trigger, ipnSetup(body, { hmac: signCoinPaymentsIpn(body, cpCredential.ipnSecret) }));
		expect([run.response.status, run.items.length]).toEqual([401, 0]);
		expect(run.logs.map((l) => l.message).join()).toContain('bad_format (ipn_mode is not hmac)');
	});

	it.each([
		['HMAC from another secret', api.body, signCoinPaymentsIpn(api.body, cpCredential.otherSecret), 'mismatch'],
		['amount changed after signing', api.body.replace('amount1=12.50', 'amount1=1.50'), api.hmac, 'mismatch'],
		['HMAC header missing', api.body, undefined, 'missing_signature'],
		['HMAC header not hex', api.body, 'sha512=abc', 'bad_format'],
	])('%s → 401 %s, nothing starts, no secret or payload in the log', async (_name, body, hmac, reason) => {
		const run = await runWebhook(trigger, ipnSetup(body, hmac ? { hmac } : {}));
		expect([run.response.status, run.response.body, run.items.length]).toEqual([401, 'Unauthorized', 0]);
		const logged = JSON.stringify(run.logs);
		expect(logged).toContain(reason);
		expect(logged).not.toContain(cpCredential.ipnSecret);
		expect(logged).not.toContain('order-1001');
	});

	it('unsigned or malformed signatures are refused before the credential is read', async () => {
		const unreadable = { coinPaymentsApi: new Error('the credential must not be read for this request') };
		const run = await runWebhook(trigger, ipnSetup(api.body, {}, { credentials: unreadable }));
		expect([run.response.status, run.items.length]).toEqual([401, 0]);
		expect(run.logs.map((l) => l.message).join()).toContain('missing_signature');
	});

	it('a credential without Merchant ID or IPN Secret → 401 and the reason in the log', async () => {
		const noMerchant = await runWebhook(trigger, ipnSetup(api.body, { hmac: api.hmac }, { credentials: { coinPaymentsApi: { ...cpCredential, merchantId: '' } } }));
		expect([noMerchant.response.status, noMerchant.items.length]).toEqual([401, 0]);
		expect(noMerchant.logs.map((l) => l.message).join()).toContain('no_key_configured (the credential has no Merchant ID)');
		const noSecret = await runWebhook(trigger, ipnSetup(api.body, { hmac: api.hmac }, { credentials: { coinPaymentsApi: { ...cpCredential, ipnSecret: '' } } }));
		expect(noSecret.logs.map((l) => l.message).join()).toContain('no_key_configured');
	});

	it('an IPN type that is not selected → 200 "IPN OK", nothing starts', async () => {
		const run = await runWebhook(trigger, ipnSetup(api.body, { hmac: api.hmac }, { parameters: { mode: 'ipn', events: ['deposit'], options: {} } }));
		expect([run.response.status, run.response.body, run.items.length]).toEqual([200, 'IPN OK', 0]);
	});

	it('hides the payload when "Include Raw Payload" is off', async () => {
		const run = await runWebhook(trigger, ipnSetup(api.body, { hmac: api.hmac }, { parameters: { mode: 'ipn', events: ['api'], options: { includePayload: false } } }));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).not.toHaveProperty('payload');
	});

	it('IP allowlist: an address outside it gets 403 before anything else', async () => {
		const run = await runWebhook(trigger, ipnSetup(api.body, { hmac: api.hmac }, { parameters: { mode: 'ipn', events: ['api'], options: { ipAllowlist: '198.51.100.0/24' } } }));
		expect([run.response.status, run.items.length]).toEqual([403, 0]);
		const inside = ipnSetup(api.body, { hmac: api.hmac }, { parameters: { mode: 'ipn', events: ['api'], options: { ipAllowlist: '198.51.100.0/24' } } });
		const allowed = await runWebhook(trigger, { ...inside, request: { ...inside.request, remoteAddress: '198.51.100.20' } });
		expect(allowed.items).toHaveLength(1);
	});
});

describe('CoinPayments Trigger webhook(), API webhook mode', () => {
	const parameters = { mode: 'webhook', webhookEvents: ['invoiceCreated', 'invoicePending', 'invoicePaid', 'invoiceCompleted', 'invoiceCancelled', 'invoiceTimedOut', 'paymentCreated', 'paymentTimedOut'], options: {} };

	function signed(
		opts: { url?: string; timestamp?: string; body?: string; secret?: string; clientHeader?: string | null; signClientId?: string } = {},
	): { body: string; headers: Record<string, string> } {
		const timestamp = opts.timestamp ?? cpTimestamp();
		const body = opts.body ?? invoiceCompletedBody;
		const clientId = opts.signClientId ?? cpCredential.clientId;
		const signature = signCoinPaymentsWebhook({ url: opts.url ?? URL, clientId, timestamp, rawBody: body }, opts.secret ?? cpCredential.clientSecret);
		const headers: Record<string, string> = { 'content-type': 'application/json', 'x-coinpayments-signature': signature, 'x-coinpayments-timestamp': timestamp };
		if (opts.clientHeader !== null) headers['x-coinpayments-client'] = opts.clientHeader ?? clientId;
		return { body, headers };
	}

	function setup(req: { body: string; headers: Record<string, string> }, overrides: Partial<MockSetup> = {}, url = '/webhook/test-webhook-id/webhook'): MockSetup {
		return {
			nodeType: 'n8n-nodes-crypto-webhooks.coinPaymentsTrigger',
			typeVersion: 1.1,
			parameters,
			credentials: { coinPaymentsApi: cpCredential },
			webhookUrl: URL,
			request: { body: req.body, headers: req.headers, url },
			...overrides,
		};
	}

	it('a webhook signed for this node\'s Production URL and a fresh timestamp → 200 JSON ack and one item', async () => {
		const run = await runWebhook(trigger, setup(signed()));
		expect([run.response.status, run.response.body]).toEqual([200, '{"received":true}']);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			provider: 'coinpayments',
			event: 'invoiceCompleted',
			status: 'Completed',
			state: 'completed',
			isFinal: true,
			id: '2008d68d-0f66-44ec-8500-68d054b882b9',
			orderId: 'order-2024-0067',
			amount: '10000',
			signedWith: 'clientSecret',
		});
		expect(run.items[0].payload).toEqual(JSON.parse(invoiceCompletedBody));
	});

	it('the URL\'s query string is part of what is signed', async () => {
		const query = 'shop=eu&x=%2F';
		const ok = await runWebhook(trigger, setup(signed({ url: `${URL}?${query}` }), {}, `/webhook/test-webhook-id/webhook?${query}`));
		expect(ok.items).toHaveLength(1);
		const other = await runWebhook(trigger, setup(signed({ url: `${URL}?${query}` }), {}, '/webhook/test-webhook-id/webhook?shop=us&x=%2F'));
		expect([other.response.status, other.items.length]).toEqual([401, 0]);
	});

	it('behind a proxy: signed for the public URL, n8n knows another one → 401 mismatch with a hint; the override fixes it', async () => {
		const publicUrl = 'https://pay.example.com/hooks/coinpayments';
		const run = await runWebhook(trigger, setup(signed({ url: publicUrl })));
		expect([run.response.status, run.items.length]).toEqual([401, 0]);
		expect(run.logs.map((l) => l.message).join()).toContain('mismatch (check WEBHOOK_URL / Public Webhook URL)');
		const fixed = await runWebhook(trigger, setup(signed({ url: publicUrl }), { parameters: { ...parameters, options: { publicWebhookUrl: publicUrl } } }));
		expect(fixed.items).toHaveLength(1);
	});

	it.each([['n8n2'], ['n8n1']] as const)('at the Test URL (as %s runs it): signed for the test URL → one item', async (mode) => {
		const testUrl = URL.replace('/webhook/', '/webhook-test/');
		const run = await runWebhook(trigger, { ...setup(signed({ url: testUrl }), {}, '/webhook-test/test-webhook-id/webhook'), testWebhook: mode });
		expect(run.items).toHaveLength(1);
	});

	it.each([
		['signed with another client secret', () => signed({ secret: cpCredential.otherSecret }), 'mismatch'],
		['body changed after signing', () => ({ ...signed(), body: invoiceCompletedBody.replace('"total":10000', '"total":1') }), 'mismatch'],
		['timestamp header changed after signing', () => { const s = signed(); return { ...s, headers: { ...s.headers, 'x-coinpayments-timestamp': cpTimestamp(Date.now() - 1000) } }; }, 'mismatch'],
		['timestamp 10 minutes old, correctly signed', () => signed({ timestamp: cpTimestamp(Date.now() - 600_000) }), 'stale'],
		['timestamp 10 minutes ahead, correctly signed', () => signed({ timestamp: cpTimestamp(Date.now() + 600_000) }), 'stale'],
		['timestamp not a date-time', () => signed({ timestamp: String(Math.floor(Date.now() / 1000)) }), 'bad_format'],
		['signature header missing', () => { const s = signed(); return { ...s, headers: Object.fromEntries(Object.entries(s.headers).filter(([name]) => name !== 'x-coinpayments-signature')) }; }, 'missing_signature'],
		['X-CoinPayments-Client of another integration', () => signed({ signClientId: 'ffffffffffffffffffffffffffffffff' }), 'wrong_key'],
	])('%s → 401 %s, nothing starts', async (_name, make, reason) => {
		const run = await runWebhook(trigger, setup(make()));
		expect([run.response.status, run.response.body, run.items.length]).toEqual([401, 'Unauthorized', 0]);
		const logged = JSON.stringify(run.logs);
		expect(logged).toContain(reason);
		expect(logged).not.toContain(cpCredential.clientSecret);
	});

	it('the client ID as the header writes it (dashed GUID, capitals) is the one signed, when it is the configured one', async () => {
		const dashed = cpCredential.clientId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5').toUpperCase();
		expect(dashed).not.toBe(cpCredential.clientId);
		const run = await runWebhook(trigger, setup(signed({ signClientId: dashed })));
		expect(run.items).toHaveLength(1);
		const noHeader = await runWebhook(trigger, setup(signed({ clientHeader: null })));
		expect(noHeader.items).toHaveLength(1);
	});

	it('stale or unsigned webhooks are refused before the credential is read', async () => {
		const unreadable = { coinPaymentsApi: new Error('the credential must not be read for this request') };
		const run = await runWebhook(trigger, setup(signed({ timestamp: cpTimestamp(Date.now() - 3_600_000) }), { credentials: unreadable }));
		expect(run.logs.map((l) => l.message).join()).toContain('stale');
	});

	it('a longer Replay Window lets an older webhook through', async () => {
		const old = signed({ timestamp: cpTimestamp(Date.now() - 600_000) });
		const run = await runWebhook(trigger, setup(old, { parameters: { ...parameters, options: { replayWindowSeconds: 900 } } }));
		expect(run.items).toHaveLength(1);
	});

	it('an event that is not selected → 200 ack, nothing starts; an unknown type only when all events are selected', async () => {
		const narrow = await runWebhook(trigger, setup(signed(), { parameters: { ...parameters, webhookEvents: ['invoicePaid'] } }));
		expect([narrow.response.status, narrow.response.body, narrow.items.length]).toEqual([200, '{"received":true}', 0]);
		const unknown = signed({ body: '{"id":"n1","type":"walletDeposit","amount":"1.5"}' });
		expect((await runWebhook(trigger, setup(unknown))).items).toHaveLength(1);
		expect((await runWebhook(trigger, setup(unknown, { parameters: { ...parameters, webhookEvents: ['invoicePaid'] } }))).items).toHaveLength(0);
	});

	it('validly signed but not JSON → 400', async () => {
		const run = await runWebhook(trigger, setup(signed({ body: 'type=invoicePaid' })));
		expect([run.response.status, run.items.length]).toEqual([400, 0]);
	});
});

describe('CoinPayments Trigger activation and credential test', () => {
	const base = (parameters: Record<string, unknown>, credential: Record<string, string> = cpCredential): MockSetup => ({
		nodeType: 'n8n-nodes-crypto-webhooks.coinPaymentsTrigger',
		parameters,
		credentials: { coinPaymentsApi: credential },
	});

	it('activates in IPN mode with Merchant ID + IPN Secret, in webhook mode with Client ID + Client Secret', async () => {
		await expect(runActivation(trigger, base({}, { merchantId: 'm', ipnSecret: 's', clientId: '', clientSecret: '' }))).resolves.toBe(true);
		await expect(runActivation(trigger, base({ mode: 'webhook' }, { merchantId: '', ipnSecret: '', clientId: 'c', clientSecret: 's' }))).resolves.toBe(true);
	});

	it('refuses what cannot verify anything, naming the missing fields', async () => {
		await expect(runActivation(trigger, base({}, { merchantId: 'm', ipnSecret: ' ', clientId: 'c', clientSecret: 's' }))).rejects.toThrow(
			'The CoinPayments credential has no IPN Secret, so no IPNs could be verified',
		);
		await expect(runActivation(trigger, base({ mode: 'webhook' }, { merchantId: 'm', ipnSecret: 's', clientId: '', clientSecret: '' }))).rejects.toThrow(
			'has no Client ID and Client Secret, so no API webhooks could be verified',
		);
		await expect(runActivation(trigger, base({ mode: 'webhook', options: { publicWebhookUrl: '/hooks/cp' } }))).rejects.toThrow('must start with https://');
	});

	it('the IP Allowlist hint names the API-webhook addresses and says none is published for IPNs', () => {
		const options = trigger.description.properties.find((p) => p.name === 'options')?.options ?? [];
		const allowlist = options.find((o) => 'name' in o && o.name === 'ipAllowlist') as { description?: string } | undefined;
		expect(allowlist?.description).toContain('23.183.244.249, 23.183.244.250, 23.183.244.98 (for API webhooks; CoinPayments publishes none for IPNs).');
	});

	it('the Replay Window default is the named constant', () => {
		const options = trigger.description.properties.find((p) => p.name === 'options')?.options ?? [];
		const replay = options.find((o) => 'name' in o && o.name === 'replayWindowSeconds') as { default?: unknown } | undefined;
		expect(replay?.default).toBe(COINPAYMENTS_REPLAY_WINDOW_SECONDS);
	});

	it('the credential test checks locally and says so', async () => {
		const test = (data: Record<string, string>) => coinPaymentsCredentialCheck({ id: '1', name: 'c', type: 'coinPaymentsApi', data });
		await expect(test({})).resolves.toMatchObject({ status: 'Error' });
		await expect(test({ merchantId: 'm', ipnSecret: 's' })).resolves.toMatchObject({ status: 'OK', message: expect.stringContaining('Checked locally only') });
		await expect(test({ merchantId: 'm', ipnSecret: 's', clientId: 'c', clientSecret: 'x' })).resolves.toMatchObject({ message: expect.stringContaining('IPNs and API webhooks') });
	});
});
