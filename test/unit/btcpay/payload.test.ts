import { btcPayState, normalizeBtcPay } from '../../../nodes/BtcPayServer/payload';
import { eventCategory, isSelected } from '../../../nodes/BtcPayServer/events';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { readBtcPayBody } from '../../helpers/btcpayFixtures';

/** The first delivery of the InvoiceSettled fixture: its id, and the originalDeliveryId of its redelivery. */
const SETTLED_DELIVERY = 'Xk2LcQw7Rr3Tz8YpHnM4aB';

const normalize = (text: string) => normalizeBtcPay(parseJsonLossless(text).root);
const fixture = (name: string) => normalize(readBtcPayBody(name));

describe('BTCPay deliveries → normalized item', () => {
	it('InvoiceSettled: status is the event type, state completed, final; no amount (the event has none)', () => {
		const out = fixture('invoice-settled.body.json');
		expect(out?.fields).toMatchObject({
			provider: 'btcpay',
			event: 'invoice',
			status: 'InvoiceSettled',
			state: 'completed',
			isFinal: true,
			id: 'LfYbn7Sw2XyG6AuVJ3kt8R',
			orderId: 'order-1042',
			amount: null,
			currency: null,
			network: null,
			txHash: null,
			confirmations: null,
			dedupeKey: SETTLED_DELIVERY,
		});
		expect(out?.extra).toEqual({
			storeId: '9BatxYQgpxRKXfkZxoWCa324sbkcVmfJVjQixBCP7NYm',
			webhookId: 'Q2Hb9Xy5ZDj7mA3wC4tUkE',
			deliveryId: 'Xk2LcQw7Rr3Tz8YpHnM4aB',
			originalDeliveryId: 'Xk2LcQw7Rr3Tz8YpHnM4aB',
			isRedelivery: false,
			isTest: false,
		});
		expect(out?.fields.payload).toEqual(JSON.parse(readBtcPayBody('invoice-settled.body.json')));
	});

	it('a redelivery of the same event (new deliveryId, same originalDeliveryId) has the same dedupeKey', () => {
		const first = fixture('invoice-settled.body.json');
		const again = fixture('invoice-settled-redelivery.body.json');
		expect(again?.extra).toMatchObject({ deliveryId: '9vUeF3kqJm2ZtXh7sCpW4d', isRedelivery: true });
		expect(again?.fields.dedupeKey).toBe(first?.fields.dedupeKey);
	});

	it('InvoiceReceivedPayment: amount is payment.value as sent, currency from paymentMethodId, txid from the outpoint id', () => {
		expect(fixture('invoice-received-payment.body.json')?.fields).toMatchObject({
			event: 'invoice',
			status: 'InvoiceReceivedPayment',
			state: 'confirming',
			isFinal: false,
			amount: '0.00021000',
			currency: 'BTC',
			network: 'BTC-CHAIN',
			txHash: '3b7f0c1e9a2d4c6b8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f',
			orderId: 'order-1042',
		});
	});

	it('a Lightning payment has no txHash; the pre-2.0 member name paymentMethod is read too', () => {
		const body = JSON.stringify({ deliveryId: 'd1', type: 'InvoicePaymentSettled', invoiceId: 'i1', paymentMethod: 'BTC_LightningLike', payment: { id: 'ab12', value: 0.0001 } }, null, 2);
		expect(normalize(body)?.fields).toMatchObject({ amount: '0.0001', currency: 'BTC', network: 'BTC_LightningLike', txHash: null });
	});

	it('PayoutUpdated: the payout id, state from payoutState', () => {
		expect(fixture('payout-updated.body.json')?.fields).toMatchObject({
			event: 'payout',
			status: 'PayoutUpdated',
			state: 'completed',
			isFinal: true,
			id: '7yS2mHq9XbWc4Tk3Lp6NvR',
			orderId: null,
			amount: null,
		});
	});

	it.each([
		['InvoiceCreated', {}, 'pending'],
		['InvoiceProcessing', { overPaid: true }, 'confirming'],
		['InvoiceSettled', { overPaid: true }, 'overpaid'],
		['InvoiceExpired', { partiallyPaid: true }, 'expired'],
		['InvoiceExpiredPaidPartial', {}, 'partial'],
		['InvoicePaidAfterExpiration', {}, 'expired'],
		['InvoiceInvalid', {}, 'failed'],
		['InvoiceRefund', {}, 'refunding'],
		['PayoutCreated', { payoutState: 'AwaitingApproval' }, 'pending'],
		['PayoutUpdated', { payoutState: 'InProgress' }, 'confirming'],
		['PayoutUpdated', { payoutState: 'Cancelled' }, 'cancelled'],
		['PaymentRequestStatusChanged', { status: 'Completed' }, 'completed'],
		['PaymentRequestStatusChanged', { status: 'Expired' }, 'expired'],
		['PaymentRequestArchived', { status: 'Pending' }, 'cancelled'],
		['PaymentRequestCompleted', {}, 'completed'],
		['SubscriberCreated', {}, 'unknown'],
	])('%s %j → %s', (type, members, state) => {
		const root = parseJsonLossless(JSON.stringify({ type, ...members })).root;
		expect(btcPayState(type, root)).toBe(state);
	});

	it('the community node\'s PaymentRequestStatusChanged test delivery: a test (ids __test__…__test__)', () => {
		const body = JSON.stringify(
			{
				deliveryId: 'XhWq8Yt3CwGbxBSRNuQFeN',
				webhookId: 'RPmHuKhkKqmZVX854QqHHr',
				originalDeliveryId: '__test__a6f47008-c8e7-4965-9173-532fb3d5d04b__test__',
				isRedelivery: false,
				type: 'PaymentRequestStatusChanged',
				timestamp: 1738660312,
				storeId: '9BatxYQgpxRKXfkZxoWCa324sbkcVmfJVjQixBCP7NYm',
				paymentRequestId: '__test__bc786aa8-8f1c-40ee-a80d-2cfd69f4d128__test__',
				status: 'Completed',
			},
			undefined,
			2,
		);
		const out = normalize(body);
		expect(out?.fields).toMatchObject({ event: 'paymentRequest', state: 'completed', id: '__test__bc786aa8-8f1c-40ee-a80d-2cfd69f4d128__test__' });
		expect(out?.extra.isTest).toBe(true);
		expect(out?.fields.dedupeKey).toBe('__test__a6f47008-c8e7-4965-9173-532fb3d5d04b__test__');
	});

	it('early servers\' typo orignalDeliveryId is read; without any delivery id the key is type:id:timestamp', () => {
		expect(normalize('{"deliveryId":"new","orignalDeliveryId":"first","type":"InvoiceSettled"}')?.fields.dedupeKey).toBe('first');
		expect(normalize('{"type":"InvoiceSettled","invoiceId":"i9","timestamp":1750000000}')?.fields.dedupeKey).toBe('InvoiceSettled:i9:1750000000');
	});

	it('an event type added later is kept: event "other", state unknown, nothing invented', () => {
		expect(normalize('{"deliveryId":"d","type":"SomethingNew","storeId":"s"}')?.fields).toMatchObject({
			event: 'other',
			status: 'SomethingNew',
			state: 'unknown',
			isFinal: false,
			id: null,
			amount: null,
		});
	});

	it('not a BTCPay event: no type, a non-text type, not an object', () => {
		expect(normalize('{"deliveryId":"d"}')).toBeUndefined();
		expect(normalize('{"type":5}')).toBeUndefined();
		expect(normalize('["InvoiceSettled"]')).toBeUndefined();
	});

	it('categories and selection', () => {
		expect(['InvoiceRefund', 'PayoutApproved', 'PaymentRequestCreated', 'PendingTransactionBroadcast', 'SubscriberCharged', 'PlanStarted', 'X'].map(eventCategory)).toEqual([
			'invoice',
			'payout',
			'paymentRequest',
			'pendingTransaction',
			'subscription',
			'subscription',
			'other',
		]);
		expect(isSelected(['*'], 'Anything')).toBe(true);
		expect(isSelected(['InvoiceSettled'], 'InvoiceExpired')).toBe(false);
	});
});
