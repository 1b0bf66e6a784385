/**
 * Crypto2B callback payloads (`{"data":{…}}` with `data.type` Deposit | Withdrawal | Service) and their mapping to
 * the normalized item. Sources: docs.crypto2b.com integration/callbacks, api/callbacks, transaction-status-model.
 *
 * Amounts are JSON numbers (`1000.50`); they are read as their literal text from the raw body, never via a JS number.
 */
import { getMember, textAt, toPlain, type JsonNode } from '../shared/losslessJson';
import { dedupeKey, integerOrNull, type NormalizedFields, type State } from '../shared/types';

/** `data.type` as Crypto2B sends it → the item's `event`. */
export const CRYPTO2B_TYPES = { Deposit: 'deposit', Withdrawal: 'withdrawal', Service: 'service' } as const;
export type Crypto2bType = keyof typeof CRYPTO2B_TYPES;
export type Crypto2bEvent = (typeof CRYPTO2B_TYPES)[Crypto2bType];
export const CRYPTO2B_EVENTS: readonly Crypto2bEvent[] = Object.values(CRYPTO2B_TYPES);

/**
 * The documented statuses and their normalized state. The set is open (AML / hold statuses exist): anything else is
 * `unknown` and not final. `Success…Finalized` are later stages of `Success`, so plain `Success` is not final.
 * `SuccessButNotEnoughFundsToPayFee`: the transfer itself succeeded; the fee could not be paid from the balance.
 */
export const CRYPTO2B_STATES: Readonly<Record<string, State>> = {
	Pending: 'pending',
	Success: 'completed',
	SuccessBalanceFinalized: 'completed',
	SuccessFinalized: 'completed',
	SuccessButNotEnoughFundsToPayFee: 'completed',
	Failed: 'failed',
};

const FINAL_STATUSES: ReadonlySet<string> = new Set(['SuccessBalanceFinalized', 'SuccessFinalized', 'Failed']);

export type Crypto2bFee = {
	type: string | null;
	amount: string | null;
	currency: string | null;
	network: string | null;
};

export type Crypto2bNormalizeResult =
	| { ok: true; fields: NormalizedFields; fees: Crypto2bFee[] }
	| { ok: false; detail: string };

export function isCrypto2bType(value: string | undefined): value is Crypto2bType {
	return value !== undefined && Object.prototype.hasOwnProperty.call(CRYPTO2B_TYPES, value);
}

export function crypto2bState(status: string): State {
	return Object.prototype.hasOwnProperty.call(CRYPTO2B_STATES, status) ? CRYPTO2B_STATES[status] : 'unknown';
}

function fees(data: JsonNode): Crypto2bFee[] {
	const list = getMember(data, 'fees');
	if (list?.type !== 'array') return [];
	return list.items.map((fee) => ({
		type: textAt(fee, 'type') ?? null,
		amount: textAt(fee, 'amount') ?? null,
		currency: textAt(fee, 'currencyShortName') ?? null,
		network: textAt(fee, 'transportProtocol') ?? null,
	}));
}

/** The merchant's reference: `clientDepositId` (Deposit) or `paymentOrderId` (Withdrawal); Service has none. */
function orderId(type: Crypto2bType, data: JsonNode): string | null {
	if (type === 'Deposit') return textAt(data, 'clientDepositId') ?? null;
	if (type === 'Withdrawal') return textAt(data, 'paymentOrderId') ?? null;
	return null;
}

/** Maps a verified body to the normalized fields; fails when it is not a Crypto2B callback of a known type. */
export function normalizeCrypto2b(root: JsonNode): Crypto2bNormalizeResult {
	const data = getMember(root, 'data');
	if (data?.type !== 'object') return { ok: false, detail: 'no "data" object' };
	const type = textAt(data, 'type');
	if (!isCrypto2bType(type)) return { ok: false, detail: 'unknown operation type' };
	const id = textAt(data, 'id');
	const status = textAt(data, 'status');
	if (id === undefined || status === undefined) return { ok: false, detail: 'no id or status' };

	const state = crypto2bState(status);
	return {
		ok: true,
		fields: {
			provider: 'crypto2b',
			event: CRYPTO2B_TYPES[type],
			status,
			state,
			isFinal: FINAL_STATUSES.has(status),
			id,
			orderId: orderId(type, data),
			amount: textAt(data, 'transaction', 'amount') ?? null,
			currency: textAt(data, 'instrument', 'currencyShortName') ?? null,
			network: textAt(data, 'instrument', 'transportProtocol') ?? null,
			txHash: textAt(data, 'transaction', 'hash') ?? null,
			confirmations: integerOrNull(textAt(data, 'transaction', 'confirmations')),
			dedupeKey: dedupeKey(type, id, status),
			payload: toPlain(root),
		},
		fees: fees(data),
	};
}
