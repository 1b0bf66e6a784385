import {
	nowPaymentsTestCredentials as creds,
	nowPaymentsVectors as vectors,
	readNowPaymentsFixture,
} from '../../helpers/nowpaymentsFixtures';
import { runActivation, runWebhook, type MockSetup } from '../../helpers/webhookContext';
import { signNowPaymentsIpn } from '../../../nodes/NowPayments/signature';
import { NowPaymentsTrigger } from '../../../nodes/NowPaymentsTrigger/NowPaymentsTrigger.node';

const trigger = new NowPaymentsTrigger();
const NODE_TYPE = 'n8n-nodes-crypto-webhooks.nowPaymentsTrigger';
const ALL = { events: ['payment', 'payout', 'custody'], statuses: [], options: {} };

const payment = signNowPaymentsIpn(readNowPaymentsFixture('doc-current-payment.body.json'), creds.ipnSecret);
const payout = signNowPaymentsIpn(readNowPaymentsFixture('payout.body.json'), creds.ipnSecret);

function setup(body: string | undefined, signature: string | undefined, overrides: Partial<MockSetup> = {}): MockSetup {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature !== undefined) headers['x-nowpayments-sig'] = signature;
	return {
		nodeType: NODE_TYPE,
		typeVersion: 1.1,
		parameters: ALL,
		credentials: { nowPaymentsApi: { ipnSecret: creds.ipnSecret, apiKey: '', baseUrl: 'https://api.nowpayments.io' } },
		request: { body, headers, remoteAddress: '51.89.194.21' },
		...overrides,
	};
}
const messages = (run: { logs: Array<{ message: string }> }) => run.logs.map((l) => l.message).join('\n');

describe('NOWPayments Trigger webhook()', () => {
	it('valid payment IPN → 200 {"received":true} and exactly one normalized item', async () => {
		const run = await runWebhook(trigger, setup(payment.body, payment.signature));
		expect([run.response.status, run.response.body]).toEqual([200, '{"received":true}']);
		expect(run.response.headers['content-type']).toMatch(/^application\/json/);
		expect(run.items).toHaveLength(1);
		const item = run.items[0];
		expect(item).toMatchObject({
			provider: 'nowpayments',
			event: 'payment',
			status: 'finished',
			state: 'completed',
			isFinal: true,
			id: '123456789',
			orderId: null,
			amount: '1',
			currency: 'usd',
			dedupeKey: '123456789:finished',
			parentPaymentId: '987654321',
			actuallyPaid: '15',
			payCurrency: 'trx',
			signedWith: 'sortedDeep',
		});
		expect(new Date(item.receivedAt as string).toISOString()).toBe(item.receivedAt);
		expect(item.payload).toEqual(JSON.parse(payment.body));
	});

	it('the docs\' example exactly as documented (indented, fee keys unsorted) verifies by its value', async () => {
		const documented = readNowPaymentsFixture('doc-current-payment.body.json');
		const run = await runWebhook(trigger, setup(documented, payment.signature));
		expect(run.items).toHaveLength(1);
		expect(run.items[0].payload).toEqual(JSON.parse(payment.body));
	});

	it.each(Object.keys(vectors.bodies).filter((file) => file !== 'repeated-deposit.body.json'))(
		'%s signed by the docs\' Node sample → one item',
		async (file) => {
			const v = vectors.bodies[file].nodeDocCurrent;
			const run = await runWebhook(trigger, setup(readNowPaymentsFixture(file), v.signature));
			expect([run.response.status, run.items.length]).toEqual([200, 1]);
		},
	);

	it('a payout IPN → event payout, status as sent (FINISHED), matched by a lower-case status filter', async () => {
		const run = await runWebhook(trigger, setup(payout.body, payout.signature, { parameters: { ...ALL, statuses: ['finished'] } }));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ event: 'payout', status: 'FINISHED', amount: '50', dedupeKey: 'payout:5000000001:FINISHED' });
	});

	it('a list signed as objects (docs\' Node sample) verifies only once that form is accepted, and says so', async () => {
		const file = 'repeated-deposit.body.json';
		const signature = vectors.bodies[file].nodeDocCurrent.signature;
		const body = readNowPaymentsFixture(file);
		const byDefault = await runWebhook(trigger, setup(body, signature));
		expect([byDefault.response.status, byDefault.items.length]).toEqual([401, 0]);
		const options = { signatureForms: ['sortedDeep', 'listsAsObjects'] };
		const accepted = await runWebhook(trigger, setup(body, signature, { parameters: { ...ALL, options } }));
		expect(accepted.items[0]).toMatchObject({ signedWith: 'listsAsObjects', parentPaymentId: '5592161154' });
		expect((accepted.items[0].payload as Record<string, unknown>).payment_extra_ids).toEqual([5592161154, 4526424492]);
	});

	it('hides the payload when "Include Raw Payload" is off', async () => {
		const run = await runWebhook(trigger, setup(payment.body, payment.signature, { parameters: { ...ALL, options: { includePayload: false } } }));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).not.toHaveProperty('payload');
	});

	const unknownKind = signNowPaymentsIpn('{"hello":"world"}', creds.ipnSecret);
	const replacerArray = vectors.bodies['doc-current-payment.body.json'].nodeDoc2021.signature;
	const php = vectors.bodies['edge-text.body.json'].phpDocCurrent.signature;
	it.each([
		['signed with another secret', payment.body, signNowPaymentsIpn(payment.body, creds.otherIpnSecret).signature, 401],
		['tampered amount', payment.body.replace('"price_amount":1', '"price_amount":100'), payment.signature, 401],
		['a digit of the signature changed', payment.body, `${payment.signature.slice(0, -1)}${payment.signature.endsWith('0') ? '1' : '0'}`, 401],
		['signed the 2021 docs\' way (fee emptied by the replacer array)', payment.body, replacerArray, 401],
		['signed the PHP sample\'s way (\\u00e9 escapes)', readNowPaymentsFixture('edge-text.body.json'), php, 401],
		['unsigned', payment.body, undefined, 401],
		['a signature that is not 128 hex digits', payment.body, 'abc', 401],
		['body not JSON (signed)', 'payment_id=1', payment.signature, 400],
		['empty body', '', payment.signature, 400],
		['a signed body of no known kind', unknownKind.body, unknownKind.signature, 400],
	] as Array<[string, string, string | undefined, number]>)('%s → %i, no workflow, generic body, no secret in logs', async (_name, body, signature, status) => {
		const run = await runWebhook(trigger, setup(body, signature));
		expect(run.response.status).toBe(status);
		expect(run.result.workflowData).toBeUndefined();
		expect(run.result.noWebhookResponse).toBe(true);
		expect(run.response.body).toBe(status === 401 ? 'Unauthorized' : 'Bad Request');
		const logged = JSON.stringify(run.logs);
		expect(logged).not.toContain(creds.ipnSecret);
		expect(logged).not.toContain('987654321');
		expect(run.logs.some((l) => l.level === 'warn')).toBe(true);
	});

	it('unsigned or malformed requests are refused before the credential is read (it would fail here if it were)', async () => {
		const unreadable = { nowPaymentsApi: new Error('the credential must not be read for this request') };
		const unsigned = await runWebhook(trigger, setup(payment.body, undefined, { credentials: unreadable }));
		expect([unsigned.response.status, unsigned.items.length]).toEqual([401, 0]);
		expect(messages(unsigned)).toContain('missing_signature');
		const malformed = await runWebhook(trigger, setup('{"payment_id":', payment.signature, { credentials: unreadable }));
		expect([malformed.response.status, malformed.items.length]).toEqual([400, 0]);
		expect(messages(malformed)).toContain('bad_format');
		const signedButUnreadable = await runWebhook(trigger, setup(payment.body, payment.signature, { credentials: unreadable }));
		expect(signedButUnreadable.response.status).toBe(401);
		expect(messages(signedButUnreadable)).toContain('credential_missing');
	});

	it('an empty IPN secret or no accepted form → 401 (fail closed), reason logged', async () => {
		const empty = await runWebhook(trigger, setup(payment.body, payment.signature, { credentials: { nowPaymentsApi: { ipnSecret: ' ' } } }));
		expect([empty.response.status, empty.items.length]).toEqual([401, 0]);
		expect(messages(empty)).toContain('no_key_configured');
		const noForm = await runWebhook(trigger, setup(payment.body, payment.signature, { parameters: { ...ALL, options: { signatureForms: [] } } }));
		expect([noForm.response.status, noForm.items.length]).toEqual([401, 0]);
	});

	it('event or status not selected → 200 ack, no workflow', async () => {
		const event = await runWebhook(trigger, setup(payment.body, payment.signature, { parameters: { ...ALL, events: ['payout'] } }));
		expect([event.response.status, event.response.body, event.items.length]).toEqual([200, '{"received":true}', 0]);
		expect(event.result.workflowData).toBeUndefined();
		const status = await runWebhook(trigger, setup(payment.body, payment.signature, { parameters: { ...ALL, statuses: ['waiting'] } }));
		expect([status.response.status, status.items.length]).toEqual([200, 0]);
	});

	it('IP allowlist with NOWPayments\' addresses: theirs pass, others get 403 before anything else', async () => {
		const options = { ipAllowlist: '51.89.194.21, 51.75.77.69, 138.201.172.58, 65.21.158.36' };
		const allowed = await runWebhook(trigger, setup(payment.body, payment.signature, { parameters: { ...ALL, options } }));
		expect(allowed.items).toHaveLength(1);
		const base = setup(payment.body, payment.signature, { parameters: { ...ALL, options } });
		const denied = await runWebhook(trigger, { ...base, request: { ...base.request, remoteAddress: '203.0.113.9' } });
		expect([denied.response.status, denied.items.length]).toEqual([403, 0]);
	});

	it('answers well within NOWPayments\' 3 s on a large IPN (no slow work)', async () => {
		const big = signNowPaymentsIpn(
			JSON.stringify({ payment_id: 1, payment_status: 'finished', notes: Array.from({ length: 2000 }, (_, i) => ({ i, t: `é/${i}` })) }),
			creds.ipnSecret,
		);
		const started = process.hrtime.bigint();
		const run = await runWebhook(trigger, setup(big.body, big.signature));
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		expect(run.items).toHaveLength(1);
		expect(ms).toBeLessThan(500);
	});

	it('uses the defaults n8n fills in for a freshly added node (all events, all statuses, sortedDeep)', async () => {
		const run = await runWebhook(trigger, setup(payment.body, payment.signature, { parameters: {} }));
		expect(run.items).toHaveLength(1);
	});
});

describe('NOWPayments Trigger activation', () => {
	it('activates with an IPN secret (no API key needed)', async () => {
		await expect(runActivation(trigger, setup(undefined, undefined))).resolves.toBe(true);
	});

	it('refuses to activate without an IPN secret, with a clear message', async () => {
		await expect(runActivation(trigger, setup(undefined, undefined, { credentials: { nowPaymentsApi: { ipnSecret: '' } } }))).rejects.toThrow(
			/has no IPN secret/,
		);
	});

	it('refuses to activate when no signature form is accepted', async () => {
		await expect(
			runActivation(trigger, setup(undefined, undefined, { parameters: { ...ALL, options: { signatureForms: [] } } })),
		).rejects.toThrow(/No signature form is accepted/);
	});

	it('refuses to activate with a malformed IP allowlist', async () => {
		await expect(
			runActivation(trigger, setup(undefined, undefined, { parameters: { ...ALL, options: { ipAllowlist: '1.2.3.4, nope' } } })),
		).rejects.toThrow(/"nope" is not an IP address/);
	});
});
