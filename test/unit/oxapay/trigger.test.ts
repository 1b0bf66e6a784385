import { OxaPayTrigger } from '../../../nodes/OxaPayTrigger/OxaPayTrigger.node';
import { signOxaPay } from '../../../nodes/OxaPay/signature';
import { oxaPayTestKeys, oxaPayVectors as v, readOxaPayBody } from '../../helpers/oxapayFixtures';
import { runActivation, runWebhook, type MockSetup } from '../../helpers/webhookContext';

const trigger = new OxaPayTrigger();
const invoice = readOxaPayBody(v.invoicePaid.file);
const payout = readOxaPayBody(v.payoutConfirmed.file);
const credentials = { oxaPayApi: { merchantApiKey: oxaPayTestKeys.merchantApiKey, payoutApiKey: oxaPayTestKeys.payoutApiKey, baseUrl: '' } };

function setup(body: Buffer | string | undefined, hmac: string | undefined, overrides: Partial<MockSetup> = {}): MockSetup {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (hmac !== undefined) headers.hmac = hmac;
	return {
		nodeType: 'n8n-nodes-crypto-webhooks.oxaPayTrigger',
		typeVersion: 1.1,
		parameters: {},
		credentials,
		request: { body, headers },
		...overrides,
	};
}

describe('OxaPay Trigger webhook()', () => {
	it('valid invoice callback → 200 "ok" as text and one normalized item, signedWith merchant', async () => {
		const run = await runWebhook(trigger, setup(invoice, v.invoicePaid.hmac));
		expect([run.response.status, run.response.body]).toEqual([200, 'ok']);
		expect(run.response.headers['content-type']).toMatch(/^text\/plain/);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			provider: 'oxapay',
			event: 'invoice',
			status: 'Paid',
			state: 'completed',
			amount: '10.50',
			dedupeKey: '151811887:paid',
			signedWith: 'merchant',
		});
		expect(run.items[0].payload).toMatchObject({ track_id: '151811887', amount: '10.50', txs: [expect.objectContaining({ confirmations: 19 })] });
	});

	it('a payout callback is verified with the payout key (signedWith payout)', async () => {
		const run = await runWebhook(trigger, setup(payout, v.payoutConfirmed.hmac));
		expect(run.items[0]).toMatchObject({ event: 'payout', status: 'Confirmed', signedWith: 'payout' });
	});

	it('forged, re-serialized, wrong-key, payout-with-merchant-key and unsigned callbacks → 401, nothing starts', async () => {
		const cases: Array<[Buffer | string, string | undefined]> = [
			[Buffer.from(invoice.toString('utf8').replace('10.50', '1050.00')), v.invoicePaid.hmac],
			[JSON.stringify(JSON.parse(invoice.toString('utf8'))), v.invoicePaid.hmac],
			[invoice, signOxaPay(invoice, 'not-the-merchant-key')],
			[payout, v.payoutSignedWithMerchantKey.hmac],
			[invoice, undefined],
			[invoice, ''],
		];
		for (const [body, hmac] of cases) {
			const run = await runWebhook(trigger, setup(body, hmac));
			expect([run.response.status, run.response.body, run.items.length]).toEqual([401, 'Unauthorized', 0]);
		}
	});

	it('an unsigned request is refused before the body or the credential is read', async () => {
		const run = await runWebhook(trigger, setup(invoice, undefined, { credentials: { oxaPayApi: new Error('must not be read') } }));
		expect(run.response.status).toBe(401);
		expect(run.logs.map((l) => l.message).join()).toContain('missing_signature');
	});

	it('a correctly signed body that is not an OxaPay callback → 400 after verification', async () => {
		const body = '{"hello":"world"}';
		const run = await runWebhook(trigger, setup(body, signOxaPay(body, oxaPayTestKeys.merchantApiKey)));
		expect([run.response.status, run.items.length]).toEqual([400, 0]);
		const junk = 'not json at all';
		const unsigned = await runWebhook(trigger, setup(junk, signOxaPay(junk, 'other')));
		expect(unsigned.response.status).toBe(401);
	});

	it('event and status filters: not selected → "ok" and no workflow; statuses compare ignoring case', async () => {
		const notSelected = await runWebhook(trigger, setup(invoice, v.invoicePaid.hmac, { parameters: { events: ['payout'] } }));
		expect([notSelected.response.status, notSelected.response.body, notSelected.items.length]).toEqual([200, 'ok', 0]);
		const wrongStatus = await runWebhook(trigger, setup(invoice, v.invoicePaid.hmac, { parameters: { statuses: ['paying'] } }));
		expect([wrongStatus.response.body, wrongStatus.items.length]).toEqual(['ok', 0]);
		const rightStatus = await runWebhook(trigger, setup(invoice, v.invoicePaid.hmac, { parameters: { statuses: ['paid'] } }));
		expect(rightStatus.items).toHaveLength(1);
	});

	it('a type OxaPay adds later starts the workflow only while every event is selected', async () => {
		const body = '{"track_id":"9","type":"subscription","status":"Paid","amount":1}';
		const hmac = signOxaPay(body, oxaPayTestKeys.merchantApiKey);
		expect((await runWebhook(trigger, setup(body, hmac))).items[0]).toMatchObject({ event: 'subscription', state: 'completed' });
		expect((await runWebhook(trigger, setup(body, hmac, { parameters: { events: ['invoice'] } }))).items).toHaveLength(0);
	});

	it('hides the payload when "Include Raw Payload" is off; no credential → 401 with the reason logged', async () => {
		const simple = await runWebhook(trigger, setup(invoice, v.invoicePaid.hmac, { parameters: { options: { includePayload: false } } }));
		expect(simple.items[0].payload).toBeUndefined();
		const missing = await runWebhook(trigger, setup(invoice, v.invoicePaid.hmac, { credentials: { oxaPayApi: new Error('no credential') } }));
		expect([missing.response.status, missing.items.length]).toEqual([401, 0]);
		expect(missing.logs.map((l) => l.message).join()).toContain('credential_missing');
		expect(JSON.stringify(missing.logs)).not.toContain(oxaPayTestKeys.merchantApiKey);
	});
});

describe('OxaPay Trigger activation', () => {
	it('activates with a merchant key or a payout key only', async () => {
		await expect(runActivation(trigger, setup(undefined, undefined))).resolves.toBe(true);
		const payoutOnly = { oxaPayApi: { merchantApiKey: '', payoutApiKey: oxaPayTestKeys.payoutApiKey } };
		await expect(runActivation(trigger, setup(undefined, undefined, { credentials: payoutOnly }))).resolves.toBe(true);
	});

	it('refuses to activate without any key, with a clear message', async () => {
		const empty = { oxaPayApi: { merchantApiKey: ' ', payoutApiKey: '' } };
		await expect(runActivation(trigger, setup(undefined, undefined, { credentials: empty }))).rejects.toThrow(/neither a Merchant API key nor a Payout API key/);
	});
});
