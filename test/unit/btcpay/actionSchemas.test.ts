/**
 * The BTCPay Server action node's output schemas (nodes/BtcPayServer/resources/outputSchema.ts) against what it
 * really outputs: every resource/operation it offers, run against the fake Greenfield API (test/fake-btcpay), each
 * item valid under its schema with the top level closed (a field the schema does not list fails).
 */
import { BtcPayServerApi } from '../../../credentials/BtcPayServerApi.credentials';
import { BtcPayServer } from '../../../nodes/BtcPayServer/BtcPayServer.node';
import { describedOperations } from '../../../nodes/shared/outputSchema';
import { startFakeBtcPay, type FakeBtcPay } from '../../fake-btcpay/server';
import { actionHarness } from '../../helpers/actionHarness';
import { btcpayTestCredentials as keys, fakeBtcPayOptions } from '../../helpers/btcpayFixtures';
import { closedTopLevel, schemaErrors, shippedSchema } from '../../helpers/outputSchemas';

describe('BTCPay Server action node: every operation against the fake BTCPay Server matches its schema', () => {
	const node = new BtcPayServer();
	const h = actionHarness<FakeBtcPay>({
		node,
		nodeType: 'n8n-nodes-crypto-webhooks.btcPayServer',
		startFake: () => startFakeBtcPay(fakeBtcPayOptions()),
		receiver: { path: '/webhook/x/webhook', contentType: 'application/json', body: '{"received":true}' },
		credentialType: new BtcPayServerApi(),
		credentials: (fake) => ({ serverUrl: fake.baseUrl, apiKey: keys.invoicesOnlyApiKey, storeId: keys.storeId, webhookSecret: '' }),
	});
	const orderId = `schema-${Date.now().toString(36)}`;
	let invoiceId = '';

	/** In run order: an invoice with every option is created, paid and settled (by the fake), got, then listed. */
	const RUNS: Array<[string, string, () => Record<string, unknown>]> = [
		[
			'invoice',
			'create',
			() => ({
				amount: '10.50',
				currency: 'EUR',
				orderId,
				additionalFields: {
					buyerEmail: 'buyer@example.com',
					itemDesc: 'Café ☕',
					orderUrl: 'https://shop.example.com/orders/1042',
					metadata: '{"posData": {"customer": 42}}',
					speedPolicy: 'LowSpeed',
					paymentMethods: 'BTC-CHAIN, BTC-LN',
					defaultPaymentMethod: 'BTC-LN',
					expirationMinutes: 30,
					monitoringMinutes: 60,
					paymentTolerance: 1.5,
					redirectURL: 'https://shop.example.com/thanks?order={OrderId}',
					redirectAutomatically: true,
					defaultLanguage: 'de-DE',
				},
			}),
		],
		['invoice', 'get', () => ({ invoiceId })],
		['invoice', 'getMany', () => ({ returnAll: true, filters: {} })],
	];

	it('covers every resource/operation the node offers', () => {
		const offered = Object.entries(describedOperations(node.description)).flatMap(([r, ops]) => ops.map((o) => `${r}/${o}`));
		expect(RUNS.map(([r, o]) => `${r}/${o}`).sort()).toEqual(offered.sort());
	});

	it.each(RUNS)('%s → %s', async (resource, operation, parameters) => {
		if (operation === 'get') {
			await h.fake.invoices.pay(invoiceId);
			await h.fake.invoices.settle(invoiceId);
		}
		if (operation === 'getMany') h.fake.invoices.create(keys.storeId, { amount: null }); // a top-up invoice, no options
		const { output } = await h.run([{ resource, operation, ...parameters() }]);
		expect(output[0].length).toBeGreaterThan(0);
		if (operation === 'create') invoiceId = String(output[0][0].json.id);
		const schema = closedTopLevel(shippedSchema(node, 1, resource, operation));
		for (const { json } of output[0]) expect(schemaErrors(schema, json)).toEqual([]);
	});

	it('a field BTCPay does not document, or a wrong type, is caught', async () => {
		const { output } = await h.run([{ resource: 'invoice', operation: 'get', invoiceId }]);
		const invoice = output[0][0].json;
		const schema = closedTopLevel(shippedSchema(node, 1, 'invoice', 'get'));
		expect(schemaErrors(schema, { ...invoice, paidAt: 1 })).toEqual(['(item) must NOT have additional properties: "paidAt"']);
		expect(schemaErrors(schema, { ...invoice, amount: 10.5 })).toEqual(['/amount must be string']);
		expect(schemaErrors(schema, { ...invoice, createdTime: '2026-01-15' })).toEqual(['/createdTime must be integer']);
	});
});
