/**
 * NOWPayments IPN payloads and their mapping to the normalized item. Sources (docs/providers/nowpayments.md): the
 * API documentation's "Webhooks Examples" (payments, withdrawals, custodial recurring payments), "Get payment
 * status", "Create payout" and the custody endpoints' status lists, and "Repeated Deposits and Wrong-Asset Deposits".
 *
 * Built from the value as NOWPayments signed it (`NowPaymentsIpnRead.signed`): in a genuine IPN that is the body
 * byte for byte; amounts are the number texts NOWPayments printed (`20`, `0.00656612`), never a JS float's rounding.
 */
import { getMember, textAt, toPlain, type JsonNode } from '../shared/losslessJson';
import { dedupeKey, type NormalizedFields, type State } from '../shared/types';

export const NOWPAYMENTS_EVENTS = ['payment', 'payout', 'custody'] as const;
export type NowPaymentsEvent = (typeof NOWPAYMENTS_EVENTS)[number];

/** `payment_status` of payments (create payment / get payment status docs). Unknown statuses map to `unknown`. */
export const PAYMENT_STATES: Record<string, State> = {
	waiting: 'pending',
	confirming: 'confirming',
	confirmed: 'confirming',
	sending: 'confirming',
	partially_paid: 'partial',
	finished: 'completed',
	failed: 'failed',
	refunded: 'refunded',
	expired: 'expired',
};

/** `status` of payouts (withdrawals), sent in upper case (`CREATING`); "Create payout" lists them in lower case. */
export const PAYOUT_STATES: Record<string, State> = {
	creating: 'pending',
	waiting: 'pending',
	processing: 'confirming',
	sending: 'confirming',
	finished: 'completed',
	failed: 'failed',
	rejected: 'failed',
	cancelled: 'cancelled',
};

/** `status` of custodial recurring payments and transfers (`FINISHED`, `WAITING_PAY`, …). */
export const CUSTODY_STATES: Record<string, State> = {
	created: 'pending',
	waiting: 'pending',
	waiting_pay: 'pending',
	processing: 'confirming',
	partially_paid: 'partial',
	paid: 'completed',
	finished: 'completed',
	rejected: 'failed',
	failed: 'failed',
	expired: 'expired',
};

const TABLES: Record<NowPaymentsEvent, Record<string, State>> = {
	payment: PAYMENT_STATES,
	payout: PAYOUT_STATES,
	custody: CUSTODY_STATES,
};

/** Every status a filter can name (lower case; matched case-insensitively). */
export const NOWPAYMENTS_STATUSES = [...new Set(Object.values(TABLES).flatMap((table) => Object.keys(table)))].sort();

/** No further IPN changes the outcome (a partially paid payment ends; a repeated deposit is a new payment). */
const FINAL_STATES: ReadonlySet<State> = new Set(['completed', 'partial', 'failed', 'cancelled', 'expired', 'refunded']);

/** Which kind of IPN a body is: a payment (`payment_id`), a payout (`batch_withdrawal_id`), a custody `id` + `status`. */
export function nowPaymentsEvent(root: JsonNode): NowPaymentsEvent | undefined {
	if (getMember(root, 'payment_id') !== undefined) return 'payment';
	if (getMember(root, 'batch_withdrawal_id') !== undefined) return 'payout';
	if (textAt(root, 'id') !== undefined && textAt(root, 'status') !== undefined) return 'custody';
	return undefined;
}

export function nowPaymentsState(event: NowPaymentsEvent, status: string): State {
	const table = TABLES[event];
	const key = status.toLowerCase();
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : 'unknown';
}

/** Extra top-level fields of a payment item (null for payouts and custody IPNs). */
export interface NowPaymentsExtras {
	/** A repeated deposit's original payment (`parent_payment_id`): the docs ask integrations to track it. */
	parentPaymentId: string | null;
	/** What the payer really sent (`actually_paid`), in `payCurrency`. */
	actuallyPaid: string | null;
	payCurrency: string | null;
}

const text = (root: JsonNode, key: string): string | null => textAt(root, key) ?? null;

/**
 * The normalized item of a verified IPN (`signed` = `NowPaymentsIpnRead.signed`), or `undefined` when the body is
 * none of the three kinds. Payments: `amount`/`currency` are the price (`price_amount`, `price_currency`); what the
 * payer sent is `actuallyPaid` in `payCurrency`. `dedupeKey` is `payment_id:payment_status` (a repeated deposit has
 * its own `payment_id`); payouts and custody IPNs prefix theirs with the event.
 */
export function normalizeNowPayments(signed: JsonNode): { fields: NormalizedFields; extras: NowPaymentsExtras } | undefined {
	const event = nowPaymentsEvent(signed);
	if (!event) return undefined;
	const status = textAt(signed, event === 'payment' ? 'payment_status' : 'status') ?? '';
	const state = nowPaymentsState(event, status);
	const id = text(signed, event === 'payment' ? 'payment_id' : 'id');
	const payment = event === 'payment';
	return {
		fields: {
			provider: 'nowpayments',
			event,
			status,
			state,
			isFinal: FINAL_STATES.has(state),
			id,
			orderId: text(signed, payment ? 'order_id' : 'unique_external_id'),
			amount: text(signed, payment ? 'price_amount' : 'amount'),
			currency: text(signed, payment ? 'price_currency' : 'currency'),
			network: null,
			txHash: text(signed, payment ? 'payin_hash' : 'hash'),
			confirmations: null,
			dedupeKey: payment ? dedupeKey(id, status) : dedupeKey(event, id, status),
			payload: toPlain(signed),
		},
		extras: {
			parentPaymentId: payment ? text(signed, 'parent_payment_id') : null,
			actuallyPaid: payment ? text(signed, 'actually_paid') : null,
			payCurrency: payment ? text(signed, 'pay_currency') : null,
		},
	};
}
