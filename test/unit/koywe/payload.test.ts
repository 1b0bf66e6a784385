import {
	BODY_EVENT_STATES,
	HEADER_EVENT_STATES,
	KOYWE_BODY_EVENTS,
	normalizeKoyweBodyEvent,
	normalizeKoyweHeaderEvent,
	parseEventTypeFilter,
} from '../../../nodes/Koywe/payload';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { STATES } from '../../../nodes/shared/types';
import { BODY_VECTOR, HEADER_VECTOR_BODY, ORDER_ID } from './fixtures';

const root = (text: string | Buffer) => parseJsonLossless(text).root;

describe('Koywe payload normalization', () => {
	it('maps the Ramp API vector, payload unchanged', () => {
		const fields = normalizeKoyweBodyEvent(root(BODY_VECTOR));
		expect(fields).toEqual({
			provider: 'koywe',
			event: 'crypto_delivered',
			status: 'crypto_delivered',
			state: 'completed',
			isFinal: true,
			id: ORDER_ID,
			orderId: ORDER_ID,
			amount: null,
			currency: null,
			network: null,
			txHash: null,
			confirmations: null,
			dedupeKey: `${ORDER_ID}:crypto_delivered`,
			payload: JSON.parse(BODY_VECTOR),
		});
	});

	it.each([
		['payment_received', 'completed', false],
		['payment_rejected', 'failed', true],
		['payment_expired', 'expired', true],
		['crypto_tx_sent', 'pending', false],
		['crypto_delivered', 'completed', true],
		['crypto_tx_failed', 'failed', true],
		['something_new', 'unknown', false],
	])('maps %s to %s (final: %s)', (eventName, state, isFinal) => {
		const fields = normalizeKoyweBodyEvent(root(`{"eventName":"${eventName}","orderId":"o-1"}`));
		expect(fields).toMatchObject({ event: eventName, status: eventName, state, isFinal, dedupeKey: `o-1:${eventName}` });
	});

	it('covers exactly the six documented events, with valid states', () => {
		expect(Object.keys(BODY_EVENT_STATES).sort()).toEqual([...KOYWE_BODY_EVENTS].sort());
		for (const table of [BODY_EVENT_STATES, HEADER_EVENT_STATES]) {
			for (const { state } of Object.values(table)) expect(STATES).toContain(state);
		}
	});

	it('gives distinct dedupe keys to distinct events of one order and equal keys to redeliveries', () => {
		const received = normalizeKoyweBodyEvent(root(`{"eventName":"payment_received","orderId":"${ORDER_ID}"}`));
		const delivered = normalizeKoyweBodyEvent(root(BODY_VECTOR));
		const again = normalizeKoyweBodyEvent(root(BODY_VECTOR.replace('{', '{ ')));
		expect(received?.dedupeKey).not.toBe(delivered?.dedupeKey);
		expect(again?.dedupeKey).toBe(delivered?.dedupeKey);
	});

	it('keeps unicode and number literals in payload as sent', () => {
		const fields = normalizeKoyweBodyEvent(root('{"eventName":"payment_received","orderId":"ñ-🚀","amount":1000.50}'));
		expect(fields?.orderId).toBe('ñ-🚀');
		expect(fields?.payload).toEqual({ eventName: 'payment_received', orderId: 'ñ-🚀', amount: '1000.50' });
	});

	it('returns undefined without a string eventName / type', () => {
		expect(normalizeKoyweBodyEvent(root('{"orderId":"x"}'))).toBeUndefined();
		expect(normalizeKoyweBodyEvent(root('{"eventName":7}'))).toBeUndefined();
		expect(normalizeKoyweHeaderEvent(root('{"id":"evt_1"}'))).toBeUndefined();
	});

	it('maps the Payments API vector', () => {
		const fields = normalizeKoyweHeaderEvent(root(HEADER_VECTOR_BODY));
		expect(fields).toMatchObject({
			provider: 'koywe',
			event: 'order.completed',
			status: 'order.completed',
			state: 'completed',
			isFinal: true,
			id: 'evt_1',
			orderId: ORDER_ID,
			dedupeKey: `${ORDER_ID}:order.completed`,
			payload: JSON.parse(HEADER_VECTOR_BODY.toString()),
		});
	});

	it.each([
		['order.created', 'pending', false],
		['order.paid', 'completed', false],
		['order.failed', 'failed', true],
		['order.expired', 'expired', true],
		['order.canceled', 'cancelled', true],
		['order.refunded', 'refunded', true],
		['merchant.updated', 'unknown', false],
	])('maps header event %s to %s', (type, state, isFinal) => {
		expect(normalizeKoyweHeaderEvent(root(`{"id":"e","type":"${type}","data":{"orderId":"o"}}`))).toMatchObject({ state, isFinal });
	});

	it('keys events without an order by their event id', () => {
		const fields = normalizeKoyweHeaderEvent(root('{"id":"evt_9","type":"contact.updated","data":{"email":"a@b.c"}}'));
		expect(fields).toMatchObject({ orderId: null, dedupeKey: 'evt_9:contact.updated' });
	});
});

describe('parseEventTypeFilter', () => {
	it.each([
		['', 'anything.at_all', true],
		['*', 'order.paid', true],
		['order.paid, order.completed', 'order.paid', true],
		['order.paid, order.completed', 'order.failed', false],
		['order.*\ncontact.*', 'contact.created', true],
		['order.*', 'orders.paid', false],
		['order.*', 'merchant.updated', false],
	])('%j matches %s: %s', (text, type, expected) => {
		expect(parseEventTypeFilter(text)(type)).toBe(expected);
	});
});
