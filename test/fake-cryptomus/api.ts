/** What the fake Cryptomus API's endpoint handlers share: request/answer shapes and Cryptomus-style errors. */
import type { Answer } from '../helpers/fakeHttp';

export type { Answer } from '../helpers/fakeHttp';

export type Body = Record<string, unknown>;

export interface HandlerContext {
	paymentApiKey: string;
	baseUrl: string;
	/** POSTs a signed webhook body to `url` after the answer is sent (loopback only). */
	deliver(url: string, body: string): void;
}

export const ok = (result: unknown): Answer => ({ status: 200, body: { state: 0, result } });

/** Cryptomus's 422 with a message, e.g. `Not found payment`. */
export const rejected = (message: string): Answer => ({ status: 422, body: { state: 1, message } });

/** Cryptomus's 422 validation answer: `{"state":1,"errors":{"field":["validation.rule"]}}`. */
export const fieldErrors = (errors: Record<string, string[]>): Answer | undefined =>
	Object.keys(errors).length > 0 ? { status: 422, body: { state: 1, errors } } : undefined;

export const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Laravel-style checks as Cryptomus applies them; each adds `field: ["validation.<rule>"]` on failure. */
export function checker(body: Body) {
	const errors: Record<string, string[]> = {};
	const add = (field: string, rule: string) => {
		errors[field] = [...(errors[field] ?? []), `validation.${rule}`];
	};
	return {
		errors,
		required(...fields: string[]) {
			for (const field of fields) if (!isText(body[field])) add(field, 'required');
		},
		url(field: string, min: number, max: number) {
			const value = body[field];
			if (value === undefined || value === null) return;
			const text = String(value);
			if (text.length < min || text.length > max || !/^https?:\/\/\S+$/.test(text)) add(field, 'url');
		},
		alphaDash(field: string, max: number) {
			const value = body[field];
			if (value === undefined || value === null) return;
			if (!/^[A-Za-z0-9_-]+$/.test(String(value))) add(field, 'alpha_dash');
			if (String(value).length > max) add(field, 'max.string');
		},
		integerBetween(field: string, min: number, max: number) {
			const value = body[field];
			if (value === undefined) return;
			if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) add(field, 'between.numeric');
		},
		dateFormat(field: string) {
			const value = body[field];
			if (value === undefined || value === null) return;
			if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(value))) add(field, 'date_format');
		},
		add,
	};
}
