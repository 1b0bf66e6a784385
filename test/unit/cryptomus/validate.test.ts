/** The Cryptomus node's parameter checks (nodes/Cryptomus/validate.ts): pure, one error naming the field. */
import * as check from '../../../nodes/Cryptomus/validate';

const reason = (fn: () => unknown): string => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(check.CryptomusParameterError);
		return (error as Error).message;
	}
	throw new Error('expected a CryptomusParameterError');
};

describe('validate', () => {
	it.each(['10', '10.50', '0.00000001', '179.00'])('amount %s is returned exactly as entered', (value) => {
		expect(check.amount('Amount', value)).toBe(value);
	});

	it.each([
		['10,50', 'Amount: use a dot as the decimal separator, e.g. 10.50'],
		['1e3', 'Amount: must be a decimal number such as 10 or 10.50'],
		['-5', 'Amount: must be a decimal number such as 10 or 10.50'],
		['.5', 'Amount: must be a decimal number such as 10 or 10.50'],
		['0', 'Amount: must be greater than 0'],
	])('amount %s is refused: %s', (value, message) => {
		expect(reason(() => check.amount('Amount', value))).toBe(message);
	});

	it('text() trims and turns numbers from expressions into text; required() names the field', () => {
		expect(check.text('  a ')).toBe('a');
		expect(check.text(10.5)).toBe('10.5');
		expect(check.text(undefined)).toBe('');
		expect(reason(() => check.required('Currency', ' '))).toBe('Currency: is required');
	});

	it('order IDs: 1..max ASCII letters, digits, - and _', () => {
		expect(check.orderId('Order ID', 'Order_42-a', 32)).toBe('Order_42-a');
		expect(check.orderId('Order ID', 'a'.repeat(128), 128)).toHaveLength(128);
		expect(reason(() => check.orderId('Order ID', 'a'.repeat(33), 32))).toBe('Order ID: must be 1 to 32 characters: letters, digits, - or _');
		expect(reason(() => check.orderId('Order ID', 'заказ', 128))).toMatch(/^Order ID: must be 1 to 128/);
	});

	it('URLs: length first, then http(s)', () => {
		expect(check.url('Callback URL', 'https://a.io', 6, 150)).toBe('https://a.io');
		expect(reason(() => check.url('Callback URL', `https://a.io/${'x'.repeat(140)}`, 6, 150))).toBe(
			'Callback URL: must be 6 to 150 characters long',
		);
		expect(reason(() => check.url('Callback URL', 'mailto:x@y.z', 6, 150))).toBe('Callback URL: must be an http(s) URL');
	});

	it('numbers in range; integers must be whole', () => {
		expect(check.integer('Lifetime', '600', 300, 43200)).toBe(600);
		expect(reason(() => check.integer('Lifetime', 300.5, 300, 43200))).toBe('Lifetime: must be a whole number from 300 to 43200');
		expect(check.decimal('Accuracy', 4.99, 0, 5)).toBe(4.99);
		expect(reason(() => check.decimal('Accuracy', 'abc', 0, 5))).toBe('Accuracy: must be a number from 0 to 5');
	});

	it('currency lists: "USDT:tron, BTC" → Cryptomus structure; empty entries skipped', () => {
		expect(check.currencyList('Currencies', 'USDT:tron, BTC,,')).toEqual([{ currency: 'USDT', network: 'tron' }, { currency: 'BTC' }]);
		expect(check.currencyList('Currencies', '')).toEqual([]);
		expect(reason(() => check.currencyList('Currencies', 'US DT'))).toMatch(/^Currencies: "US DT" is not CURRENCY/);
	});

	it.each([
		['2025-05-04', 'from', '2025-05-04 00:00:00'],
		['2025-05-04', 'to', '2025-05-04 23:59:59'],
		['2025-05-04T10:20', 'from', '2025-05-04 10:20:00'],
		['2025-05-04 10:20:30', 'to', '2025-05-04 10:20:30'],
		['2025-05-04T10:20:30.000Z', 'from', '2025-05-04 10:20:30'],
	] as const)('date %s (%s) → %s', (value, edge, expected) => {
		expect(check.dateTime('Date From', value, edge)).toBe(expected);
	});

	it('dates that are not dates are refused', () => {
		expect(reason(() => check.dateTime('Date From', '04.05.2025', 'from'))).toMatch(/^Date From: must be a date/);
		expect(reason(() => check.dateTime('Date From', '2025-13-45', 'from'))).toMatch(/^Date From: must be a date/);
	});

	it('lookup: UUID wins, then order ID (up to 128), else the UUID field is named', () => {
		const uuid = '8b03432e-385b-4670-8d06-064591096795';
		expect(check.lookup(uuid, 'x')).toEqual({ uuid });
		expect(check.lookup('', 'order-1')).toEqual({ order_id: 'order-1' });
		expect(reason(() => check.lookup('', ''))).toBe('UUID: give the UUID or the Order ID');
	});

	it('oneOf and maxLength name the field', () => {
		expect(reason(() => check.oneOf('Course Source', 'Bybit', ['Binance', 'Kucoin']))).toBe(
			'Course Source: must be one of Binance, Kucoin',
		);
		expect(reason(() => check.maxLength('Additional Data', 'xx', 1))).toBe('Additional Data: must be at most 1 characters long');
	});
});
