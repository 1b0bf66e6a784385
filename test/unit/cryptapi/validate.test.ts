/** The CryptAPI node's own parameter checks (nodes/CryptApi/validate.ts): pure, one error naming the field. */
import { ParameterError } from '../../../nodes/shared/params';
import { callbackUrl, destination, ticker } from '../../../nodes/CryptApi/validate';

const reason = (fn: () => unknown): string => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(ParameterError);
		return (error as Error).message;
	}
	throw new Error('expected a ParameterError');
};

const A = '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP';
const B = '1PE5U4temq1rFzseHHGE2L8smwHCyRbkx3';

describe('ticker', () => {
	it.each([
		['btc', 'btc'],
		[' BTC ', 'btc'],
		['trc20/usdt', 'trc20/usdt'],
		['trc20_usdt', 'trc20/usdt'],
		['BEP20_USDT', 'bep20/usdt'],
	])('%j → %s', (input, expected) => expect(ticker('Ticker', input)).toBe(expected));

	it.each(['b tc', 'trc20/usdt/x', 'trc20__usdt', '../info', 'btc?x=1', '/btc'])('%j is refused', (input) => {
		expect(reason(() => ticker('Ticker', input))).toBe('Ticker: must be a CryptAPI ticker such as btc, ltc or trc20/usdt');
	});
});

describe('destination', () => {
	it('one address is sent as it is', () => expect(destination('D', ` ${A} `)).toBe(A));

	it('a split is normalized (spaces dropped), shares kept as typed', () => {
		expect(destination('D', ` 0.70 @ ${A} | 0.3@${B}`)).toBe(`0.70@${A}|0.3@${B}`);
		expect(destination('D', `1@${A}`)).toBe(`1@${A}`);
		expect(destination('D', `0.3333@${A}|0.3333@${B}|0.3334@${A}x`)).toBe(`0.3333@${A}|0.3333@${B}|0.3334@${A}x`);
	});

	it('sums in decimal, not float: 0.1 + 0.2 + 0.7 is exactly 1', () => {
		expect(destination('D', `0.1@${A}|0.2@${B}|0.7@${A}y`)).toBe(`0.1@${A}|0.2@${B}|0.7@${A}y`);
	});

	it.each([
		[`0.5@${A}|0.6@${B}`, 'D: the shares must add up to exactly 1 (e.g. 0.7@address_1|0.3@address_2)'],
		[`1.5@${A}`, 'D: each share must be from 0.0001 to 1 (1.5 is not)'],
		[`0@${A}|1@${B}`, 'D: each share must be from 0.0001 to 1 (0 is not)'],
		[`.5@${A}|0.5@${B}`, 'D: ".5@1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP" is not share@address (e.g. 0.7@1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP)'],
		[`0.5@${A}@x|0.5@${B}`, `D: "0.5@${A}@x" is not share@address (e.g. 0.7@1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP)`],
		['short', 'D: must be a wallet address (no spaces), or shares like 0.7@address_1|0.3@address_2'],
	])('%j is refused', (input, message) => expect(reason(() => destination('D', input))).toBe(message));
});

describe('callbackUrl', () => {
	const base = 'https://n8n.example.com/webhook/4f0c/webhook';

	it('adds order_id, then the parameters in order, each encoded once', () => {
		expect(callbackUrl(base, 'A/17 B', [{ name: 'nonce', value: 'x=y&z' }, { name: 'empty', value: '' }])).toBe(
			`${base}?order_id=A%2F17%20B&nonce=x%3Dy%26z&empty=`,
		);
	});

	it('the same inputs give the same URL; no Order ID and no parameters give the URL as pasted', () => {
		expect(callbackUrl(base, '7', [])).toBe(callbackUrl(` ${base} `, 7, []));
		expect(callbackUrl(`${base}?x=%2F`, '', [])).toBe(`${base}?x=%2F`);
	});

	it('numbers from expressions become text', () => {
		expect(callbackUrl(base, 1042, [{ name: 'n', value: 5 }])).toBe(`${base}?order_id=1042&n=5`);
	});

	it.each([
		['pending', 'Callback Parameters: "pending" is a name CryptAPI uses in its callbacks: choose another'],
		['value_coin_convert', 'Callback Parameters: "value_coin_convert" is a name CryptAPI uses in its callbacks: choose another'],
		['a[b]', 'Callback Parameters: "a[b]" is not a parameter name (letters, digits, _ . -)'],
		['', 'Callback Parameters: "" is not a parameter name (letters, digits, _ . -)'],
	])('parameter name %j is refused', (name, message) => {
		expect(reason(() => callbackUrl(base, '', [{ name, value: '1' }]))).toBe(message);
	});
});
