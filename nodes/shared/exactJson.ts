/**
 * JSON request bodies whose numbers are written exactly as the user typed them. APIs such as OxaPay's take amounts as
 * JSON numbers (`"amount": 10.50`); going through a JS number would send `10.5`, and `0.1 + 0.2`-style values or long
 * decimals would change. A `JsonDecimal` is printed as its literal text; everything else as `JSON.stringify` would
 * (the package's JS-dialect printer, `jsJson.ts`). Pure.
 */
import { encodeJsJson } from './jsJson';
import type { JsonNode } from './losslessJson';

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A number written into JSON as exactly this text (`10.50` stays `10.50`). */
export class JsonDecimal {
	constructor(readonly text: string) {
		if (!DECIMAL.test(text)) throw new TypeError(`n8n-nodes-crypto-webhooks: "${text}" is not a JSON decimal number`);
	}
}

export type ExactJson = string | number | boolean | null | JsonDecimal | ExactJson[] | { [key: string]: ExactJson | undefined };

function toNode(value: ExactJson): JsonNode {
	if (value instanceof JsonDecimal) return { type: 'number', raw: value.text };
	if (value === null) return { type: 'null' };
	if (Array.isArray(value)) return { type: 'array', items: value.map(toNode) };
	switch (typeof value) {
		case 'string':
			return { type: 'string', value };
		case 'boolean':
			return { type: 'boolean', value };
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError('n8n-nodes-crypto-webhooks: JSON has no NaN or Infinity');
			return { type: 'number', raw: JSON.stringify(value) };
		default:
			return {
				type: 'object',
				members: Object.entries(value)
					.filter((entry): entry is [string, ExactJson] => entry[1] !== undefined)
					.map(([key, member]) => ({ key, value: toNode(member), start: 0, end: 0 })),
			};
	}
}

/** Compact JSON text of `value`, `JsonDecimal`s as their literal text, members without a value (undefined) left out. */
export function stringifyExact(value: ExactJson): string {
	return encodeJsJson(toNode(value));
}
