/** nodes/shared/query.ts: query strings built byte for byte (RFC 3986 percent-encoding, pairs in order). */
import { appendQuery, buildQuery, encodeQueryComponent } from '../../../nodes/shared/query';

describe('encodeQueryComponent', () => {
	it.each([
		['abc-._~XYZ019', 'abc-._~XYZ019'],
		['a b', 'a%20b'],
		['a+b', 'a%2Bb'],
		["!'()*", '%21%27%28%29%2A'],
		['&=?#/:@|%', '%26%3D%3F%23%2F%3A%40%7C%25'],
		['ü€😀', '%C3%BC%E2%82%AC%F0%9F%98%80'],
	])('%j → %s', (text, encoded) => {
		expect(encodeQueryComponent(text)).toBe(encoded);
		// reads back unchanged with a form decoder (where + would be a space) and with an RFC 3986 one
		expect(new URLSearchParams(`x=${encoded}`).get('x')).toBe(text);
		expect(decodeURIComponent(encoded)).toBe(text);
	});

	it('is left as it is by a WHATWG URL parser (what axios does with the URL)', () => {
		const url = `https://api.example.com/x/?${buildQuery([['callback', 'https://n8n/w?order_id=A/1 2&n=*']])}`;
		expect(new URL(url).href).toBe(url);
	});

	it('a lone surrogate cannot be encoded (callers refuse it, naming the field)', () => {
		expect(() => encodeQueryComponent('a\uD800')).toThrow(URIError);
	});
});

describe('buildQuery / appendQuery', () => {
	it('keeps the pairs in order and repeats names as given', () => {
		expect(buildQuery([['b', '2'], ['a', '1'], ['b', '3']])).toBe('b=2&a=1&b=3');
		expect(buildQuery([])).toBe('');
	});

	it.each([
		['https://h/p', 'https://h/p?a=1'],
		['https://h/p?x=%20', 'https://h/p?x=%20&a=1'],
		['https://h/p?', 'https://h/p?a=1'],
		['https://h/p?x=1&', 'https://h/p?x=1&a=1'],
	])('appendQuery(%s) → %s (its own query byte for byte)', (url, expected) => {
		expect(appendQuery(url, [['a', '1']])).toBe(expected);
	});

	it('appends nothing for no pairs', () => {
		expect(appendQuery('https://h/p', [])).toBe('https://h/p');
	});
});
