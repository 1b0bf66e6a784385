/**
 * The coins the fake CryptAPI knows, and the read-only endpoints about them (docs.cryptapi.io/api/tickerinfo,
 * tickerestimate, tickerconvert, tickerqrcode): `GET /{ticker}/info/`, `/estimate/`, `/convert/`, `/qrcode/`.
 * Prices and fees are made up but fixed, so tests can expect exact answers.
 */
import { DecimalLiteral, ERRORS, error, success, type Answer, type Query } from './api';
import { mulDiv } from './decimal';

export interface Coin {
	name: string;
	/** Payment URI scheme for QR codes. */
	scheme: string;
	/** What a valid address of the chain looks like (the fake's approximation). */
	address: RegExp;
	/** Prefix of the payment addresses the fake makes up. */
	addressPrefix: string;
	minimum: string;
	/** Price in USD and EUR. */
	prices: { USD: string; EUR: string };
	/** Estimated forwarding fee for one address, in the chain's own coin. */
	networkFee: string;
}

const EVM = /^0x[0-9a-fA-F]{40}$/;
const TRON = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;

export const COINS: Record<string, Coin> = {
	btc: {
		name: 'Bitcoin',
		scheme: 'bitcoin',
		address: /^(bc1[02-9ac-hj-np-z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/,
		addressPrefix: 'bc1q',
		minimum: '0.00008000',
		prices: { USD: '107995.33', EUR: '91836.42' },
		networkFee: '0.00000213',
	},
	ltc: {
		name: 'Litecoin',
		scheme: 'litecoin',
		address: /^(ltc1[02-9ac-hj-np-z]{11,71}|[LM3][1-9A-HJ-NP-Za-km-z]{25,34})$/,
		addressPrefix: 'ltc1q',
		minimum: '0.002',
		prices: { USD: '86.10', EUR: '73.20' },
		networkFee: '0.00001',
	},
	eth: {
		name: 'Ethereum',
		scheme: 'ethereum',
		address: EVM,
		addressPrefix: '0x',
		minimum: '0.0025',
		prices: { USD: '2500.00', EUR: '2125.50' },
		networkFee: '0.0002',
	},
	'trc20/usdt': {
		name: 'Tether (TRC-20)',
		scheme: 'tron',
		address: TRON,
		addressPrefix: 'T',
		minimum: '5',
		prices: { USD: '1.00', EUR: '0.85' },
		networkFee: '1.5',
	},
	'bep20/usdt': {
		name: 'Tether (BEP-20)',
		scheme: 'ethereum',
		address: EVM,
		addressPrefix: '0x',
		minimum: '1',
		prices: { USD: '1.00', EUR: '0.85' },
		networkFee: '0.0001',
	},
};

/** CryptAPI's `coin` field in callbacks: `trc20/usdt` → `trc20_usdt`. */
export const coinField = (ticker: string): string => ticker.replace('/', '_');

/** CryptAPI's fee for forwarding (fee_percent). */
export const FEE_PERCENT = '1';

export function info(ticker: string, coin: Coin, query: Query): Answer {
	const body: Record<string, unknown> = {
		coin: coin.name,
		logo: `https://api.cryptapi.io/media/token_logos/${coinField(ticker)}.png`,
		ticker,
		minimum_transaction_coin: coin.minimum,
		minimum_fee_coin: '0',
		fee_percent: FEE_PERCENT,
		network_fee_estimation: coin.networkFee,
	};
	// "If the prices parameter is sent, the prices will be included": the fake reads prices=1 as yes, 0 as no.
	if (query.prices === '1') {
		body.prices = coin.prices;
		body.prices_updated = '2025-07-02T14:15:17.955Z';
	}
	return success(body);
}

export function estimate(coin: Coin, query: Query): Answer {
	const addresses = query.addresses ?? '1';
	if (!/^[1-9]\d*$/.test(addresses)) return error(ERRORS.invalidAddress);
	// each further address costs a third more, like CryptAPI's multi-address minimums (1 + (N − 1) / 3)
	const cost = mulDiv(coin.networkFee, String(Number(addresses) + 2), '3', 11);
	const fiat = (price: string) => mulDiv(cost, price, '1', 2);
	return success({
		estimated_cost: cost,
		estimated_cost_currency: { USD: fiat(coin.prices.USD), EUR: fiat(coin.prices.EUR) },
	});
}

/** `value` in `from` (USD, EUR or a ticker) → the ticker's coin. */
export function convert(coin: Coin, query: Query): Answer {
	const value = query.value ?? '';
	const from = (query.from ?? '').toUpperCase();
	if (!/^\d+(\.\d+)?$/.test(value) || from === '') return error('You must provide a valid value and from');
	const fromCoin = COINS[from.toLowerCase().replace('_', '/')];
	const fromPrice = from === 'USD' || from === 'EUR' ? (from === 'USD' ? '1' : mulDiv('1', coin.prices.USD, coin.prices.EUR, 8)) : fromCoin?.prices.USD;
	if (fromPrice === undefined) return error(ERRORS.invalidTicker);
	return success({
		value_coin: mulDiv(value, fromPrice, coin.prices.USD, 8),
		exchange_rate: mulDiv(coin.prices.USD, '1', fromPrice, 8),
	});
}

/** A 1×1 PNG (CryptAPI sends a real QR code; the node only passes the image on). */
export const QR_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';

export function qrcode(coin: Coin, query: Query): Answer {
	const address = query.address ?? '';
	if (!coin.address.test(address)) return error(ERRORS.addressIsInvalid);
	const size = query.size ?? '512';
	// Documented range 64–1024; what CryptAPI answers outside it is not documented (the fake refuses).
	if (!/^\d+$/.test(size) || Number(size) < 64 || Number(size) > 1024) return error('size must be between 64 and 1024');
	const value = query.value;
	if (value !== undefined && !/^\d+(\.\d+)?$/.test(value)) return error('Invalid value');
	return success({
		qr_code: QR_PNG_BASE64,
		payment_uri: `${coin.scheme}:${address}${value !== undefined ? `?amount=${value}` : ''}`,
	});
}

/** `minimum_transaction_coin` of a create answer (a JSON number in CryptAPI's example). */
export const minimumOf = (coin: Coin): DecimalLiteral => new DecimalLiteral(coin.minimum);
