/**
 * Payment addresses, callbacks and logs of the fake CryptAPI — stateful like CryptAPI's own
 * (docs.cryptapi.io/api/tickercreate, /api/tickerlogs, /webhooks):
 * - `GET /{ticker}/create/` keys the address on the callback URL: the same callback returns the same `address_in`
 *   (its `address_out` never changes), the same callback for another ticker is refused unless `multi_token=1`.
 * - `pay()` plays the customer: CryptAPI calls the callback URL — once when the payment is seen (only with
 *   `pending=1`) and once when it is confirmed and forwarded — signed with `signCryptApi` (the package's signer, with
 *   the throw-away test key): GET (default) signs the full URL it requests, which is the callback URL exactly as it was
 *   given (the merchant's own query included) followed by CryptAPI's fields; `post=1` sends them as a form body and
 *   `json=1` as a JSON body, signing only the body.
 * - `GET /{ticker}/logs/?callback=` answers every payment with the log of those calls (request URL, answer, status);
 *   a payment's result is `done` once the callback was answered `*ok*`, else `sent` (or `pending`).
 */
import { createHash } from 'node:crypto';

import { CRYPTAPI_SIGNATURE_HEADER, signCryptApi } from '../../nodes/CryptApi/signature';
import type { Delivery } from '../helpers/fakeHttp';
import { stringifyExact, type ExactJson } from '../../nodes/shared/exactJson';
import { DecimalLiteral, ERRORS, error, success, type Answer, type Query } from './api';
import { COINS, FEE_PERCENT, coinField, minimumOf, type Coin } from './coins';
import { mulDiv, percentOf, subtract } from './decimal';

export interface CallbackLog {
	request_url: string;
	responses: string;
	response_status: string;
	next_try: string;
	pending: string;
	confirmed: number;
}

export interface Payment {
	uuid: string;
	txidIn: string;
	txidOut: string;
	valueCoin: string;
	fee: string;
	forwarded: string;
	confirmations: number;
	result: 'pending' | 'sent' | 'done';
	lastUpdate: string;
	logs: CallbackLog[];
}

export interface PaymentAddress {
	ticker: string;
	/** The callback URL as CryptAPI read it from the create request (the `callback` parameter, decoded once). */
	callback: string;
	addressIn: string;
	/** The `address` parameter: one address, or `share@address|…`. */
	addressOut: string;
	pending: boolean;
	confirmations: number;
	delivery: 'get' | 'post' | 'json';
	priority: string;
	multiToken: boolean;
	convert: boolean;
	payments: Payment[];
}

/** Sends one callback the way the server was asked to (GET, or POST with a body) and returns what happened. */
export type Send = (url: string, method: 'GET' | 'POST', headers: Record<string, string>, body: string) => Promise<Delivery>;

const hex = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A deterministic, valid-looking payment address for a callback. */
function paymentAddress(coin: Coin, seed: string): string {
	const digest = createHash('sha256').update(seed).digest();
	if (coin.addressPrefix === 'T') return `T${[...digest].slice(0, 33).map((b) => BASE58[b % 58]).join('')}`;
	if (coin.addressPrefix === '0x') return `0x${digest.toString('hex').slice(0, 40)}`;
	return `${coin.addressPrefix}${[...digest].slice(0, 38).map((b) => '023456789acdefghjklmnpqrstuvwxyz'[b % 32]).join('')}`;
}

/** CryptAPI's `address` parameter: `[{address, share}]`, or an error answer. */
function parseDestinations(coin: Coin, address: string): Array<{ address: string; share: string }> | Answer {
	if (!address.includes('|') && !address.includes('@')) {
		return coin.address.test(address) ? [{ address, share: '1' }] : error(ERRORS.invalidAddress);
	}
	const entries = address.split('|').map((entry) => {
		const at = entry.indexOf('@');
		return { share: entry.slice(0, at), address: entry.slice(at + 1) };
	});
	if (entries.length > 20) return error(ERRORS.maxAddresses);
	const valid = entries.every((e) => /^\d+(\.\d+)?$/.test(e.share) && coin.address.test(e.address));
	// shares must add up to 1.00; checked in ten-thousandths (CryptAPI's smallest share is 0.0001)
	const total = entries.reduce((sum, e) => sum + Math.round(Number(e.share) * 10_000), 0);
	return valid && total === 10_000 ? entries : error(ERRORS.invalidAddress);
}

/** `address_out` as CryptAPI answers it: the address, or `{address: share}` for a split payment. */
function addressOutOf(entry: PaymentAddress): unknown {
	if (!entry.addressOut.includes('|') && !entry.addressOut.includes('@')) return entry.addressOut;
	return Object.fromEntries(
		entry.addressOut.split('|').map((part) => {
			const at = part.indexOf('@');
			return [part.slice(at + 1), new DecimalLiteral(part.slice(0, at))];
		}),
	);
}

const now = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

export class AddressStore {
	readonly addresses: PaymentAddress[] = [];

	constructor(private readonly privateKey: string, private readonly send: Send) {}

	find(lookup: { callback?: string; addressIn?: string }, ticker?: string): PaymentAddress | undefined {
		return this.addresses.find(
			(a) =>
				(lookup.callback === undefined || a.callback === lookup.callback) &&
				(lookup.addressIn === undefined || a.addressIn === lookup.addressIn) &&
				(ticker === undefined || a.ticker === ticker),
		);
	}

	create(ticker: string, coin: Coin, query: Query): Answer {
		const { callback, address } = query;
		if (!callback || !address) return error(ERRORS.addressAndCallback);
		let parsed: URL;
		try {
			parsed = new URL(callback);
		} catch {
			return error(ERRORS.callbackMalformed);
		}
		if (!/^https?:$/.test(parsed.protocol)) return error(ERRORS.callbackMalformed);
		const destinations = parseDestinations(coin, address);
		if (!Array.isArray(destinations)) return destinations;

		const multiToken = query.multi_token === '1';
		let entry = this.find({ callback }, ticker);
		if (!entry) {
			const other = this.find({ callback });
			if (other && !(multiToken && other.multiToken)) return error(ERRORS.otherToken);
			entry = {
				ticker,
				callback,
				addressIn: other?.addressIn ?? paymentAddress(coin, `${ticker} ${callback}`),
				addressOut: address,
				pending: query.pending === '1',
				confirmations: /^[1-9]\d*$/.test(query.confirmations ?? '') ? Number(query.confirmations) : 1,
				delivery: query.json === '1' ? 'json' : query.post === '1' ? 'post' : 'get',
				priority: query.priority ?? 'default',
				multiToken,
				convert: query.convert === '1',
				payments: [],
			};
			this.addresses.push(entry);
		}
		return success({
			address_in: entry.addressIn,
			address_out: addressOutOf(entry),
			callback_url: entry.callback,
			priority: entry.priority,
			minimum_transaction_coin: minimumOf(coin),
		});
	}

	logs(ticker: string, query: Query): Answer {
		const entry = query.callback === undefined ? undefined : this.find({ callback: query.callback }, ticker);
		if (!entry) return error(ERRORS.callbackNotFound, 404);
		return success({
			address_in: entry.addressIn,
			address_out: addressOutOf(entry),
			callback_url: entry.callback,
			notify_pending: entry.pending,
			notify_confirmations: entry.confirmations,
			priority: entry.priority,
			callbacks: entry.payments.map((p) => ({
				txid_in: p.txidIn,
				txid_out: p.txidOut,
				value_coin: new DecimalLiteral(p.valueCoin),
				value_forwarded_coin: new DecimalLiteral(p.forwarded),
				confirmations: p.confirmations,
				last_update: p.lastUpdate,
				result: p.result,
				fee_percent: new DecimalLiteral(FEE_PERCENT),
				fee_coin: new DecimalLiteral(p.fee),
				logs: [...p.logs].reverse().slice(0, 10),
			})),
		});
	}

	/**
	 * The customer pays `valueCoin` to the address: the pending callback (if asked for), then the confirmed one. Resolves
	 * when both were delivered (answered or failed).
	 */
	async pay(entry: PaymentAddress, valueCoin = '0.05'): Promise<Payment> {
		const fee = percentOf(valueCoin, FEE_PERCENT);
		const seed = `${entry.addressIn} ${entry.payments.length}`;
		const payment: Payment = {
			uuid: `${hex(`uuid ${seed}`, 8)}-${hex(`a ${seed}`, 4)}-4${hex(`b ${seed}`, 3)}-a${hex(`c ${seed}`, 3)}-${hex(`d ${seed}`, 12)}`,
			txidIn: hex(`in ${seed}`, 64),
			txidOut: hex(`out ${seed}`, 64),
			valueCoin,
			fee,
			forwarded: subtract(valueCoin, fee),
			confirmations: 0,
			result: 'pending',
			lastUpdate: now(),
			logs: [],
		};
		entry.payments.push(payment);
		if (entry.pending) await this.callBack(entry, payment, true);
		payment.confirmations = entry.confirmations;
		payment.result = 'sent';
		await this.callBack(entry, payment, false);
		return payment;
	}

	/** CryptAPI's callback fields (providers/cryptapi.md, "Fields"), in the order its logs show them. */
	private fields(entry: PaymentAddress, payment: Payment, pending: boolean): Array<[string, string | DecimalLiteral]> {
		const coin = COINS[entry.ticker];
		const out = entry.addressOut.includes('@') ? JSON.stringify(addressOutOf(entry), (_k, v: unknown) => (v instanceof DecimalLiteral ? Number(v.text) : v)) : entry.addressOut;
		const usd = (value: string) => JSON.stringify({ USD: mulDiv(value, coin.prices.USD, '1', 2) });
		const fields: Array<[string, string | DecimalLiteral]> = [
			['uuid', payment.uuid],
			['address_in', entry.addressIn],
			['address_out', out],
			['txid_in', payment.txidIn],
		];
		if (!pending) fields.push(['txid_out', payment.txidOut], ['confirmations', new DecimalLiteral(String(payment.confirmations))]);
		fields.push(['value_coin', new DecimalLiteral(payment.valueCoin)]);
		if (entry.convert) fields.push(['value_coin_convert', usd(payment.valueCoin)]);
		if (!pending) {
			fields.push(['value_forwarded_coin', new DecimalLiteral(payment.forwarded)], ['fee_coin', new DecimalLiteral(payment.fee)]);
			if (entry.convert) fields.push(['value_forwarded_coin_convert', usd(payment.forwarded)]);
		}
		fields.push(['coin', coinField(entry.ticker)], ['price', new DecimalLiteral(coin.prices.USD)], ['pending', new DecimalLiteral(pending ? '1' : '0')]);
		return fields;
	}

	private async callBack(entry: PaymentAddress, payment: Payment, pending: boolean): Promise<void> {
		const fields = this.fields(entry, payment, pending);
		const form = new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v instanceof DecimalLiteral ? v.text : v])).toString();
		let delivery: Delivery;
		if (entry.delivery === 'get') {
			// The callback URL exactly as given, CryptAPI's fields appended; the signature covers that full URL.
			const url = `${entry.callback}${entry.callback.includes('?') ? '&' : '?'}${form}`;
			delivery = await this.send(url, 'GET', { [CRYPTAPI_SIGNATURE_HEADER]: signCryptApi(url, this.privateKey) }, '');
		} else {
			const body = entry.delivery === 'json' ? stringifyExact(Object.fromEntries(fields) as ExactJson) : form;
			const type = entry.delivery === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
			const headers = { 'Content-Type': type, [CRYPTAPI_SIGNATURE_HEADER]: signCryptApi(body, this.privateKey) };
			delivery = await this.send(entry.callback, 'POST', headers, body);
		}
		const acknowledged = delivery.answer === 200 && delivery.answerBody === '*ok*';
		if (acknowledged && !pending) payment.result = 'done';
		payment.lastUpdate = now();
		payment.logs.push({
			request_url: delivery.url,
			responses: delivery.answerBody,
			response_status: String(delivery.answer),
			next_try: acknowledged ? '' : now(),
			pending: pending ? '1' : '0',
			confirmed: pending ? 0 : 1,
		});
	}
}
