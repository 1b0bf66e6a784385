/**
 * The OxaPay Trigger's schema (nodes/OxaPay/outputSchema.ts) against the fixture callbacks and the fake's callbacks,
 * with the payload and its transactions closed: every member OxaPay's documented callbacks carry is described.
 * (Every item any trigger test produces is checked against the shipped schema by runWebhook() already.)
 *
 * The OxaPay action node's output schemas (nodes/OxaPay/resources/outputSchema.ts) against the fake OxaPay
 * (test/fake-oxapay): every resource/operation the node offers runs, and each output item matches the schema the
 * editor previews for it — with every described object closed (closedEverywhere), so a member the fake sends as OxaPay
 * documents it that the schema does not list fails, as does a value of another type. Payment → Get runs on a paid
 * invoice, so its transactions (txs) are checked too.
 */
import { OxaPay } from '../../../nodes/OxaPay/OxaPay.node';
import { OxaPayTrigger } from '../../../nodes/OxaPayTrigger/OxaPayTrigger.node';
import { describedOperations } from '../../../nodes/shared/outputSchema';
import { closedEverywhere } from '../../helpers/closedSchema';
import { oxaPayAction } from '../../helpers/oxaPayAction';
import { schemaErrors, shippedSchema } from '../../helpers/outputSchemas';
import { oxaPayTestKeys, oxaPayVectors as v, readOxaPayBody } from '../../helpers/oxapayFixtures';
import { runWebhook } from '../../helpers/webhookContext';

const trigger = new OxaPayTrigger();
const credentials = { oxaPayApi: { ...oxaPayTestKeys, baseUrl: '' } };
const deliver = async (body: Buffer | string, hmac: string) =>
	await runWebhook(trigger, {
		nodeType: 'n8n-nodes-crypto-webhooks.oxaPayTrigger',
		typeVersion: 1.1,
		parameters: {},
		credentials,
		request: { body, headers: { 'content-type': 'application/json', hmac } },
	});

describe('OxaPay Trigger: every member of the documented callbacks is described', () => {
	const schema = closedEverywhere(shippedSchema(trigger, 1.1));

	it.each([
		['a Paid invoice', v.invoicePaid],
		['a Confirmed payout', v.payoutConfirmed],
	])('%s (fixture)', async (_name, vector) => {
		const run = await deliver(readOxaPayBody(vector.file), vector.hmac);
		expect(run.items).toHaveLength(1);
		expect(schemaErrors(schema, run.items[0])).toEqual([]);
	});
});

describe('OxaPay action node: every operation against the fake OxaPay matches its schema', () => {
	const h = oxaPayAction();
	const node = new OxaPay();
	let trackId = '';

	/** In run order: the invoice is created (every field set), paid by the fake payer, then read back. */
	const RUNS: Array<[string, string, () => Record<string, unknown>]> = [
		[
			'invoice',
			'create',
			() => ({
				amount: '1000.50',
				currency: 'USDT',
				orderId: 'schema-1',
				callbackUrl: h.receiver.url,
				additionalFields: {
					lifetime: 30,
					feePaidByPayer: '1',
					underPaidCoverage: 2.5,
					mixedPayment: true,
					returnUrl: 'https://shop.example.com/thanks',
					email: 'payer@example.com',
					thanksMessage: 'Thanks',
					description: 'Order schema-1',
				},
			}),
		],
		['payment', 'get', () => ({ trackId })],
	];

	it('covers every resource/operation the node offers', () => {
		const offered = Object.entries(describedOperations(node.description)).flatMap(([r, ops]) => ops.map((o) => `${r}/${o}`));
		expect(RUNS.map(([r, o]) => `${r}/${o}`).sort()).toEqual(offered.sort());
	});

	it.each(RUNS)('%s → %s', async (resource, operation, parameters) => {
		if (operation === 'get') {
			// the fake's Paying and Paid callbacks, through the trigger: described member for member too
			const before = h.receiver.requests.length;
			await h.fake.pay(trackId);
			const triggerSchema = closedEverywhere(shippedSchema(trigger, 1.1));
			const callbacks = h.receiver.requests.slice(before);
			expect(callbacks).toHaveLength(2);
			for (const callback of callbacks) {
				const run = await deliver(callback.body, String(callback.headers.hmac));
				expect(run.items).toHaveLength(1);
				expect(schemaErrors(triggerSchema, run.items[0])).toEqual([]);
			}
		}
		const { output } = await h.run([{ resource, operation, ...parameters() }]);
		expect(output[0]).toHaveLength(1);
		const schema = closedEverywhere(shippedSchema(node, 1, resource, operation));
		for (const { json } of output[0]) expect(schemaErrors(schema, json)).toEqual([]);
		if (operation === 'create') trackId = String(output[0][0].json.track_id);
		if (operation === 'get') expect(output[0][0].json).toMatchObject({ status: 'paid', amount: '1000.50', txs: [{ confirmations: 19 }] });
	});

	it('the schema catches an undeclared member and a wrong type', () => {
		const schema = closedEverywhere(shippedSchema(node, 1, 'invoice', 'create'));
		const item = { track_id: '1', payment_url: 'https://pay.oxapay.com/1/1', expired_at: 1, date: 1 };
		expect(schemaErrors(schema, item)).toEqual([]);
		expect(schemaErrors(schema, { ...item, paid: true })).toEqual(['(item) must NOT have additional properties: "paid"']);
		expect(schemaErrors(schema, { ...item, expired_at: '1' })).toEqual(['/expired_at must be integer']);
	});
});
