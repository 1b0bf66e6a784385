import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { normalizeOxaPay, oxaPayState, PAYMENT_STATES, PAYOUT_STATES } from '../../../nodes/OxaPay/payload';
import { STATES } from '../../../nodes/shared/types';
import { oxaPayVectors as v, readOxaPayBody } from '../../helpers/oxapayFixtures';

const normalize = (text: string | Buffer) => normalizeOxaPay(parseJsonLossless(text).root);

describe('OxaPay payloads', () => {
	it('maps a paid invoice: amount as the literal sent, first transaction for hash and confirmations', () => {
		expect(normalize(readOxaPayBody(v.invoicePaid.file))).toEqual({
			provider: 'oxapay',
			event: 'invoice',
			status: 'Paid',
			state: 'completed',
			isFinal: true,
			id: '151811887',
			orderId: 'ORD-12345',
			amount: '10.50',
			currency: 'USDT',
			network: 'Tron Network',
			txHash: '7d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a',
			confirmations: 19,
			dedupeKey: '151811887:paid',
			payload: expect.objectContaining({ amount: '10.50', sent_value: '9.9800', description: 'Café crème / order #12345' }),
		});
	});

	it('maps a payout from its own fields', () => {
		expect(normalize(readOxaPayBody(v.payoutConfirmed.file))).toMatchObject({
			event: 'payout',
			status: 'Confirmed',
			state: 'completed',
			isFinal: true,
			amount: '25.000000',
			network: 'TRC20',
			confirmations: 3,
			orderId: null,
			dedupeKey: '284761934:confirmed',
		});
	});

	it('reads statuses ignoring case and maps unknown ones to unknown', () => {
		expect(oxaPayState('invoice', 'Paying')).toBe('confirming');
		expect(oxaPayState('invoice', 'paying')).toBe('confirming');
		expect(oxaPayState('invoice', 'Underpaid')).toBe('partial');
		expect(oxaPayState('payout', 'Canceled')).toBe('cancelled');
		expect(oxaPayState('payout', 'paid')).toBe('unknown');
		expect(oxaPayState('donation', 'brand_new')).toBe('unknown');
		for (const state of [...Object.values(PAYMENT_STATES), ...Object.values(PAYOUT_STATES)]) expect(STATES).toContain(state);
	});

	it('a numeric track_id keeps its digits, a pending payment is not final', () => {
		const item = normalize('{"track_id":12345678901234567890,"type":"white_label","status":"Waiting","amount":1e2}');
		expect(item).toMatchObject({ id: '12345678901234567890', event: 'white_label', state: 'pending', isFinal: false, amount: '1e2' });
		expect(item?.payload).toMatchObject({ track_id: '12345678901234567890', amount: '1e2' });
	});

	it('refuses what is not an OxaPay callback', () => {
		expect(normalize('{"type":"invoice","status":"Paid"}')).toBeUndefined();
		expect(normalize('[1,2]')).toBeUndefined();
	});
});
