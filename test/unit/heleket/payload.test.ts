import { normalizeCryptomus } from '../../../nodes/Cryptomus/payload';
import { normalizeHeleket } from '../../../nodes/Heleket/payload';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { unsignedFixture } from './fixtures';

const tree = (text: string) => parseJsonLossless(text).root;

describe('normalizeHeleket', () => {
	it('maps a paid invoice webhook (fields of doc.heleket.com methods/payments/webhook)', () => {
		const text = unsignedFixture('payment-paid.unsigned.json');
		expect(normalizeHeleket(tree(text))).toEqual({
			provider: 'heleket',
			event: 'payment',
			status: 'paid',
			state: 'completed',
			isFinal: true,
			id: '1ec87133-b22d-4643-988f-cac29a6ac85d',
			orderId: 'order-42',
			amount: '15.00',
			currency: 'USD',
			network: 'tron',
			txHash: '6f0d9c8374db57cac0d806251473de754f361c83a03cd805f74aa9da3193486b',
			confirmations: null,
			dedupeKey: '1ec87133-b22d-4643-988f-cac29a6ac85d:paid',
			payload: JSON.parse(text),
		});
	});

	it('maps a static-wallet payment being confirmed and a paid payout', () => {
		expect(normalizeHeleket(tree(unsignedFixture('wallet-confirm-check.unsigned.json')))).toMatchObject({
			event: 'wallet',
			status: 'confirm_check',
			state: 'confirming',
			isFinal: false,
			orderId: 'static-wallet-7',
		});
		expect(normalizeHeleket(tree(unsignedFixture('payout-paid.unsigned.json')))).toMatchObject({
			event: 'payout',
			status: 'paid',
			state: 'completed',
			isFinal: true,
			amount: '207.00000000',
			currency: 'USDT',
			network: 'bsc',
		});
	});

	it.each([
		['wrong_amount', 'partial', true],
		['locked', 'pending', true],
		['wrong_amount_waiting', 'partial', false],
		['refund_process', 'refunding', false],
		['refund_fail', 'failed', true],
		['check', 'pending', false],
	] as const)('without is_final, %s is state %s and final=%s (Heleket SDK status enums)', (status, state, isFinal) => {
		const fields = normalizeHeleket(tree(`{"type":"payment","uuid":"u","status":"${status}"}`));
		expect(fields).toMatchObject({ status, state, isFinal });
	});

	it('the body\'s is_final wins over the table; Cryptomus keeps its own table (wrong_amount not final there)', () => {
		expect(normalizeHeleket(tree('{"type":"payment","uuid":"u","status":"paid","is_final":false}'))?.isFinal).toBe(false);
		expect(normalizeCryptomus(tree('{"type":"payment","uuid":"u","status":"wrong_amount"}'))).toMatchObject({
			provider: 'cryptomus',
			isFinal: false,
		});
	});

	it('an unknown type is not a Heleket webhook; an unknown status passes through', () => {
		expect(normalizeHeleket(tree('{"type":"refund","uuid":"u","status":"paid"}'))).toBeUndefined();
		expect(normalizeHeleket(tree('{"type":"payout","uuid":"u","status":"brand_new"}'))).toMatchObject({
			state: 'unknown',
			isFinal: false,
		});
	});
});
