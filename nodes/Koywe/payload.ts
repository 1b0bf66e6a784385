/**
 * Koywe event payloads and their mapping to the normalized item (providers/koywe.md).
 *
 * - Ramp API (body signature): `{"eventName", "orderId", "timeStamp", "signature"}`; the six events below.
 * - Payments API (`Koywe-Signature` header): `{"id", "type", "data": {…}}` with types such as `order.paid`,
 *   `contact.*`, `merchant.*`. Only `id`, `type` and `data.orderId` are documented; everything stays in `payload`.
 */
import { getMember, textAt, toPlain, type JsonNode } from '../shared/losslessJson';
import { dedupeKey, type NormalizedFields, type State } from '../shared/types';

export const KOYWE_BODY_EVENTS = [
	'payment_received',
	'payment_rejected',
	'payment_expired',
	'crypto_tx_sent',
	'crypto_delivered',
	'crypto_tx_failed',
] as const;

/**
 * Ramp API events → state, and whether more events can follow. `payment_received` is the last event of an
 * off-ramp order but is followed by `crypto_*` events on an on-ramp order; the body does not say which kind the
 * order is, so it is `completed` but not final.
 */
export const BODY_EVENT_STATES: Record<string, { state: State; isFinal: boolean }> = {
	payment_received: { state: 'completed', isFinal: false },
	payment_rejected: { state: 'failed', isFinal: true },
	payment_expired: { state: 'expired', isFinal: true },
	crypto_tx_sent: { state: 'pending', isFinal: false },
	crypto_delivered: { state: 'completed', isFinal: true },
	crypto_tx_failed: { state: 'failed', isFinal: true },
};

/** Payments API order event types → state. Other types (`contact.*`, `merchant.*`, new ones) are `unknown`. */
export const HEADER_EVENT_STATES: Record<string, { state: State; isFinal: boolean }> = {
	'order.created': { state: 'pending', isFinal: false },
	'order.approved': { state: 'pending', isFinal: false },
	'order.processing': { state: 'pending', isFinal: false },
	'order.paid': { state: 'completed', isFinal: false },
	'order.completed': { state: 'completed', isFinal: true },
	'order.failed': { state: 'failed', isFinal: true },
	'order.expired': { state: 'expired', isFinal: true },
	'order.canceled': { state: 'cancelled', isFinal: true },
	'order.refunded': { state: 'refunded', isFinal: true },
};

const UNKNOWN = { state: 'unknown' as const, isFinal: false };

function lookup(table: Record<string, { state: State; isFinal: boolean }>, key: string) {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : UNKNOWN;
}

const EMPTY_DETAILS = { amount: null, currency: null, network: null, txHash: null, confirmations: null };

/** Maps a verified Ramp API event; `undefined` when it has no string `eventName`. */
export function normalizeKoyweBodyEvent(root: JsonNode): NormalizedFields | undefined {
	const eventName = getMember(root, 'eventName');
	if (eventName?.type !== 'string') return undefined;
	const orderId = textAt(root, 'orderId') ?? null;
	return {
		provider: 'koywe',
		event: eventName.value,
		status: eventName.value,
		...lookup(BODY_EVENT_STATES, eventName.value),
		id: orderId,
		orderId,
		...EMPTY_DETAILS,
		dedupeKey: dedupeKey(orderId, eventName.value),
		payload: toPlain(root),
	};
}

/**
 * Maps a verified Payments API event; `undefined` when it has no string `type`. The dedupe key is
 * `data.orderId:type` for order events (as for the Ramp API) and the event `id` for the others.
 */
export function normalizeKoyweHeaderEvent(root: JsonNode): NormalizedFields | undefined {
	const type = getMember(root, 'type');
	if (type?.type !== 'string') return undefined;
	const id = textAt(root, 'id') ?? null;
	const orderId = textAt(root, 'data', 'orderId') ?? null;
	return {
		provider: 'koywe',
		event: type.value,
		status: type.value,
		...lookup(HEADER_EVENT_STATES, type.value),
		id,
		orderId,
		...EMPTY_DETAILS,
		dedupeKey: orderId !== null ? dedupeKey(orderId, type.value) : dedupeKey(id, type.value),
		payload: toPlain(root),
	};
}

/**
 * Parses the "Event Types" list of header mode: comma- or newline-separated, `*` alone or a `prefix.*` entry as a
 * wildcard. An empty list accepts every type.
 */
export function parseEventTypeFilter(text: string): (type: string) => boolean {
	const entries = text
		.split(/[\s,]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (entries.length === 0 || entries.includes('*')) return () => true;
	const exact = new Set(entries.filter((entry) => !entry.endsWith('.*')));
	const prefixes = entries.filter((entry) => entry.endsWith('.*')).map((entry) => entry.slice(0, -1));
	return (type) => exact.has(type) || prefixes.some((prefix) => type.startsWith(prefix));
}
