import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { CRYPTO2B_STATES, crypto2bState, normalizeCrypto2b } from '../../../nodes/Crypto2b/payload';
import { constructedBody, vectors as V } from './fixtures';

function normalize(body: Buffer | string) {
	const result = normalizeCrypto2b(parseJsonLossless(body).root);
	if (!result.ok) throw new Error(`not normalized: ${result.detail}`);
	return result;
}

describe('normalizeCrypto2b', () => {
	it('the spec vector body (Deposit, Success)', () => {
		const { fields, fees } = normalize(V.body);
		expect(fields).toEqual({
			provider: 'crypto2b',
			event: 'deposit',
			status: 'Success',
			state: 'completed',
			isFinal: false,
			id: '123456',
			orderId: 'client-deposit-001',
			amount: null,
			currency: null,
			network: null,
			txHash: null,
			confirmations: null,
			dedupeKey: 'Deposit:123456:Success',
			payload: JSON.parse(V.body),
		});
		expect(fees).toEqual([]);
	});

	it('constructed deposit: amounts keep their literal text (1000.50 stays "1000.50")', () => {
		const { fields, fees } = normalize(constructedBody('deposit'));
		expect(fields).toMatchObject({
			event: 'deposit',
			status: 'SuccessFinalized',
			state: 'completed',
			isFinal: true,
			id: '123457',
			orderId: 'client-deposit-002',
			amount: '1000.50',
			currency: 'USDT',
			network: 'TRC20',
			txHash: '4c2b7a90e1d35f8a6b0c9d2e7f1a3b5c8d0e2f4a6b8c0d1e3f5a7b9c1d3e5f70',
			confirmations: 20,
			dedupeKey: 'Deposit:123457:SuccessFinalized',
		});
		expect(fees).toEqual([
			{ type: 'Commercial', amount: '1.00', currency: 'USDT', network: 'TRC20' },
			{ type: 'Technical', amount: '0.345', currency: 'TRX', network: 'TRC20' },
		]);
		const payload = fields.payload as { data: { transaction: { amount: unknown }; address: { tag: unknown } } };
		expect(payload.data.transaction.amount).toBe('1000.50');
		expect(payload.data.address.tag).toBeNull();
	});

	it('constructed withdrawal: orderId is paymentOrderId, non-ASCII kept', () => {
		const { fields } = normalize(constructedBody('withdrawal'));
		expect(fields).toMatchObject({
			event: 'withdrawal',
			status: 'Success',
			id: '88001',
			orderId: 'payout/2024/0007',
			amount: '0.25000000',
			currency: 'BTC',
			network: 'Bitcoin',
			confirmations: 3,
			dedupeKey: 'Withdrawal:88001:Success',
		});
		expect((fields.payload as { data: { foreignId: string } }).data.foreignId).toBe('заказ-77 café');
	});

	it('constructed service: no orderId, a big amount as text, the date as sent', () => {
		const { fields, fees } = normalize(constructedBody('service'));
		expect(fields).toMatchObject({
			event: 'service',
			orderId: null,
			amount: '12345678901234567890.120',
			dedupeKey: 'Service:5501:Success',
		});
		expect(fees).toEqual([]);
		expect((fields.payload as { data: { date: string; soType: string } }).data).toMatchObject({
			date: '2024-03-10T12:00:05',
			soType: 'Collection',
		});
	});

	it('a later status of the same operation gets a different dedupe key', () => {
		const pending = normalize(V.body.replace('"Success"', '"Pending"')).fields;
		expect(pending).toMatchObject({ status: 'Pending', state: 'pending', isFinal: false });
		expect(pending.dedupeKey).not.toBe(normalize(V.body).fields.dedupeKey);
	});

	it.each([
		['not an object', '[]'],
		['no data', '{"type":"Deposit","id":1,"status":"Success"}'],
		['data not an object', '{"data":"Deposit"}'],
		['unknown type', '{"data":{"type":"Refund","id":1,"status":"Success"}}'],
		['lower-case type', '{"data":{"type":"deposit","id":1,"status":"Success"}}'],
		['no id', '{"data":{"type":"Deposit","status":"Success"}}'],
		['no status', '{"data":{"type":"Deposit","id":1}}'],
	])('refuses %s', (_name, body) => {
		expect(normalizeCrypto2b(parseJsonLossless(body).root).ok).toBe(false);
	});
});

describe('status mapping', () => {
	it.each([
		['Pending', 'pending', false],
		['Success', 'completed', false],
		['SuccessBalanceFinalized', 'completed', true],
		['SuccessFinalized', 'completed', true],
		['SuccessButNotEnoughFundsToPayFee', 'completed', false],
		['Failed', 'failed', true],
		['AmlCheck', 'unknown', false],
		['constructor', 'unknown', false],
	])('%s → %s (final: %s)', (status, state, isFinal) => {
		expect(crypto2bState(status)).toBe(state);
		const { fields } = normalize(`{"data":{"type":"Withdrawal","id":7,"status":"${status}"}}`);
		expect(fields.isFinal).toBe(isFinal);
	});

	it('covers every documented deposit status', () => {
		expect(Object.keys(CRYPTO2B_STATES).sort()).toEqual(
			['Failed', 'Pending', 'Success', 'SuccessBalanceFinalized', 'SuccessButNotEnoughFundsToPayFee', 'SuccessFinalized'].sort(),
		);
	});
});
