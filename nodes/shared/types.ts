import type { PlainJson } from './losslessJson';

/** Provider-independent lifecycle state of a payment / payout (DESIGN.md, "The output item"). */
export const STATES = [
	'pending',
	'confirming',
	'completed',
	'partial',
	'overpaid',
	'failed',
	'cancelled',
	'expired',
	'refunding',
	'refunded',
	'unknown',
] as const;
export type State = (typeof STATES)[number];

export const PROVIDERS = [
	'cryptomus',
	'cryptapi',
	'crypto2b',
	'koywe',
	'cryptofuse',
	'nowpayments',
	'oxapay',
	'heleket',
	'coinpayments',
	'btcpay',
] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * The item every trigger emits. The top level is the same for every provider, so downstream nodes work for any of
 * them; `payload` is the provider's own body, parsed and unchanged.
 */
export interface NormalizedEvent {
	provider: Provider;
	/** The provider's kind of event: 'payment' | 'payout' | 'wallet' | 'deposit' | 'withdrawal' | 'service' | … */
	event: string;
	/** The provider's own status string, unchanged. */
	status: string;
	state: State;
	isFinal: boolean;
	id: string | null;
	orderId: string | null;
	/** Decimal string exactly as the provider sent it (never through a JS float). */
	amount: string | null;
	currency: string | null;
	network: string | null;
	txHash: string | null;
	confirmations: number | null;
	/** Stable per delivery: feed it to n8n's Remove Duplicates node. */
	dedupeKey: string;
	/** ISO time the callback arrived. */
	receivedAt: string;
	payload: PlainJson;
}

/** The provider-specific part a payload module computes; the glue adds `receivedAt` (and `payload` if hidden). */
export type NormalizedFields = Omit<NormalizedEvent, 'receivedAt'>;

/** How a verifier explains a rejection (logged, never sent to the caller). */
export type RejectReason =
	| 'missing_signature'
	| 'bad_format'
	| 'mismatch'
	| 'wrong_key'
	| 'stale'
	| 'no_key_configured'
	| 'ip_not_allowed';

export type VerifyResult<T = undefined> = { ok: true; value: T } | { ok: false; reason: RejectReason };

/** A `:`-joined dedupe key; empty parts are kept as empty strings so keys never collide by shifting. */
export function dedupeKey(...parts: Array<string | number | boolean | null | undefined>): string {
	return parts.map((part) => (part === null || part === undefined ? '' : String(part))).join(':');
}

/** Parses a decimal integer text (confirmations and the like) without accepting junk; `null` if absent/invalid. */
export function integerOrNull(text: string | undefined): number | null {
	if (text === undefined || !/^-?\d+$/.test(text)) return null;
	const n = Number(text);
	return Number.isSafeInteger(n) ? n : null;
}
