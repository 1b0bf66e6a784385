/**
 * Parameter checks of the BTCPay Server action node: the shared ones (../shared/params.ts) and BTCPay's own.
 * Pure (imports only the package's pure helpers): a failed check throws ParameterError naming the field.
 *
 * Limits are BTCPay's (`GreenfieldInvoiceController.CreateInvoice`: expiration at least 30 s, payment tolerance 0–100;
 * `swagger.template.invoices.json`: speed policies, payment method ids, metadata an object) or say why they are ours.
 */
import { parseJsonLossless, type JsonObjectNode } from '../shared/losslessJson';
import { fail, text } from '../shared/params';

/** An id as BTCPay makes them (invoice, store): one path segment, no spaces. */
export function pathId(field: string, value: string): string {
	if (!/^[^\s/?#%\\]+$/.test(value)) fail(field, 'must be an id as BTCPay Server shows it (no spaces or slashes)');
	return value;
}

/** A currency code: BTCPay takes fiat (USD, EUR), crypto (BTC) and SATS; 2–10 letters or digits. */
export function currency(field: string, value: string): string {
	if (!/^[A-Za-z0-9]{2,10}$/.test(value)) fail(field, 'must be a currency code such as USD, EUR, BTC or SATS');
	return value;
}

export function email(field: string, value: string): string {
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) fail(field, 'must be an email address');
	return value;
}

/** Comma-separated payment method ids (`BTC-CHAIN`, `BTC-LN`, `BTC-LNURL`; older servers `BTC`, `BTC_LightningLike`). */
export function paymentMethods(field: string, value: string): string[] {
	const ids = value
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');
	for (const id of ids) if (!/^[A-Za-z0-9]+([_-][A-Za-z0-9]+)*$/.test(id)) fail(field, `"${id.slice(0, 30)}" is not a payment method id like BTC-CHAIN or BTC-LN`);
	return ids;
}

/** A language code as BTCPay's checkout takes it (`en`, `en-US`, `fr-FR`). */
export function language(field: string, value: string): string {
	if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)) fail(field, 'must be a language code such as en, de or fr-FR');
	return value;
}

/** A date from n8n's date picker or an expression, as Unix seconds (what BTCPay's invoice list filters take). */
export function unixSeconds(field: string, value: unknown): number {
	const raw = text(value);
	const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
	if (!Number.isFinite(ms)) fail(field, 'must be a date like 2025-05-04 or 2025-05-04T10:00:00Z');
	return Math.floor(ms / 1000);
}

/** One member of a JSON object, as the text it was given in (numbers and spacing untouched). */
export interface RawMember {
	key: string;
	/** `"key": value` exactly as written. */
	text: string;
}

/** A JSON object given as text: its members as written; refuses other JSON, invalid JSON and repeated keys. */
export function jsonObjectMembers(field: string, value: string): RawMember[] {
	let root;
	let source = '';
	try {
		({ root, text: source } = parseJsonLossless(value));
	} catch {
		return fail(field, 'must be a JSON object such as {"itemDesc": "Coffee"}');
	}
	if (root.type !== 'object') return fail(field, 'must be a JSON object such as {"itemDesc": "Coffee"}');
	const members = (root as JsonObjectNode).members;
	const seen = new Set<string>();
	for (const { key } of members) {
		if (seen.has(key)) fail(field, `has the key "${key.slice(0, 40)}" twice`);
		seen.add(key);
	}
	return members.map((m) => ({ key: m.key, text: source.slice(m.start, m.end) }));
}
