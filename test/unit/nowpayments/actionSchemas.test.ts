/**
 * The NOWPayments action node's output schemas (nodes/NowPayments/resources/outputSchema.ts, what n8n's editor
 * previews before the node has run) against what the node really outputs: every resource/operation run against the
 * fake NOWPayments API (test/fake-nowpayments), each output item checked with the top level closed (a field the
 * schema does not list fails, as does a value of another type).
 */
import { NowPayments } from '../../../nodes/NowPayments/NowPayments.node';
import { describedOperations } from '../../../nodes/shared/outputSchema';
import { nowPaymentsAction } from '../../helpers/nowpaymentsAction';
import { closedTopLevel, schemaErrors, shippedSchema } from '../../helpers/outputSchemas';

describe('NOWPayments action node: every operation against the fake NOWPayments API matches its schema', () => {
	const h = nowPaymentsAction();
	const node = new NowPayments();
	const orderId = `schema-${Date.now().toString(36)}`;
	let paymentId = '';
	const order = {
		priceAmount: '10.50',
		priceCurrency: 'usd',
		orderId,
		orderDescription: 'Schema check',
	};
	/** In run order: a payment is created (with every optional field), read back, paid, listed; then the rest. */
	const RUNS: Array<[string, string, () => Record<string, unknown>]> = [
		[
			'payment',
			'create',
			() => ({
				...order,
				payCurrency: 'btc',
				ipnCallbackUrl: h.receiver.url,
				additionalFields: { payAmount: '0.00017', isFixedRate: true, isFeePaidByUser: false },
			}),
		],
		['payment', 'get', () => ({ paymentId })],
		['payment', 'getMany', () => ({ returnAll: true, filters: { orderBy: 'desc' } })],
		[
			'invoice',
			'create',
			() => ({
				...order,
				payCurrency: '',
				ipnCallbackUrl: h.receiver.url,
				additionalFields: {
					successUrl: 'https://shop.example.com/thanks',
					cancelUrl: 'https://shop.example.com/cart',
					partiallyPaidUrl: 'https://shop.example.com/partial',
					isFixedRate: true,
					isFeePaidByUser: true,
				},
			}),
		],
		['currency', 'getMinimumAmount', () => ({ currencyFrom: 'btc', currencyTo: 'usdttrc20', options: { fiatEquivalent: 'usd' } })],
		['currency', 'getEstimate', () => ({ amount: '3999.50', currencyFrom: 'usd', currencyTo: 'btc' })],
	];

	it('covers every resource/operation the node offers', () => {
		const offered = Object.entries(describedOperations(node.description)).flatMap(([r, ops]) => ops.map((o) => `${r}/${o}`));
		expect(RUNS.map(([r, o]) => `${r}/${o}`).sort()).toEqual(offered.sort());
	});

	it.each(RUNS)('%s → %s', async (resource, operation, parameters) => {
		const { output } = await h.run([{ resource, operation, ...parameters() }]);
		expect(output[0].length).toBeGreaterThan(0);
		const schema = closedTopLevel(shippedSchema(node, 1, resource, operation));
		for (const { json } of output[0]) expect(schemaErrors(schema, json)).toEqual([]);
		if (resource === 'payment' && operation === 'create') {
			paymentId = String((output[0][0].json as { payment_id: number }).payment_id);
			h.fake.pay(paymentId, 'partially_paid');
		}
	});

	it('a paid payment, read back, still matches (its answer changes after the IPN)', async () => {
		const { output } = await h.run([{ resource: 'payment', operation: 'get', paymentId }]);
		expect(output[0][0].json).toMatchObject({ payment_status: 'partially_paid', order_id: orderId });
		expect(schemaErrors(closedTopLevel(shippedSchema(node, 1, 'payment', 'get')), output[0][0].json)).toEqual([]);
	});

	it('the validator catches an undeclared field and a wrong type', () => {
		const schema = closedTopLevel(shippedSchema(node, 1, 'payment', 'create'));
		const payment = h.fake.payments[0];
		expect(schemaErrors(schema, { ...payment, paidAt: null })).toEqual(['(item) must NOT have additional properties: "paidAt"']);
		expect(schemaErrors(schema, { ...payment, is_fixed_rate: 'yes' })).toEqual(['/is_fixed_rate must be boolean']);
	});
});
