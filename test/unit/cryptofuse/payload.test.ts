import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import {
	CRYPTOFUSE_STATES,
	cryptofuseState,
	normalizeCryptofuseV09,
	normalizeCryptofuseV1,
} from '../../../nodes/Cryptofuse/payload';
import { STATES } from '../../../nodes/shared/types';
import { fixtureBytes } from './fixtures';

const parse = (name: string) => parseJsonLossless(fixtureBytes(name));

describe('v1.0 payloads', () => {
	it('maps the webhook reference example (price_amount / pay_amount shape)', () => {
		const item = normalizeCryptofuseV1(parse('v1-payment-status-update.body.json'));
		expect(item?.fields).toMatchObject({
			provider: 'cryptofuse',
			event: 'payment_status_update',
			status: 'completed',
			state: 'completed',
			isFinal: true,
			id: '550e8400-e29b-41d4-a716-446655440000',
			orderId: 'ORDER-12345',
			amount: '100.050000',
			currency: 'USDTERC20',
			network: null,
			txHash: '0x123abc456def789...',
			confirmations: 12,
			dedupeKey: '550e8400-e29b-41d4-a716-446655440000:completed',
		});
		expect(item?.extra).toEqual({
			webhookVersion: '1.0',
			previousStatus: 'confirming',
			priceAmount: '100.00',
			priceCurrency: 'USD',
			amountUsd: null,
		});
		expect(item?.fields.payload).toEqual(JSON.parse(fixtureBytes('v1-payment-status-update.body.json').toString('utf8')));
	});

	it('maps the flow guide example (amount_crypto shape, fields also at the top level; data wins)', () => {
		const item = normalizeCryptofuseV1(parse('v1-flow-guide-confirming.body.json'));
		expect(item?.fields).toMatchObject({
			event: 'payment_status_update',
			status: 'confirming',
			state: 'confirming',
			isFinal: false,
			// the guide's top-level transaction_id differs from data.transaction_id; data is the payment itself
			id: '550e8400-e89b-12d3-a456-426614174000',
			orderId: null,
			amount: '100.00000000',
			currency: 'USDTTRC20',
			network: 'TRX',
			txHash: '0xabc123...',
			confirmations: 1,
			dedupeKey: '550e8400-e89b-12d3-a456-426614174000:confirming',
		});
		expect(item?.extra).toMatchObject({ amountUsd: '100.00', priceAmount: null, previousStatus: null });
	});

	it('keeps amounts sent as JSON numbers as their literal text, and unknown events as sent', () => {
		const item = normalizeCryptofuseV1(parse('v1-edge-compact.body.json'));
		expect(item?.fields).toMatchObject({
			event: 'withdrawal.completed',
			status: 'partially_completed',
			state: 'partial',
			isFinal: true,
			amount: '100.050000',
			orderId: 'Café №5 / Zürich',
			confirmations: 3,
		});
		expect((item?.fields.payload as { data: { pay_amount: unknown } }).data.pay_amount).toBe('100.050000');
	});

	it('reads top-level transaction_id / status when there is no data object', () => {
		const item = normalizeCryptofuseV1(parseJsonLossless('{"event":"payment.completed","transaction_id":"t-1","status":"completed"}'));
		expect(item?.fields).toMatchObject({ event: 'payment.completed', id: 't-1', status: 'completed', dedupeKey: 't-1:completed' });
	});

	it('gives bodies without an id a dedupe key from their bytes: equal bodies collide, different ones do not', () => {
		const a = normalizeCryptofuseV1(parseJsonLossless('{"event":"withdrawal.status_changed","data":{"status":"sent"}}'));
		const b = normalizeCryptofuseV1(parseJsonLossless('{"event":"withdrawal.status_changed","data":{"status":"sent"}}'));
		const c = normalizeCryptofuseV1(parseJsonLossless('{"event":"withdrawal.status_changed","data":{"status":"sent","n":2}}'));
		expect(a?.fields.id).toBeNull();
		expect(a?.fields.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(a?.fields.dedupeKey).toBe(b?.fields.dedupeKey);
		expect(a?.fields.dedupeKey).not.toBe(c?.fields.dedupeKey);
	});

	it('names a body without an event "unknown" and refuses non-objects', () => {
		expect(normalizeCryptofuseV1(parseJsonLossless('{"data":{"status":"waiting"}}'))?.fields.event).toBe('unknown');
		expect(normalizeCryptofuseV1(parseJsonLossless('[1,2]'))).toBeUndefined();
		expect(normalizeCryptofuseV1(parseJsonLossless('"x"'))).toBeUndefined();
	});
});

describe('v0.9 payloads', () => {
	it('maps the documented v0.9 callback, keeping crypto_amount as its literal text', () => {
		const item = normalizeCryptofuseV09(parse('v09-callback.body.json'));
		expect(item?.fields).toMatchObject({
			provider: 'cryptofuse',
			event: 'payment.status_updated',
			status: 'confirming',
			state: 'confirming',
			isFinal: false,
			id: '550e8400-e29b-41d4-a716-446655440000',
			orderId: 'ORDER-12345',
			amount: '0.05',
			currency: 'USDT',
			network: 'ETH',
			txHash: '0x4a9a3a8c9e67f4f4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8',
			confirmations: 2,
			dedupeKey: '550e8400-e29b-41d4-a716-446655440000:confirming',
		});
		expect(item?.extra.webhookVersion).toBe('0.9');
	});

	it('keeps crypto_amount digits a float would lose', () => {
		const item = normalizeCryptofuseV09(parseJsonLossless('{"payment_id":"p","status":"completed","crypto_amount":0.100000000000000000001}'));
		expect(item?.fields.amount).toBe('0.100000000000000000001');
	});

	it('refuses bodies that are not v0.9 callbacks', () => {
		expect(normalizeCryptofuseV09(parse('v1-payment-status-update.body.json'))).toBeUndefined();
		expect(normalizeCryptofuseV09(parseJsonLossless('[]'))).toBeUndefined();
	});
});

describe('status → state', () => {
	it.each([
		['waiting', 'pending'],
		['confirming', 'confirming'],
		['completed', 'completed'],
		['partially_completed', 'partial'],
		['expired', 'expired'],
		['failed', 'failed'],
		['refunded_someday', 'unknown'],
		['constructor', 'unknown'],
		['', 'unknown'],
	])('%s → %s', (status, state) => {
		expect(cryptofuseState(status)).toBe(state);
	});

	it('maps only to normalized states', () => {
		for (const state of Object.values(CRYPTOFUSE_STATES)) expect(STATES).toContain(state);
	});
});
