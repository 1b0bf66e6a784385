/**
 * OxaPay callback payloads and their mapping to the normalized item.
 * Sources: https://docs.oxapay.com/webhook (payment and payout callbacks), the status tables
 * https://docs.oxapay.com/api-reference/merchant-status-table and …/payout-status-table, the legacy ones
 * (https://docs.oxapay.com/legacy/api-reference/…), and OxaPay's own WooCommerce plugin (OxaPay/oxapay-woocommerce
 * `src/paymentStatus.php`, `src/oxapayGateway.php`), which compares capitalised statuses (`Paying`, `Paid`) and reads
 * `txs[0].tx_hash`. Statuses are therefore matched case-insensitively; `status` in the item is the text as sent.
 */
import { getMember, textAt, toPlain, type JsonNode } from '../shared/losslessJson';
import { dedupeKey, integerOrNull, type NormalizedFields, type State } from '../shared/types';

/** Callback types (`type`): the payment kinds, then payouts. */
export const OXAPAY_EVENTS = ['invoice', 'white_label', 'static_address', 'payment_link', 'donation', 'payout'] as const;

/** Payment statuses (v1 table, and the legacy `confirming` / `failed`), lower case, with their normalized state. */
export const PAYMENT_STATES: Record<string, State> = {
	new: 'pending',
	waiting: 'pending',
	paying: 'confirming',
	confirming: 'confirming',
	paid: 'completed',
	manual_accept: 'completed',
	underpaid: 'partial',
	refunding: 'refunding',
	refunded: 'refunded',
	expired: 'expired',
	failed: 'failed',
};

/** Payout statuses (v1 table, and the legacy `complete`), lower case. */
export const PAYOUT_STATES: Record<string, State> = {
	processing: 'pending',
	pending: 'pending',
	confirming: 'confirming',
	confirmed: 'completed',
	complete: 'completed',
	canceled: 'cancelled',
	rejected: 'failed',
};

const FINAL_STATES: ReadonlySet<State> = new Set(['completed', 'failed', 'cancelled', 'expired', 'refunded']);

export function oxaPayState(event: string, status: string): State {
	const table = event === 'payout' ? PAYOUT_STATES : PAYMENT_STATES;
	const key = status.toLowerCase();
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : 'unknown';
}

/** The first transaction of a payment callback's `txs` (what OxaPay's own plugin reads), if any. */
function firstTransaction(root: JsonNode): JsonNode | undefined {
	const txs = getMember(root, 'txs');
	return txs?.type === 'array' ? txs.items[0] : undefined;
}

/**
 * Maps a verified OxaPay body to the normalized fields: `amount`/`currency` are the invoice (or payout) amount as
 * sent (a JSON number's literal text, e.g. `10.50`); network, hash and confirmations come from the payout itself or
 * the payment's first transaction (all of them stay in `payload.txs`). `undefined` when the body is not an object
 * with a `track_id`.
 */
export function normalizeOxaPay(root: JsonNode): NormalizedFields | undefined {
	if (root.type !== 'object') return undefined;
	const trackId = textAt(root, 'track_id');
	if (trackId === undefined) return undefined;
	const event = textAt(root, 'type') ?? 'unknown';
	const status = textAt(root, 'status') ?? '';
	const state = oxaPayState(event, status);
	const tx = event === 'payout' ? root : (firstTransaction(root) ?? root);
	return {
		provider: 'oxapay',
		event,
		status,
		state,
		isFinal: FINAL_STATES.has(state),
		id: trackId,
		orderId: textAt(root, 'order_id') ?? null,
		amount: textAt(root, 'amount') ?? null,
		currency: textAt(root, 'currency') ?? null,
		network: textAt(tx, 'network') ?? null,
		txHash: textAt(tx, 'tx_hash') ?? null,
		confirmations: integerOrNull(textAt(tx, 'confirmations')),
		dedupeKey: dedupeKey(trackId, status.toLowerCase()),
		payload: toPlain(root),
	};
}
