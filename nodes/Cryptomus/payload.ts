/**
 * Webhook payloads of the Cryptomus scheme (payment, static wallet, payout) and their mapping to the normalized
 * item. Cryptomus and Heleket send the same shapes and differ only in data: the `provider` of the item and the status
 * tables (`CryptomusSchemeStatuses`; Heleket's are in `../Heleket/payload.ts`).
 * Sources: doc.cryptomus.com payments/webhook, payouts/webhook, payments/payment-statuses.
 */
import { getMember, textAt, toPlain, type JsonNode } from '../shared/losslessJson';
import { dedupeKey, type NormalizedFields, type Provider, type State } from '../shared/types';

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

/** One kind's statuses: their normalized state, and which are final when a body carries no `is_final`. */
export interface StatusTable {
	states: Readonly<Record<string, State>>;
	final: ReadonlySet<string>;
}

/** What a provider of the Cryptomus scheme differs in when its bodies are normalized. */
export interface CryptomusSchemeStatuses {
	provider: Extract<Provider, 'cryptomus' | 'heleket'>;
	/** Payment and static-wallet statuses. */
	payment: StatusTable;
	payout: StatusTable;
}

/** The statuses of `states` whose state is final (Cryptomus publishes no list of final statuses). */
const finalByState = (states: Record<string, State>): ReadonlySet<string> =>
	new Set(Object.keys(states).filter((status) => FINAL_STATES.has(states[status])));

export const CRYPTOMUS_STATUSES: CryptomusSchemeStatuses = {
	provider: 'cryptomus',
	payment: { states: PAYMENT_STATES, final: finalByState(PAYMENT_STATES) },
	payout: { states: PAYOUT_STATES, final: finalByState(PAYOUT_STATES) },
};

export function isCryptomusEvent(value: string | undefined): value is CryptomusEvent {
	return (CRYPTOMUS_EVENTS as readonly string[]).includes(value ?? '');
}

const tableOf = (event: CryptomusEvent, statuses: CryptomusSchemeStatuses): StatusTable =>
	event === 'payout' ? statuses.payout : statuses.payment;

export function cryptomusState(event: CryptomusEvent, status: string, statuses = CRYPTOMUS_STATUSES): State {
	const { states } = tableOf(event, statuses);
	return Object.prototype.hasOwnProperty.call(states, status) ? states[status] : 'unknown';
}

/** Every status a trigger of the scheme offers in its status filter (payment, wallet and payout), sorted. */
export function allStatuses(statuses: CryptomusSchemeStatuses): string[] {
	return [...new Set([...Object.keys(statuses.payment.states), ...Object.keys(statuses.payout.states)])].sort();
}

/**
 * Maps a verified body of the Cryptomus scheme to the normalized fields of `statuses.provider`. `amount`/`currency`
 * are the invoice (or payout) amount and currency exactly as sent; `payment_amount`, `merchant_amount`, `payer_*`
 * stay in `payload`. `isFinal` is the body's `is_final` when it is a boolean, else the status table's.
 * Returns `undefined` when the body has no known `type`.
 */
export function normalizeCryptomusScheme(root: JsonNode, statuses: CryptomusSchemeStatuses): NormalizedFields | undefined {
	const type = textAt(root, 'type');
	if (!isCryptomusEvent(type)) return undefined;
	const status = textAt(root, 'status') ?? '';
	const state = cryptomusState(type, status, statuses);
	const isFinalNode = getMember(root, 'is_final');
	const uuid = textAt(root, 'uuid') ?? null;
	return {
		provider: statuses.provider,
		event: type,
		status,
		state,
		isFinal: isFinalNode?.type === 'boolean' ? isFinalNode.value : tableOf(type, statuses).final.has(status),
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

/** A verified Cryptomus body as normalized fields (see `normalizeCryptomusScheme`). */
export function normalizeCryptomus(root: JsonNode): NormalizedFields | undefined {
	return normalizeCryptomusScheme(root, CRYPTOMUS_STATUSES);
}
