/**
 * Cryptomus webhook payloads (payment, static wallet, payout) and their mapping to the normalized item.
 * Sources: doc.cryptomus.com payments/webhook, payouts/webhook, payments/payment-statuses.
 */
import { getMember, textAt, toPlain, type JsonNode } from '../shared/losslessJson';
import { dedupeKey, type NormalizedFields, type State } from '../shared/types';

export const CRYPTOMUS_EVENTS = ['payment', 'payout', 'wallet'] as const;
export type CryptomusEvent = (typeof CRYPTOMUS_EVENTS)[number];

/** Payment and static-wallet statuses, with their normalized state. Unknown statuses map to `unknown`. */
export const PAYMENT_STATES: Record<string, State> = {
	process: 'pending',
	check: 'pending',
	confirm_check: 'confirming',
	paid: 'completed',
	paid_over: 'overpaid',
	wrong_amount: 'partial',
	wrong_amount_waiting: 'partial',
	fail: 'failed',
	system_fail: 'failed',
	cancel: 'cancelled',
	refund_process: 'refunding',
	refund_fail: 'failed',
	refund_paid: 'refunded',
	locked: 'pending',
};

/** Payout statuses. */
export const PAYOUT_STATES: Record<string, State> = {
	process: 'pending',
	check: 'pending',
	paid: 'completed',
	fail: 'failed',
	cancel: 'cancelled',
	system_fail: 'failed',
};

/** Statuses the test-webhook endpoint accepts, per webhook type (providers/cryptomus.md). */
export const TEST_WEBHOOK_STATUSES: Record<CryptomusEvent, readonly string[]> = {
	payment: ['process', 'check', 'paid', 'paid_over', 'fail', 'wrong_amount', 'cancel', 'system_fail', 'refund_process', 'refund_fail', 'refund_paid'],
	wallet: ['process', 'check', 'paid', 'paid_over', 'fail', 'wrong_amount', 'cancel', 'system_fail', 'refund_process', 'refund_fail', 'refund_paid'],
	payout: ['process', 'check', 'paid', 'fail', 'cancel', 'system_fail'],
};

const FINAL_STATES: ReadonlySet<State> = new Set(['completed', 'overpaid', 'failed', 'cancelled', 'refunded']);

export function isCryptomusEvent(value: string | undefined): value is CryptomusEvent {
	return (CRYPTOMUS_EVENTS as readonly string[]).includes(value ?? '');
}

export function cryptomusState(event: CryptomusEvent, status: string): State {
	const table = event === 'payout' ? PAYOUT_STATES : PAYMENT_STATES;
	return Object.prototype.hasOwnProperty.call(table, status) ? table[status] : 'unknown';
}

/**
 * Maps a verified Cryptomus body to the normalized fields. `amount`/`currency` are the invoice (or payout) amount
 * and currency exactly as sent; `payment_amount`, `merchant_amount`, `payer_*` stay in `payload`.
 * Returns `undefined` when the body has no known `type`.
 */
export function normalizeCryptomus(root: JsonNode): NormalizedFields | undefined {
	const type = textAt(root, 'type');
	if (!isCryptomusEvent(type)) return undefined;
	const status = textAt(root, 'status') ?? '';
	const state = cryptomusState(type, status);
	const isFinalNode = getMember(root, 'is_final');
	const uuid = textAt(root, 'uuid') ?? null;
	return {
		provider: 'cryptomus',
		event: type,
		status,
		state,
		isFinal: isFinalNode?.type === 'boolean' ? isFinalNode.value : FINAL_STATES.has(state),
		id: uuid,
		orderId: textAt(root, 'order_id') ?? null,
		amount: textAt(root, 'amount') ?? null,
		currency: textAt(root, 'currency') ?? null,
		network: textAt(root, 'network') ?? null,
		txHash: textAt(root, 'txid') ?? null,
		confirmations: null,
		dedupeKey: dedupeKey(uuid, status),
		payload: toPlain(root),
	};
}
