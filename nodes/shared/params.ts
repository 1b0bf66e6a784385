/**
 * Parameter checks shared by the action nodes: every operation passes what it read through these before anything is
 * sent. Pure (no n8n imports): a failed check throws `ParameterError` naming the field as the node shows it
 * ("Amount: use a dot as the decimal separator, e.g. 10.50"); `executeOperations` (actionNode.ts) turns it into a
 * NodeOperationError for the item. Provider-specific rules (Cryptomus order IDs, CryptAPI tickers, …) live beside
 * each node and use `fail()` from here.
 */

export class ParameterError extends Error {
	constructor(
		readonly field: string,
		readonly reason: string,
	) {
		super(`${field}: ${reason}`);
		this.name = 'ParameterError';
	}
}

export const fail = (field: string, reason: string): never => {
	throw new ParameterError(field, reason);
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

const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
/** Digits with an optional `.` fraction ("10.28"): how the providers take amounts. */
const AMOUNT_PATTERN = /^\d+(\.\d+)?$/;

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
