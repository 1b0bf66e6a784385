/**
 * The CryptAPI action node's output schemas (nodes/CryptApi/resources/outputSchema.ts) against the fake CryptAPI
 * (test/fake-cryptapi): every resource/operation the node offers runs, and each output item matches the schema the
 * editor previews for it — with every described object closed (closedEverywhere), so a member the fake sends as
 * CryptAPI documents it that the schema does not list fails, as does a value of another type. Variants cover what
 * changes the shape: a split destination (address_out as a map), Get Logs after a payment (callbacks and their logs),
 * Get Info with and without prices, a lossless amount.
 */
import { CryptApi } from '../../../nodes/CryptApi/CryptApi.node';
import { describedOperations } from '../../../nodes/shared/outputSchema';
import { closedEverywhere } from '../../helpers/closedSchema';
import { cryptApiAction } from '../../helpers/cryptApiAction';
import { schemaErrors, shippedSchema } from '../../helpers/outputSchemas';

const BTC = '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP';
const BTC_2 = '1PE5U4temq1rFzseHHGE2L8smwHCyRbkx3';

describe('CryptAPI action node: every operation against the fake CryptAPI matches its schema', () => {
	const h = cryptApiAction();
	const node = new CryptApi();
	let addressIn = '';

	const address = (orderId: string, more: Record<string, unknown> = {}) => ({
		ticker: 'btc',
		destination: BTC,
		callbackUrl: h.receiver.url,
		orderId,
		callbackParameters: {},
		additionalFields: { pending: true, confirmations: 2, convert: true, priority: 'fast' },
		...more,
	});

	/** In run order: an address is created, paid by the fake customer (pending + confirmed callbacks), its logs read. */
	const RUNS: Array<[string, string, string, () => Record<string, unknown>]> = [
		['address', 'create', 'one destination', () => address('schema-1')],
		['address', 'create', 'split destination', () => address('schema-split', { destination: `0.70@${BTC}|0.3@${BTC_2}`, additionalFields: {} })],
		['address', 'getLogs', 'after a payment', () => address('schema-1')],
		['coin', 'getInfo', 'without prices', () => ({ ticker: 'btc', includePrices: false })],
		['coin', 'getInfo', 'with prices', () => ({ ticker: 'trc20/usdt', includePrices: true })],
		['coin', 'estimateFees', 'three addresses', () => ({ ticker: 'btc', addresses: 3, priority: 'default' })],
		['coin', 'convert', 'from EUR', () => ({ ticker: 'eth', value: '100.50', from: 'EUR' })],
		['coin', 'getQrCode', 'with an amount', () => ({ ticker: 'btc', address: addressIn, amount: '0.0015', size: 256 })],
	];

	it('covers every resource/operation the node offers', () => {
		const offered = Object.entries(describedOperations(node.description)).flatMap(([r, ops]) => ops.map((o) => `${r}/${o}`));
		expect([...new Set(RUNS.map(([r, o]) => `${r}/${o}`))].sort()).toEqual(offered.sort());
	});

	it.each(RUNS)('%s → %s (%s)', async (resource, operation, _variant, parameters) => {
		if (operation === 'getLogs') await h.fake.pay({ addressIn }, '1.863559866959933009');
		const { output } = await h.run([{ resource, operation, ...parameters() }]);
		expect(output[0]).toHaveLength(1);
		const schema = closedEverywhere(shippedSchema(node, 1, resource, operation));
		for (const { json } of output[0]) expect(schemaErrors(schema, json)).toEqual([]);
		const json = output[0][0].json;
		if (operation === 'create' && !addressIn) addressIn = String(json.address_in);
		if (operation === 'getLogs') {
			expect(json.callbacks).toMatchObject([{ value_coin: '1.863559866959933009', logs: [{ pending: '0' }, { pending: '1' }] }]);
		}
	});

	it('the schema catches an undeclared member and a wrong type', () => {
		const schema = closedEverywhere(shippedSchema(node, 1, 'coin', 'convert'));
		const item = { value_coin: '0.04', exchange_rate: 2500, status: 'success' };
		expect(schemaErrors(schema, item)).toEqual([]);
		expect(schemaErrors(schema, { ...item, qr_code: 'iVBOR' })).toEqual(['(item) must NOT have additional properties: "qr_code"']);
		expect(schemaErrors(schema, { ...item, value_coin: true })).toEqual(['/value_coin must be number,string']);
	});
});
