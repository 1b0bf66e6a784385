/**
 * Cryptofuse webhook bodies and their mapping to the normalized item.
 *
 * v1.0 (https://cryptofuse-docs.pages.dev/api-reference/webhook-reference, https://docs.cryptofuse.io/guides/webhook-flow-guide):
 * an envelope `{"event", "data": {…}, "timestamp"}`, some examples repeating `transaction_id` and `status` at the
 * top level. Two documented `data` shapes:
 * - A: `transaction_id, status, previous_status, order_id, price_amount, price_currency, pay_amount, pay_currency,
 *   transaction_hash, confirmations, …`
 * - B: `transaction_id, status, amount_usd, amount_crypto, blockchain, token, currency, transaction_hash,
 *   confirmations, total_paid_amount, …`
 * The docs disagree with each other, so fields are read loosely (data first, then the top level) and unknown
 * events and statuses pass through.
 *
 * v0.9 (https://docs.cryptofuse.io/v0.9/guides/implementing-callbacks): a flat object with `event_type,
 * payment_id, status, crypto_amount, token, blockchain, transaction_hash, confirmations, custom_id`.
 *
 * Amounts are the literal text that was sent (`0.05` stays `0.05`, `100.050000` stays `100.050000`).
 */
import { createHash } from 'node:crypto';

import { getMember, textAt, toPlain, type JsonNode, type ParsedJson } from '../shared/losslessJson';
import { dedupeKey, integerOrNull, type NormalizedFields, type State } from '../shared/types';

/** Event names seen in Cryptofuse's docs (webhook payloads and the management API's filters), v0.9 last. */
export const KNOWN_EVENTS = [
	'payment_status_update',
	'deposit_received',
	'payment.completed',
	'payment.failed',
	'withdrawal.status_changed',
	'payment.status_updated',
] as const;

/** The events-filter value that lets every event through, including names Cryptofuse adds later. */
export const ALL_EVENTS = '*';

/** Payment statuses: waiting → confirming → completed | partially_completed | expired | failed. */
export const CRYPTOFUSE_STATES: Record<string, State> = {
	waiting: 'pending',
	confirming: 'confirming',
	completed: 'completed',
	partially_completed: 'partial',
	expired: 'expired',
	failed: 'failed',
};

/** The statuses after which a Cryptofuse payment no longer changes (the ends of the documented flow). */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'partially_completed', 'expired', 'failed']);

export type CryptofuseWebhookVersion = '1.0' | '0.9';

/** Cryptofuse-specific top-level fields, always present (null when the body does not have them). */
export interface CryptofuseExtra {
	[key: string]: string | null;
	webhookVersion: CryptofuseWebhookVersion;
	previousStatus: string | null;
	priceAmount: string | null;
	priceCurrency: string | null;
	amountUsd: string | null;
}

export interface CryptofuseItem {
	fields: NormalizedFields;
	extra: CryptofuseExtra;
}

export function cryptofuseState(status: string): State {
	return Object.prototype.hasOwnProperty.call(CRYPTOFUSE_STATES, status) ? CRYPTOFUSE_STATES[status] : 'unknown';
}

/** The first of `keys` found (as scalar text) in any of `nodes`, searched node by node. */
function first(nodes: JsonNode[], ...keys: string[]): string | null {
	for (const node of nodes) {
		for (const key of keys) {
			const text = textAt(node, key);
			if (text !== undefined) return text;
		}
	}
	return null;
}

/** `transaction id:status`, or, when a body names no id, the SHA-256 of its text (identical re-sends collapse). */
function dedupeFor(id: string | null, status: string, text: string): string {
	if (id !== null) return dedupeKey(id, status);
	return dedupeKey('sha256', createHash('sha256').update(text, 'utf8').digest('hex'));
}

/** Where each normalized field is read, per webhook version (first key found wins). */
interface FieldKeys {
	id: string[];
	orderId: string[];
	amount: string[];
	currency: string[];
}

const V1_KEYS: FieldKeys = {
	id: ['transaction_id'],
	orderId: ['order_id'],
	amount: ['pay_amount', 'amount_crypto'],
	currency: ['pay_currency', 'currency'],
};

const V09_KEYS: FieldKeys = {
	id: ['payment_id'],
	orderId: ['custom_id'],
	amount: ['crypto_amount'],
	currency: ['token'],
};

function normalize(
	version: CryptofuseWebhookVersion,
	keys: FieldKeys,
	{ root, text }: ParsedJson,
	event: string,
	nodes: JsonNode[],
): CryptofuseItem {
	const status = first(nodes, 'status') ?? '';
	const id = first(nodes, ...keys.id);
	return {
		fields: {
			provider: 'cryptofuse',
			event,
			status,
			state: cryptofuseState(status),
			isFinal: FINAL_STATUSES.has(status),
			id,
			orderId: first(nodes, ...keys.orderId),
			amount: first(nodes, ...keys.amount),
			currency: first(nodes, ...keys.currency),
			network: first(nodes, 'blockchain'),
			txHash: first(nodes, 'transaction_hash'),
			confirmations: integerOrNull(first(nodes, 'confirmations') ?? undefined),
			dedupeKey: dedupeFor(id, status, text),
			payload: toPlain(root),
		},
		extra: {
			webhookVersion: version,
			previousStatus: first(nodes, 'previous_status'),
			priceAmount: first(nodes, 'price_amount'),
			priceCurrency: first(nodes, 'price_currency'),
			amountUsd: first(nodes, 'amount_usd'),
		},
	};
}

/**
 * Maps a verified v1.0 body. `amount`/`currency` are what the payer sends in crypto (`pay_amount`/`pay_currency`,
 * or `amount_crypto`/`currency` in shape B); the invoice price and USD amount are in the extra fields.
 * Returns `undefined` when the body is not a JSON object.
 */
export function normalizeCryptofuseV1(parsed: ParsedJson): CryptofuseItem | undefined {
	const { root } = parsed;
	if (root.type !== 'object') return undefined;
	const data = getMember(root, 'data');
	const nodes = data?.type === 'object' ? [data, root] : [root];
	return normalize('1.0', V1_KEYS, parsed, textAt(root, 'event') ?? 'unknown', nodes);
}

/** Maps a v0.9 callback; `undefined` unless it is an object with `payment_id` or `event_type`. */
export function normalizeCryptofuseV09(parsed: ParsedJson): CryptofuseItem | undefined {
	const { root } = parsed;
	if (root.type !== 'object') return undefined;
	const event = textAt(root, 'event_type');
	if (event === undefined && textAt(root, 'payment_id') === undefined) return undefined;
	return normalize('0.9', V09_KEYS, parsed, event ?? 'unknown', [root]);
}
