/**
 * Parameter checks of the CryptAPI action node: CryptAPI's own rules (tickers, destination addresses with their
 * shares, the callback URL and its parameters) on top of the shared checks (`nodes/shared/params.ts`). Pure: a failed
 * check throws `ParameterError` naming the field as the node shows it, before anything is sent.
 *
 * Limits are CryptAPI's documented ones (docs.cryptapi.io/api/tickercreate, /api/tickerqrcode, /api/tickerestimate;
 * see docs/providers/cryptapi.md).
 */
import { appendQuery, encodeQueryComponent, type QueryPair } from '../shared/query';
import { fail, text } from '../shared/params';
import { isCryptApiField } from './payload';

/** "The length of this request should not exceed 8192 characters" (tickercreate). */
export const MAX_REQUEST_LENGTH = 8192;
/** "You may add up to 20 addresses to split the payment" (tickercreate). */
export const MAX_DESTINATIONS = 20;
/** QR code size in pixels: "Min: 64, Max: 1024" (tickerqrcode). */
export const QR_SIZE = { min: 64, max: 1024 } as const;

const TICKER = /^[a-z0-9]+(?:\/[a-z0-9]+)?$/;

/**
 * A ticker as CryptAPI's paths take it: `btc`, `trc20/usdt`. Accepts the SDKs' `trc20_usdt` spelling (the first `_`
 * becomes `/`, as `@cryptapi/api` does) and upper case (`BTC`); tickers are lower case.
 */
export function ticker(field: string, value: unknown): string {
	const raw = text(value).toLowerCase().replace('_', '/');
	if (raw === '') fail(field, 'is required');
	if (!TICKER.test(raw)) fail(field, 'must be a CryptAPI ticker such as btc, ltc or trc20/usdt');
	return raw;
}

/** Addresses: no spaces, and none of the characters CryptAPI's split format uses (`@`, `|`). */
const ADDRESS = /^[^\s@|]{10,200}$/;
const SHARE = /^(\d+)(?:\.(\d+))?$/;

/** A decimal share as an integer count of 10^-scale units (no float arithmetic). */
function scaled(share: string, scale: number): bigint {
	const [, whole, fraction = ''] = SHARE.exec(share) as RegExpExecArray;
	return BigInt(whole + fraction.padEnd(scale, '0'));
}

/**
 * The `address` parameter: one address, or a split as CryptAPI writes it, `share_1@address_1|share_2@address_2`, with
 * 1 to 20 addresses and shares from 0.0001 to 1 that add up to exactly 1 (decimal, not float, arithmetic). Returned
 * as sent: spaces around `|` and `@` dropped, shares exactly as typed.
 */
export function destination(field: string, value: unknown): string {
	const raw = text(value);
	if (raw === '') fail(field, 'is required');
	if (!raw.includes('@') && !raw.includes('|')) {
		if (!ADDRESS.test(raw)) fail(field, 'must be a wallet address (no spaces), or shares like 0.7@address_1|0.3@address_2');
		return raw;
	}
	const entries = raw.split('|').map((entry) => entry.trim().split('@').map((part) => part.trim()));
	if (entries.length > MAX_DESTINATIONS) fail(field, `at most ${MAX_DESTINATIONS} addresses`);
	const seen = new Set<string>();
	for (const entry of entries) {
		const [share, address] = entry;
		if (entry.length !== 2 || !SHARE.test(share) || !ADDRESS.test(address)) {
			fail(field, `"${entry.join('@').slice(0, 60)}" is not share@address (e.g. 0.7@1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP)`);
		}
		if (seen.has(address)) fail(field, `${address.slice(0, 60)} is listed twice`);
		seen.add(address);
	}
	const scale = Math.max(4, ...entries.map(([share]) => (share.split('.')[1] ?? '').length));
	const unit = 10n ** BigInt(scale);
	const min = unit / 10_000n;
	let sum = 0n;
	for (const [share] of entries) {
		const n = scaled(share, scale);
		if (n < min || n > unit) fail(field, `each share must be from 0.0001 to 1 (${share} is not)`);
		sum += n;
	}
	if (sum !== unit) fail(field, 'the shares must add up to exactly 1 (e.g. 0.7@address_1|0.3@address_2)');
	return entries.map(([share, address]) => `${share}@${address}`).join('|');
}

const CALLBACK_BASE = /^https?:\/\/[^\s/?#]+[^\s#]*$/i;
const PARAMETER_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** The custom parameter the CryptAPI Trigger reads as `orderId`. */
export const ORDER_ID_PARAMETER = 'order_id';

export interface CallbackParameter {
	name?: unknown;
	value?: unknown;
}

/**
 * The callback URL CryptAPI is given: the CryptAPI Trigger's Production URL (its own query, if any, kept byte for
 * byte), then `order_id` and the other custom parameters, each percent-encoded once (RFC 3986, `nodes/shared/query.ts`).
 * CryptAPI appends its fields to exactly this URL when it calls back and signs that full URL (GET), so the trigger's
 * signature check and its `order_id` → `orderId` mapping see the text built here. The same inputs always give the same
 * URL: CryptAPI keys the payment address on it (a retried create returns the same address, and Get Logs finds it).
 *
 * Names CryptAPI uses in its callbacks (`uuid`, `value_coin`, `pending`, …) are refused: in a GET callback the trigger
 * could not tell yours from CryptAPI's.
 */
export function callbackUrl(base: unknown, orderId: unknown, parameters: readonly CallbackParameter[]): string {
	const url = text(base);
	if (url === '') fail('Callback URL', 'is required: paste the CryptAPI Trigger\'s Production URL');
	if (!CALLBACK_BASE.test(url)) fail('Callback URL', 'must be an http(s) URL without spaces or #fragment');
	const existing = new Set(
		(url.split('?')[1] ?? '').split('&').map((pair) => decodeName(pair.split('=')[0])),
	);
	const pairs: QueryPair[] = [];
	const add = (field: string, name: string, value: string) => {
		if (!PARAMETER_NAME.test(name)) fail(field, `"${name.slice(0, 64)}" is not a parameter name (letters, digits, _ . -)`);
		if (isCryptApiField(name)) fail(field, `"${name}" is a name CryptAPI uses in its callbacks: choose another`);
		if (existing.has(name)) fail(field, `"${name}" is given twice`);
		try {
			encodeQueryComponent(value);
		} catch {
			fail(field, `the value of "${name}" contains an invalid character`);
		}
		existing.add(name);
		pairs.push([name, value]);
	};
	const order = text(orderId);
	if (order !== '') add('Order ID', ORDER_ID_PARAMETER, order);
	for (const parameter of parameters) add('Callback Parameters', text(parameter.name), text(parameter.value));
	return appendQuery(url, pairs);
}

function decodeName(name: string): string {
	try {
		return decodeURIComponent(name.replace(/\+/g, ' '));
	} catch {
		return name;
	}
}
