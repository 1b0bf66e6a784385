import {
	coinPaymentsIpnStatus,
	coinPaymentsWebhookEvent,
	normalizeCoinPaymentsIpn,
	normalizeCoinPaymentsWebhook,
} from '../../../nodes/CoinPayments/payload';
import { formToTree } from '../../../nodes/shared/form';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { cpVectors, invoiceCompletedBody } from './fixtures';

const ipn = (name: keyof typeof cpVectors.ipn.bodies) => formToTree(cpVectors.ipn.bodies[name].body);

describe('CoinPayments IPN payloads', () => {
	it('an API transaction, complete (status 100): price in the original currency, send_tx as the chain transaction', () => {
		const fields = normalizeCoinPaymentsIpn(ipn('api-complete'));
		expect(fields).toMatchObject({
			provider: 'coinpayments',
			event: 'api',
			status: '100',
			state: 'completed',
			isFinal: true,
			id: 'CPFB4ZZQTB8RKHOWK2AN0CMJRL',
			orderId: 'order-1001',
			amount: '12.50',
			currency: 'USD',
			network: null,
			txHash: 'c01d93c268ee884f09c586c89340ed35b5b05fba5a1bb726924f2dd1eb9319b6',
			confirmations: 3,
			dedupeKey: 'api:CPFB4ZZQTB8RKHOWK2AN0CMJRL:100',
			ipnId: '3f0a5c2e9b8d4e6f1a2b3c4d5e6f7a8b',
			statusText: 'Complete',
		});
		expect(fields?.payload).toMatchObject({
			buyer_name: 'Zoë Ñandú',
			email: 'buyer+n8n@example.com',
			custom: 'https://shop.example/orders/1001?src=n8n&x=a b',
			amount2: '0.00041234',
		});
	});

	it('a button payment queued for nightly payout (status 2): completed, not final (100 follows)', () => {
		expect(normalizeCoinPaymentsIpn(ipn('button-queued'))).toMatchObject({ event: 'button', status: '2', state: 'completed', isFinal: false, orderId: 'inv-77', amount: '49.90', currency: 'EUR', confirmations: 6, txHash: null });
	});

	it('a deposit to a callback address (deposit_id, coin amount, txn_id is the chain transaction)', () => {
		expect(normalizeCoinPaymentsIpn(ipn('deposit-pending'))).toMatchObject({
			event: 'deposit',
			status: '0',
			state: 'pending',
			isFinal: false,
			id: 'CDFB7UQWRJ0J3MGG4LRDJGR7SH',
			orderId: null,
			amount: '0.01500000',
			currency: 'BTC',
			txHash: '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b',
			confirmations: 1,
			dedupeKey: 'deposit:CDFB7UQWRJ0J3MGG4LRDJGR7SH:0',
		});
	});

	it('a withdrawal: status 2 is sent/complete and final', () => {
		expect(normalizeCoinPaymentsIpn(ipn('withdrawal-complete'))).toMatchObject({ event: 'withdrawal', status: '2', state: 'completed', isFinal: true, id: 'CWFB2NQ6O9ZMLJWL8EIW1LRPBC', amount: '250.00000000', currency: 'USDT.TRC20' });
	});

	it.each([
		['api', '-2', 'refunded', true],
		['api', '-1', 'cancelled', true],
		['api', '-7', 'failed', true],
		['button', '0', 'pending', false],
		['simple', '1', 'confirming', false],
		['cart', '2', 'completed', false],
		['donation', '3', 'pending', false],
		['api', '5', 'pending', false],
		['api', '42', 'pending', false],
		['api', '100', 'completed', true],
		['api', '101', 'completed', true],
		['deposit', '100', 'completed', true],
		['withdrawal', '0', 'pending', false],
		['withdrawal', '1', 'pending', false],
		['withdrawal', '-1', 'failed', true],
		['api', 'paid', 'unknown', false],
		['api', '', 'unknown', false],
	] as const)('%s status %s → %s, final %s', (type, status, state, isFinal) => {
		expect(coinPaymentsIpnStatus(type, status)).toEqual({ state, isFinal });
	});

	it('the status stays the text as sent; a form without ipn_type is not an IPN', () => {
		expect(normalizeCoinPaymentsIpn(formToTree('ipn_type=api&txn_id=x&status=0100'))).toMatchObject({ status: '0100', state: 'completed' });
		expect(normalizeCoinPaymentsIpn(formToTree('txn_id=x&status=100'))).toBeUndefined();
	});
});

describe('CoinPayments API webhook payloads', () => {
	it('maps the invoiceCompleted fixture (type "InvoiceCompleted" as in their example)', () => {
		const fields = normalizeCoinPaymentsWebhook(parseJsonLossless(invoiceCompletedBody).root);
		expect(fields).toMatchObject({
			provider: 'coinpayments',
			event: 'invoiceCompleted',
			status: 'Completed',
			state: 'completed',
			isFinal: true,
			id: '2008d68d-0f66-44ec-8500-68d054b882b9',
			orderId: 'order-2024-0067',
			amount: '10000',
			currency: '5057',
			dedupeKey: '2008d68d-0f66-44ec-8500-68d054b882b9:invoiceCompleted',
		});
		expect(fields?.payload).toEqual(JSON.parse(invoiceCompletedBody));
		expect((fields?.payload as { invoice: { description: string } }).invoice.description).toBe('Café order — 2 items');
	});

	it.each([
		['invoiceCreated', 'pending', false],
		['InvoicePending', 'confirming', false],
		['invoicepaid', 'completed', false],
		['invoiceCancelled', 'cancelled', true],
		['invoiceTimedOut', 'expired', true],
		['paymentCreated', 'pending', false],
		['PaymentTimedOut', 'expired', true],
	] as const)('type %s → state %s, final %s', (type, state, isFinal) => {
		const fields = normalizeCoinPaymentsWebhook(parseJsonLossless(`{"type":"${type}","invoice":{"id":"i1"}}`).root);
		expect(fields).toMatchObject({ event: coinPaymentsWebhookEvent(type), state, isFinal, status: type });
	});

	it('an unlisted type is kept as sent with state unknown; a body without a string type is not a webhook', () => {
		expect(normalizeCoinPaymentsWebhook(parseJsonLossless('{"type":"walletDeposit","id":"n1"}').root)).toMatchObject({ event: 'walletDeposit', state: 'unknown', id: 'n1' });
		expect(normalizeCoinPaymentsWebhook(parseJsonLossless('{"invoice":{}}').root)).toBeUndefined();
		expect(normalizeCoinPaymentsWebhook(parseJsonLossless('{"type":5}').root)).toBeUndefined();
		expect(normalizeCoinPaymentsWebhook(parseJsonLossless('["invoicePaid"]').root)).toBeUndefined();
	});
});
