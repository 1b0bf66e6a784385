/**
 * Parameter checks of the Cryptomus action node, in one place: every operation reads its parameters and passes them
 * through these before anything is sent. The generic checks (text, required, url, amount, …) are the action nodes'
 * shared ones (`nodes/shared/params.ts`); the rules here are Cryptomus's own. Pure (no n8n imports): a failed check
 * throws `ParameterError` (exported here as `CryptomusParameterError`) naming the field as the node shows it.
 *
 * Limits are Cryptomus's documented ones (doc.cryptomus.com: creating-invoice, payment-history, testing-webhook).
 */
import { fail, text } from '../shared/params';

export {
	ParameterError as CryptomusParameterError,
	amount,
	decimal,
	integer,
	maxLength,
	oneOf,
	required,
	text,
	url,
} from '../shared/params';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Laravel's `alpha_dash` as Cryptomus applies it, restricted to ASCII letters (what its docs promise). */
const ALPHA_DASH = /^[A-Za-z0-9_-]+$/;

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
