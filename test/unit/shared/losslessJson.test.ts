import {
	getMember,
	JsonSyntaxError,
	MAX_JSON_DEPTH,
	parseJsonLossless,
	textAt,
	toPlain,
	tryParseJsonLossless,
} from '../../../nodes/shared/losslessJson';

describe('lossless JSON reader', () => {
	it('keeps the received key order, including integer-like keys', () => {
		const { root } = parseJsonLossless('{"b":1,"10":2,"a":3,"2":4}');
		expect(root.type === 'object' && root.members.map((m) => m.key)).toEqual(['b', '10', 'a', '2']);
	});

	it('keeps number literals as text', () => {
		const { root } = parseJsonLossless('{"a":1000.50,"b":1e2,"c":-0.0,"d":12345678901234567890}');
		expect(textAt(root, 'a')).toBe('1000.50');
		expect(textAt(root, 'b')).toBe('1e2');
		expect(textAt(root, 'c')).toBe('-0.0');
		expect(textAt(root, 'd')).toBe('12345678901234567890');
	});

	it('decodes escapes in strings and keys', () => {
		const { root } = parseJsonLossless(String.raw`{"k\u00e9":"a\/b\n\u2028\ud83d\ude00\"\\"}`);
		expect(textAt(root, 'ké')).toBe('a/b\n\u2028😀"\\');
	});

	it('records member offsets in the text', () => {
		const text = '{ "a" : 1 , "sign":"x" }';
		const { root } = parseJsonLossless(text);
		const member = root.type === 'object' ? root.members[1] : undefined;
		expect(text.slice(member?.start, member?.end)).toBe('"sign":"x"');
	});

	it('reads raw UTF-8 bytes', () => {
		const { root } = parseJsonLossless(Buffer.from('{"name":"Привет café"}', 'utf8'));
		expect(textAt(root, 'name')).toBe('Привет café');
	});

	it.each([
		['empty input', ''],
		['trailing comma', '{"a":1,}'],
		['single quotes', "{'a':1}"],
		['raw control character', '{"a":"\u0001"}'],
		['leading zero', '{"a":01}'],
		['bare decimal point', '{"a":1.}'],
		['trailing data', '{"a":1} x'],
		['unterminated string', '{"a":"b'],
		['bad escape', String.raw`{"a":"\x"}`],
		['short unicode escape', String.raw`{"a":"\u12"}`],
		['NaN', '{"a":NaN}'],
	])('rejects %s', (_name, text) => {
		expect(() => parseJsonLossless(text)).toThrow(JsonSyntaxError);
		expect(tryParseJsonLossless(text)).toBeUndefined();
	});

	it('rejects invalid UTF-8 and a byte-order mark', () => {
		expect(tryParseJsonLossless(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toBeUndefined();
		expect(tryParseJsonLossless(Buffer.from('\ufeff{}', 'utf8'))).toBeUndefined();
	});

	it('limits nesting depth like PHP json_decode', () => {
		const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
		const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
		expect(tryParseJsonLossless(ok)).toBeDefined();
		expect(tryParseJsonLossless(deep)).toBeUndefined();
	});

	it('getMember returns the last duplicate, as JSON.parse does', () => {
		const { root } = parseJsonLossless('{"a":1,"a":2}');
		expect(getMember(root, 'a')).toEqual({ type: 'number', raw: '2' });
		expect(JSON.parse('{"a":1,"a":2}').a).toBe(2);
	});

	it('toPlain matches JSON.parse where numbers round-trip, and keeps other literals as text', () => {
		const text = '{"s":"x","n":42,"f":0.05,"t":true,"z":null,"arr":[1,"2"],"o":{"k":[]}}';
		expect(toPlain(parseJsonLossless(text).root)).toEqual(JSON.parse(text));
		expect(toPlain(parseJsonLossless('{"a":1000.50,"b":1e2,"c":12345678901234567890}').root)).toEqual({
			a: '1000.50',
			b: '1e2',
			c: '12345678901234567890',
		});
	});

	it('toPlain keeps a "__proto__" key as an own property', () => {
		const plain = toPlain(parseJsonLossless('{"__proto__":{"polluted":true}}').root) as Record<string, unknown>;
		expect(Object.prototype.hasOwnProperty.call(plain, '__proto__')).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
