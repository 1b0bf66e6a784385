import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cryptomusState, normalizeCryptomus } from '../../../nodes/Cryptomus/payload';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';

const example = readFileSync(join(__dirname, '../../fixtures/cryptomus/payment-example.unsigned.json'), 'utf8');

describe('normalizeCryptomus', () => {
	it('maps the documented payment example', () => {
		const fields = normalizeCryptomus(parseJsonLossless(example).root);
		expect(fields).toMatchObject({
			provider: 'cryptomus',
			event: 'payment',
			status: 'paid',
			state: 'completed',
			isFinal: true,
			id: '62f88b36-a9d5-4fa6-aa26-e040c3dbf26d',
			orderId: '97a75bf8eda5cca41ba9d2e104840fcd',
			amount: '3.00000000',
			currency: 'TRX',
			network: 'tron',
			txHash: '6f0d9c8374db57cac0d806251473de754f361c83a03cd805f74aa9da3193486b',
			confirmations: null,
			dedupeKey: '62f88b36-a9d5-4fa6-aa26-e040c3dbf26d:paid',
		});
		expect(fields?.payload).toEqual(JSON.parse(example));
	});

	it('keeps amounts as the literal text even when sent as numbers', () => {
		const fields = normalizeCryptomus(parseJsonLossless('{"type":"payout","uuid":"u","status":"process","amount":10.50}').root);
		expect(fields?.amount).toBe('10.50');
		expect(fields?.state).toBe('pending');
		expect(fields?.isFinal).toBe(false);
	});

	it('passes unknown statuses through as state "unknown"', () => {
		const fields = normalizeCryptomus(parseJsonLossless('{"type":"wallet","uuid":"u","status":"brand_new"}').root);
		expect(fields).toMatchObject({ status: 'brand_new', state: 'unknown', isFinal: false, dedupeKey: 'u:brand_new' });
	});

	it('returns undefined for an unknown type', () => {
		expect(normalizeCryptomus(parseJsonLossless('{"type":"refund","uuid":"u"}').root)).toBeUndefined();
		expect(normalizeCryptomus(parseJsonLossless('{"uuid":"u"}').root)).toBeUndefined();
	});

	it.each([
		['payment', 'paid_over', 'overpaid'],
		['payment', 'wrong_amount', 'partial'],
		['payment', 'confirm_check', 'confirming'],
		['payment', 'cancel', 'cancelled'],
		['payment', 'refund_paid', 'refunded'],
		['payment', 'refund_process', 'refunding'],
		['payout', 'paid', 'completed'],
		['payout', 'system_fail', 'failed'],
		['payout', 'paid_over', 'unknown'],
	] as const)('%s %s → %s', (event, status, state) => {
		expect(cryptomusState(event, status)).toBe(state);
	});
});
