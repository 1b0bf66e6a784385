/**
 * Parameter checks of the Cryptomus action node, in one place: every operation reads its parameters and passes them
 * through these before anything is sent. Pure (no n8n imports): a failed check throws `CryptomusParameterError`
 * naming the field as the node shows it; the node turns it into a NodeOperationError for the item.
 *
 * Limits are Cryptomus's documented ones (doc.cryptomus.com: creating-invoice, payment-history, testing-webhook).
 */

export class CryptomusParameterError extends Error {
	constructor(
		readonly field: string,
		readonly reason: string,
	) {
		super(`${field}: ${reason}`);
		this.name = 'CryptomusParameterError';
	}
}

const fail = (field: string, reason: string): never => {
	throw new CryptomusParameterError(field, reason);
};

/** Text of a parameter (expressions may hand over numbers or booleans); empty when unset. */
export function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return (typeof value === 'string' ? value : String(value)).trim();
}

export function required(field: string, value: unknown): string {
	const result = text(value);
	if (result === '') fail(field, 'is required');
	return result;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Laravel's `alpha_dash` as Cryptomus applies it, restricted to ASCII letters (what its docs promise). */
const ALPHA_DASH = /^[A-Za-z0-9_-]+$/;
const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
/** Digits with an optional `.` fraction: Cryptomus's amount format ("10.28"). */
const AMOUNT_PATTERN = /^\d+(\.\d+)?$/;

export function uuid(field: string, value: string): string {
	if (!UUID_PATTERN.test(value)) fail(field, 'must be a UUID like 8b03432e-385b-4670-8d06-064591096795');
	return value;
}

/** Order IDs: `max` is 32 for test webhooks, 128 for invoices. */
export function orderId(field: string, value: string, max: number): string {
	if (value.length > max || !ALPHA_DASH.test(value)) {
		fail(field, `must be 1 to ${max} characters: letters, digits, - or _`);
	}
	return value;
}

export function url(field: string, value: string, min: number, max: number): string {
	if (value.length < min || value.length > max) fail(field, `must be ${min} to ${max} characters long`);
	if (!URL_PATTERN.test(value)) fail(field, 'must be an http(s) URL');
	return value;
}

/** A decimal amount, returned exactly as entered (only surrounding spaces dropped): "10.50" stays "10.50". */
export function amount(field: string, value: string): string {
	if (value.includes(',')) fail(field, 'use a dot as the decimal separator, e.g. 10.50');
	if (!AMOUNT_PATTERN.test(value)) fail(field, 'must be a decimal number such as 10 or 10.50');
	if (!/[1-9]/.test(value)) fail(field, 'must be greater than 0');
	return value;
}

export function integer(field: string, value: unknown, min: number, max: number): number {
	const n = typeof value === 'number' ? value : Number(text(value));
	if (!Number.isInteger(n) || n < min || n > max) fail(field, `must be a whole number from ${min} to ${max}`);
	return n;
}

export function decimal(field: string, value: unknown, min: number, max: number): number {
	const n = typeof value === 'number' ? value : Number(text(value));
	if (!Number.isFinite(n) || n < min || n > max) fail(field, `must be a number from ${min} to ${max}`);
	return n;
}

export function maxLength(field: string, value: string, max: number): string {
	if (value.length > max) fail(field, `must be at most ${max} characters long`);
	return value;
}

export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
	if (!(allowed as readonly string[]).includes(value)) fail(field, `must be one of ${allowed.join(', ')}`);
	return value as T;
}

/** `USDT:tron, BTC` → `[{currency:'USDT',network:'tron'},{currency:'BTC'}]` (Cryptomus's currencies structure). */
export function currencyList(field: string, value: string): Array<{ currency: string; network?: string }> {
	return value
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.map((entry) => {
			const match = /^([A-Za-z0-9]{2,20})(?::([A-Za-z0-9_-]{2,30}))?$/.exec(entry);
			if (!match) fail(field, `"${entry.slice(0, 40)}" is not CURRENCY or CURRENCY:network (e.g. USDT:tron)`);
			const [, currency, network] = match as RegExpExecArray;
			return network ? { currency, network } : { currency };
		});
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * A date filter in Cryptomus's `YYYY-MM-DD HH:mm:ss`. Takes what n8n's date picker or an expression gives
 * (`2025-05-04`, `2025-05-04T10:00:00`, ISO with offset) and keeps the wall-clock digits as entered; a date without
 * a time means the start (`from`) or the end (`to`) of that day.
 */
export function dateTime(field: string, value: string, edge: 'from' | 'to'): string {
	const match = DATE_TIME.exec(value);
	if (!match || Number.isNaN(Date.parse(match[1]))) fail(field, 'must be a date like 2025-05-04 or 2025-05-04 10:00:00');
	const [, date, hh, mm, ss] = match as RegExpExecArray;
	if (hh === undefined) return `${date} ${edge === 'from' ? '00:00:00' : '23:59:59'}`;
	return `${date} ${hh}:${mm}:${ss ?? '00'}`;
}

/** Either a UUID or an order ID identifies an invoice or payout; the UUID wins when both are given. */
export function lookup(uuidValue: unknown, orderIdValue: unknown): { uuid: string } | { order_id: string } {
	const id = text(uuidValue);
	if (id !== '') return { uuid: uuid('UUID', id) };
	const order = text(orderIdValue);
	if (order !== '') return { order_id: orderId('Order ID', order, 128) };
	return fail('UUID', 'give the UUID or the Order ID');
}
