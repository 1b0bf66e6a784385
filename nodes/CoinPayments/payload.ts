/**
 * CoinPayments payloads and their mapping to the normalized item (sources in docs/providers/coinpayments.md):
 *
 * - **IPN (v1 API)**, a form body (https://www.coinpayments.net/merchant-tools-ipn, "IPN POST Fields"): `ipn_type` is
 *   the event; `status` a number whose meaning the tables below give (the IPN page's "Payment Statuses" and its
 *   "future-proofing" rule: < 0 failed, 0–99 pending, ≥ 100 complete; withdrawals have their own numbers).
 * - **Webhooks of the newer API**, JSON (`{id, type, timestamp, invoice:{…}}`, https://a-docs.coinpayments.net/api/webhooks/clients
 *   and CoinPaymentsNet/CoinPaymentsNET.github.io openapi/paths/webhooks): `type` is the event.
 */
import { getMember, textAt, toPlain, type JsonNode, type JsonObjectNode } from '../shared/losslessJson';
import { dedupeKey, integerOrNull, type NormalizedFields, type State } from '../shared/types';

/** A status's normalized state and whether another status is still expected after it. */
export interface StatusRule {
	state: State;
	isFinal: boolean;
}

const rule = (state: State, isFinal: boolean): StatusRule => ({ state, isFinal });

// ---------------------------------------------------------------------------------------------- IPN (v1 API)

export const COINPAYMENTS_IPN_TYPES = ['button', 'simple', 'cart', 'donation', 'deposit', 'withdrawal', 'api'] as const;
export type CoinPaymentsIpnType = (typeof COINPAYMENTS_IPN_TYPES)[number];

/**
 * Payment statuses (every IPN type but `withdrawal`; deposits are told to follow the same logic). "You should never
 * ship/release your product until the status is >= 100 OR == 2": 2 is complete for the merchant, and 100 follows
 * once the nightly payout is sent, so 2 is `completed` but not final.
 */
export const COINPAYMENTS_PAYMENT_STATUSES: Readonly<Record<string, StatusRule & { meaning: string }>> = {
	'-2': { ...rule('refunded', true), meaning: 'PayPal refund or reversal' },
	'-1': { ...rule('cancelled', true), meaning: 'Cancelled / timed out' },
	'0': { ...rule('pending', false), meaning: 'Waiting for buyer funds' },
	'1': { ...rule('confirming', false), meaning: 'Coin reception from the buyer confirmed' },
	'2': { ...rule('completed', false), meaning: 'Queued for nightly payout' },
	'3': { ...rule('pending', false), meaning: 'PayPal pending (eChecks or other holds)' },
	'5': { ...rule('pending', false), meaning: 'In escrow (SetEscrow)' },
	'100': { ...rule('completed', true), meaning: 'Payment complete' },
};

/** Withdrawal statuses ("0 = waiting email confirmation, 1 = pending, and 2 = sent/complete"). */
export const COINPAYMENTS_WITHDRAWAL_STATUSES: Readonly<Record<string, StatusRule & { meaning: string }>> = {
	'0': { ...rule('pending', false), meaning: 'Waiting for email confirmation' },
	'1': { ...rule('pending', false), meaning: 'Pending' },
	'2': { ...rule('completed', true), meaning: 'Sent / complete' },
};

/** The IPN page's rule for numbers it does not list: < 0 failures, 0–99 pending, ≥ 100 completed. */
function byRange(status: number): StatusRule {
	if (status < 0) return rule('failed', true);
	return status < 100 ? rule('pending', false) : rule('completed', true);
}

/** The state of an IPN `status` text for its `ipn_type`; a status that is not an integer is `unknown`. */
export function coinPaymentsIpnStatus(ipnType: string, status: string): StatusRule {
	const n = integerOrNull(status);
	if (n === null) return rule('unknown', false);
	const table = ipnType === 'withdrawal' ? COINPAYMENTS_WITHDRAWAL_STATUSES : COINPAYMENTS_PAYMENT_STATUSES;
	const listed = table[String(n)];
	return listed ? rule(listed.state, listed.isFinal) : byRange(n);
}

/** Where each kind of IPN keeps its id, amount, currency, chain transaction and confirmations. */
interface IpnFields {
	id: string;
	amount: string;
	currency: string;
	txHash: string;
	confirmations: string;
}

const PAYMENT_FIELDS: IpnFields = { id: 'txn_id', amount: 'amount1', currency: 'currency1', txHash: 'send_tx', confirmations: 'received_confirms' };
const IPN_FIELDS: Readonly<Record<string, IpnFields>> = {
	deposit: { id: 'deposit_id', amount: 'amount', currency: 'currency', txHash: 'txn_id', confirmations: 'confirms' },
	withdrawal: { id: 'id', amount: 'amount', currency: 'currency', txHash: 'txn_id', confirmations: '' },
};

/** The merchant's own reference, in this order: `invoice`, `item_number`, `custom` (all passthru fields). */
const ORDER_FIELDS = ['invoice', 'item_number', 'custom'];

const nonEmpty = (root: JsonNode, key: string): string | undefined => {
	const text = key === '' ? undefined : textAt(root, key);
	return text === undefined || text === '' ? undefined : text;
};

export interface CoinPaymentsIpnFields extends NormalizedFields {
	ipnId: string | null;
	statusText: string | null;
}

/**
 * Maps a verified IPN form (`formToTree` of the raw body) to the normalized fields. `amount`/`currency` are the
 * price in the merchant's original currency (`amount1`/`currency1`) for payments, the coin amount for deposits and
 * withdrawals; the buyer's coin amount (`amount2`/`currency2`) stays in `payload`. `undefined` without an `ipn_type`.
 */
export function normalizeCoinPaymentsIpn(form: JsonObjectNode): CoinPaymentsIpnFields | undefined {
	const ipnType = nonEmpty(form, 'ipn_type');
	if (ipnType === undefined) return undefined;
	const status = textAt(form, 'status') ?? '';
	const { state, isFinal } = coinPaymentsIpnStatus(ipnType, status);
	const fields = IPN_FIELDS[ipnType] ?? PAYMENT_FIELDS;
	const id = nonEmpty(form, fields.id) ?? null;
	const confirmations = integerOrNull(nonEmpty(form, fields.confirmations));
	return {
		provider: 'coinpayments',
		event: ipnType,
		status,
		state,
		isFinal,
		id,
		orderId: ORDER_FIELDS.map((key) => nonEmpty(form, key)).find((v) => v !== undefined) ?? null,
		amount: nonEmpty(form, fields.amount) ?? null,
		currency: nonEmpty(form, fields.currency) ?? null,
		network: null,
		txHash: nonEmpty(form, fields.txHash) ?? null,
		confirmations,
		dedupeKey: dedupeKey(ipnType, id, status),
		ipnId: nonEmpty(form, 'ipn_id') ?? null,
		statusText: textAt(form, 'status_text') ?? null,
		payload: toPlain(form),
	};
}

// ---------------------------------------------------------------------------------------------- newer API webhooks

/** The events an API integration's webhook can subscribe to (a-docs.coinpayments.net/api/webhooks/clients). */
export const COINPAYMENTS_WEBHOOK_EVENTS = [
	'invoiceCreated',
	'invoicePending',
	'invoicePaid',
	'invoiceCompleted',
	'invoiceCancelled',
	'invoiceTimedOut',
	'paymentCreated',
	'paymentTimedOut',
] as const;
export type CoinPaymentsWebhookEvent = (typeof COINPAYMENTS_WEBHOOK_EVENTS)[number];

/**
 * Each event's state, from the invoice state the docs say it transmits (unpaid, pending, paid, completed, cancelled,
 * timedOut). `invoicePaid` (funds obtained by CoinPayments) is `completed` but not final: `invoiceCompleted` follows
 * when the funds reach the merchant's balance.
 */
const WEBHOOK_EVENT_RULES: Readonly<Record<CoinPaymentsWebhookEvent, StatusRule>> = {
	invoiceCreated: rule('pending', false),
	invoicePending: rule('confirming', false),
	invoicePaid: rule('completed', false),
	invoiceCompleted: rule('completed', true),
	invoiceCancelled: rule('cancelled', true),
	invoiceTimedOut: rule('expired', true),
	paymentCreated: rule('pending', false),
	paymentTimedOut: rule('expired', true),
};

/**
 * The documented event name for a `type` as sent, compared case-insensitively (the docs list `invoiceCreated`, their
 * example webhook says `InvoiceCreated`); `undefined` for a type the docs do not list.
 */
export function coinPaymentsWebhookEvent(type: string): CoinPaymentsWebhookEvent | undefined {
	const lower = type.toLowerCase();
	return COINPAYMENTS_WEBHOOK_EVENTS.find((event) => event.toLowerCase() === lower);
}

/**
 * Maps a verified webhook body to the normalized fields. `event` is the documented name (unknown types are kept as
 * sent, state `unknown`); `status` is the invoice's `state` as sent (else the type); `amount` the invoice total and
 * `currency` its currency id, both as sent (CoinPayments identifies currencies by number). `undefined` when the body
 * is not an object with a string `type`.
 */
export function normalizeCoinPaymentsWebhook(root: JsonNode): NormalizedFields | undefined {
	const type = textAt(root, 'type');
	if (root.type !== 'object' || getMember(root, 'type')?.type !== 'string' || !type) return undefined;
	const event = coinPaymentsWebhookEvent(type);
	const { state, isFinal } = event ? WEBHOOK_EVENT_RULES[event] : rule('unknown', false);
	const invoice = getMember(root, 'invoice');
	const id = textAt(invoice, 'id') ?? textAt(root, 'id') ?? null;
	return {
		provider: 'coinpayments',
		event: event ?? type,
		status: textAt(invoice, 'state') ?? type,
		state,
		isFinal,
		id,
		orderId: textAt(invoice, 'invoiceId') ?? textAt(invoice, 'invoiceNumber') ?? null,
		amount: textAt(invoice, 'amount', 'total') ?? null,
		currency: textAt(invoice, 'amount', 'currency', 'id') ?? textAt(invoice, 'amount', 'currencyId') ?? null,
		network: null,
		txHash: null,
		confirmations: null,
		dedupeKey: dedupeKey(id, event ?? type),
		payload: toPlain(root),
	};
}
