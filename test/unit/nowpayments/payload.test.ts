import { readNowPaymentsFixture } from '../../helpers/nowpaymentsFixtures';
import { sortedValue } from '../../../nodes/NowPayments/canonical';
import {
	normalizeNowPayments,
	NOWPAYMENTS_STATUSES,
	nowPaymentsEvent,
	nowPaymentsState,
	PAYMENT_STATES,
} from '../../../nodes/NowPayments/payload';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';

/** What the trigger normalizes: the body's value as NOWPayments signed it. */
const signed = (text: string) => sortedValue(parseJsonLossless(text).root, 'sortedDeep');
const fixture = (name: string) => signed(readNowPaymentsFixture(name));

describe('NOWPayments payloads → normalized item', () => {
	it('a payment IPN (the docs\' example, nested fee): price as amount, paid amount and parent as extras', () => {
		const result = normalizeNowPayments(fixture('doc-current-payment.body.json'));
		expect(result?.fields).toMatchObject({
			provider: 'nowpayments',
			event: 'payment',
			status: 'finished',
			state: 'completed',
			isFinal: true,
			id: '123456789',
			orderId: null,
			amount: '1',
			currency: 'usd',
			network: null,
			txHash: null,
			confirmations: null,
			dedupeKey: '123456789:finished',
		});
		expect(result?.extras).toEqual({ parentPaymentId: '987654321', actuallyPaid: '15', payCurrency: 'trx' });
		expect(result?.fields.payload).toMatchObject({ fee: { currency: 'btc', depositFee: 0.09853637216235617, serviceFee: 0, withdrawalFee: 0 } });
	});

	it('amounts are the texts NOWPayments printed, never a float\'s rounding', () => {
		const result = normalizeNowPayments(fixture('edge-numbers.body.json'));
		expect(result?.fields).toMatchObject({ amount: '1', state: 'partial', isFinal: true, dedupeKey: '5800567262:partially_paid' });
		expect(result?.extras.actuallyPaid).toBe('1e-7');
		// an integer past 2^53 is kept as the text the signer printed
		expect((result?.fields.payload as Record<string, unknown>).purchase_id).toBe(12345678901234567000);
		const exact = normalizeNowPayments(signed('{"payment_id":5,"payment_status":"waiting","price_amount":3999.5,"price_currency":"usd"}'));
		expect(exact?.fields.amount).toBe('3999.5');
	});

	it('text keeps its characters (non-ASCII, slashes) as sent', () => {
		const result = normalizeNowPayments(fixture('edge-text.body.json'));
		expect(result?.fields.orderId).toBe('shop/orders/42');
		expect((result?.fields.payload as Record<string, string>).order_description).toBe(
			'Café crème ×2 — 東京 😀 https://shop.example/o/42?x=1&y="q"',
		);
	});

	it('a repeated deposit has its own id and dedupe key, and names its original payment', () => {
		const result = normalizeNowPayments(fixture('repeated-deposit.body.json'));
		expect(result?.fields).toMatchObject({ id: '4526424492', dedupeKey: '4526424492:finished', orderId: 'RGDBP-21314' });
		expect(result?.extras.parentPaymentId).toBe('5592161154');
		expect((result?.fields.payload as Record<string, unknown>).payment_extra_ids).toEqual([5592161154, 4526424492]);
	});

	it('a payout IPN (upper-case status): its own amount, currency, hash and event-prefixed dedupe key', () => {
		const result = normalizeNowPayments(fixture('payout.body.json'));
		expect(result?.fields).toMatchObject({
			event: 'payout',
			status: 'FINISHED',
			state: 'completed',
			isFinal: true,
			id: '5000000001',
			orderId: null,
			amount: '50',
			currency: 'usdttrc20',
			txHash: '4b0b2c6a4b1f1fd09ac7d1c9e8c3f2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5',
			dedupeKey: 'payout:5000000001:FINISHED',
		});
		expect(result?.extras).toEqual({ parentPaymentId: null, actuallyPaid: null, payCurrency: null });
	});

	it('a custodial recurring payment IPN (the docs\' example)', () => {
		const body = '{"id":"1234567890","status":"FINISHED","currency":"trx","amount":"12.171365564140688","ipn_callback_url":"callback_url","created_at":"2023-07-26T14:20:11.531Z","updated_at":"2023-07-26T14:20:21.079Z"}';
		expect(normalizeNowPayments(signed(body))?.fields).toMatchObject({
			event: 'custody',
			state: 'completed',
			amount: '12.171365564140688',
			dedupeKey: 'custody:1234567890:FINISHED',
		});
	});

	it('classifies bodies; none of the three kinds → undefined', () => {
		expect(nowPaymentsEvent(signed('{"payment_id":null}'))).toBe('payment');
		expect(nowPaymentsEvent(signed('{"id":"1","batch_withdrawal_id":"2","status":"WAITING"}'))).toBe('payout');
		expect(nowPaymentsEvent(signed('{"id":"1","status":"WAITING_PAY"}'))).toBe('custody');
		expect(normalizeNowPayments(signed('{"hello":"world"}'))).toBeUndefined();
	});

	it('maps every documented payment status; others are unknown and not final', () => {
		expect(Object.keys(PAYMENT_STATES)).toEqual([
			'waiting',
			'confirming',
			'confirmed',
			'sending',
			'partially_paid',
			'finished',
			'failed',
			'refunded',
			'expired',
		]);
		expect(nowPaymentsState('payment', 'wrong_asset_confirmed')).toBe('unknown');
		expect(normalizeNowPayments(signed('{"payment_id":1,"payment_status":"something_new"}'))?.fields).toMatchObject({
			state: 'unknown',
			isFinal: false,
		});
		expect(nowPaymentsState('payout', 'REJECTED')).toBe('failed');
		expect(NOWPAYMENTS_STATUSES).toEqual(expect.arrayContaining(['finished', 'creating', 'waiting_pay', 'rejected']));
	});
});
