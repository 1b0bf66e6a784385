/**
 * Parameter checks of the NOWPayments node beyond the shared ones (../shared/params.ts). Pure (no n8n imports): a
 * failed check throws `ParameterError` naming the field as the node shows it.
 *
 * NOWPayments takes amounts as JSON numbers (`"price_amount": 3999.5` in its docs). The node sends the decimal text
 * the user typed as the number literal itself (`JsonDecimal`, ../shared/exactJson.ts) — `10.50` goes out as `10.50`,
 * never through a JS float — so only text that is already a JSON number literal and a plain decimal is accepted.
 */
import { JsonDecimal } from '../shared/exactJson';
import { amount, fail, required, text, url } from '../shared/params';

/** A positive decimal written as JSON writes a number: digits, an optional `.` fraction, no leading zero. */
export function decimal(field: string, value: unknown): string {
	const typed = amount(field, required(field, value));
	if (/^0\d/.test(typed)) fail(field, `write it without leading zeros, e.g. ${typed.replace(/^0+(?=\d)/, '')}`);
	return typed;
}

/** `decimal()` as the number literal a request body carries (`10.50` stays `10.50`). */
export function jsonDecimal(field: string, value: unknown): JsonDecimal {
	return new JsonDecimal(decimal(field, value));
}

/** A NOWPayments ticker (`usd`, `btc`, `usdttrc20`): letters and digits, sent as typed. */
export function ticker(field: string, value: unknown): string {
	const typed = text(value);
	if (typed === '') fail(field, 'is required');
	if (!/^[A-Za-z0-9]{2,30}$/.test(typed)) fail(field, 'must be a currency ticker such as usd, btc or usdttrc20 (letters and digits)');
	return typed;
}

export function optionalTicker(field: string, value: unknown): string | undefined {
	return text(value) === '' ? undefined : ticker(field, value);
}

/** An http(s) URL NOWPayments calls or redirects to (its docs: "should contain http or https"). */
export function optionalUrl(field: string, value: unknown): string | undefined {
	const typed = text(value);
	return typed === '' ? undefined : url(field, typed, 10, 2048);
}

/** A NOWPayments payment or invoice id: digits. */
export function numericId(field: string, value: unknown): string {
	const typed = text(value);
	if (typed === '') fail(field, 'is required');
	if (!/^[0-9]{1,20}$/.test(typed)) fail(field, 'must be the numeric NOWPayments ID, e.g. 5745459419');
	return typed;
}

/** Text or nothing: an empty parameter is not sent. */
export const optionalText = (value: unknown): string | undefined => (text(value) === '' ? undefined : text(value));
