/**
 * The BTCPay Server Trigger's output schema (nodes/BtcPayServer/outputSchema.ts) against the events BTCPay sends: every
 * fixture body, and every delivery the fake BTCPay Server (test/fake-btcpay) makes over an invoice's life (created,
 * paid on-chain or over Lightning, processing, settled, expired), each through the trigger's real `webhook()`. Each
 * item must match the schema (the top level is closed), and every member BTCPay sent must be one the schema describes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { BtcPayServerTrigger } from '../../../nodes/BtcPayServerTrigger/BtcPayServerTrigger.node';
import type { JsonSchema } from '../../../nodes/shared/outputSchema';
import { signBtcPayDelivery } from '../../../nodes/BtcPayServer/signature';
import { startFakeBtcPay, type FakeBtcPay } from '../../fake-btcpay/server';
import { btcpayTestCredentials as keys, fakeBtcPayOptions, readBtcPayBody } from '../../helpers/btcpayFixtures';
import { startReceiver, type Receiver } from '../../helpers/fakeHttp';
import { schemaErrors, shippedSchema } from '../../helpers/outputSchemas';
import { runWebhook } from '../../helpers/webhookContext';

const trigger = new BtcPayServerTrigger();
const schema = shippedSchema(trigger, 1.1);
const payloadSchema = schema.properties?.payload as JsonSchema;

async function itemFor(body: string) {
	const run = await runWebhook(trigger, {
		nodeType: 'n8n-nodes-crypto-webhooks.btcPayServerTrigger',
		typeVersion: 1.1,
		parameters: { registration: 'manual', events: ['*'], options: {} },
		credentials: { btcPayServerApi: { serverUrl: 'https://btcpay.example.com', apiKey: '', storeId: keys.storeId, webhookSecret: keys.webhookSecret } },
		request: { body, headers: { 'content-type': 'application/json', 'btcpay-sig': signBtcPayDelivery(body, keys.webhookSecret) } },
	});
	expect(run.items).toHaveLength(1);
	return run.items[0];
}

/** Members of `value` (and of its nested objects) that `schema` does not name: `payment.newMember`. */
function undescribed(value: Record<string, unknown>, described: JsonSchema, at = ''): string[] {
	return Object.entries(value).flatMap(([key, member]) => {
		const sub = described.properties?.[key];
		if (!sub) return [`${at}${key}`];
		return member !== null && typeof member === 'object' && !Array.isArray(member) && sub.properties
			? undescribed(member as Record<string, unknown>, sub, `${at}${key}.`)
			: [];
	});
}

function check(item: Record<string, unknown>): void {
	expect(schemaErrors(schema, item)).toEqual([]);
	expect(undescribed(item.payload as Record<string, unknown>, payloadSchema)).toEqual([]);
}

describe('BTCPay Server Trigger schema: the fixture bodies', () => {
	const fixtures = readdirSync(join(__dirname, '../../fixtures/btcpay')).filter((f) => f.endsWith('.body.json'));

	it.each(fixtures)('%s', async (file) => check(await itemFor(readBtcPayBody(file))));
});

describe('BTCPay Server Trigger schema: every delivery of an invoice\'s life at the fake BTCPay Server', () => {
	let fake: FakeBtcPay;
	let receiver: Receiver;
	beforeAll(async () => {
		fake = await startFakeBtcPay(fakeBtcPayOptions());
		receiver = await startReceiver('/webhook/x/webhook', { contentType: 'application/json', body: '{"received":true}' });
		fake.webhooks.create(keys.storeId, { url: receiver.url, authorizedEvents: { everything: true }, secret: keys.webhookSecret });
	});
	afterAll(async () => {
		await fake.close();
		await receiver.close();
	});

	it('created, paid, processing, payment settled, settled, expired: each item matches, every member described', async () => {
		const create = (orderId: string) =>
			String((fake.invoices.create(keys.storeId, { amount: '10.50', currency: 'EUR', metadata: { orderId, itemDesc: 'Café ☕', buyerEmail: 'buyer@example.com' } }).body as { id: string }).id);
		const onChain = create('order-chain');
		const lightning = create('order-ln');
		await fake.webhooks.waitForDeliveries(2);
		await fake.invoices.pay(onChain);
		await fake.invoices.settle(onChain);
		await fake.invoices.pay(lightning, { paymentMethodId: 'BTC-LN', value: '0.00012000', id: 'f'.repeat(64) });
		await fake.invoices.expire(lightning);
		const deliveries = await fake.webhooks.waitForDeliveries(9);

		const items = [];
		for (const delivery of deliveries) items.push(await itemFor(delivery.body));
		items.forEach(check);
		expect(items.map((i) => i.status)).toEqual([
			'InvoiceCreated',
			'InvoiceCreated',
			'InvoiceReceivedPayment',
			'InvoiceProcessing',
			'InvoicePaymentSettled',
			'InvoiceSettled',
			'InvoiceReceivedPayment',
			'InvoiceProcessing',
			'InvoiceExpired',
		]);
		expect(items.find((i) => i.network === 'BTC-LN')).toMatchObject({ amount: '0.00012000', currency: 'BTC', txHash: null });
	});
});
