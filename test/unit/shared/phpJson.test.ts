import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { encodePhpJson, encodePhpString, PhpJsonError } from '../../../nodes/shared/phpJson';

/** Re-encodes JSON text as PHP's json_encode(json_decode($text, true), JSON_UNESCAPED_UNICODE) prints it. */
const php = (text: string) => encodePhpJson(parseJsonLossless(text).root);

describe('PHP json_encode(…, JSON_UNESCAPED_UNICODE) encoder', () => {
	it('rule 1: escapes / as \\/', () => {
		expect(php('{"u":"https://t.me/x"}')).toBe(String.raw`{"u":"https:\/\/t.me\/x"}`);
	});

	it('rule 2: keeps non-ASCII raw UTF-8 but escapes U+2028 and U+2029', () => {
		expect(php('{"a":"Привет café 😀"}')).toBe('{"a":"Привет café 😀"}');
		expect(php('{"a":"x\u2028y\u2029z"}')).toBe(String.raw`{"a":"x\u2028y\u2029z"}`);
	});

	it('rule 3: short escapes for \\b \\f \\n \\r \\t, \\u00XX lowercase for other control characters', () => {
		expect(encodePhpString('\b\f\n\r\t')).toBe(String.raw`"\b\f\n\r\t"`);
		expect(encodePhpString('\u0001\u001f\u000b')).toBe(String.raw`"\u0001\u001f\u000b"`);
		expect(encodePhpString('"\\')).toBe(String.raw`"\"\\"`);
		expect(encodePhpString('\u007f')).toBe('"\u007f"');
	});

	it('rule 4: decodes received escapes first', () => {
		expect(php(String.raw`{"a":"caf\u00e9","b":"a\/b","c":"\u0041"}`)).toBe(String.raw`{"a":"café","b":"a\/b","c":"A"}`);
	});

	it('rule 5: an empty object becomes [] and a 0..n-1 keyed object becomes a list', () => {
		expect(php('{}')).toBe('[]');
		expect(php('{"a":{}}')).toBe('{"a":[]}');
		expect(php('{"a":{"0":"x","1":"y"}}')).toBe('{"a":["x","y"]}');
		expect(php('{"a":{"1":"x","0":"y"}}')).toBe('{"a":{"1":"x","0":"y"}}');
		expect(php('{"a":{"0":"x","2":"y"}}')).toBe('{"a":{"0":"x","2":"y"}}');
		expect(php('{"a":{"00":"x"}}')).toBe('{"a":{"00":"x"}}');
	});

	it('rule 6: keeps integer-like keys in received order', () => {
		expect(php('{"b":1,"10":2,"a":3}')).toBe('{"b":1,"10":2,"a":3}');
	});

	it('rule 7: compact output', () => {
		expect(php(' { "a" : [ 1 , 2 ] ,\n "b" : { "c" : null } } ')).toBe('{"a":[1,2],"b":{"c":null}}');
	});

	it('rule 8: copies number literals verbatim', () => {
		expect(php('{"a":10.0,"b":1e2,"c":-0,"d":3.00000000}')).toBe('{"a":10.0,"b":1e2,"c":-0,"d":3.00000000}');
	});

	it('keeps one entry per repeated key: first position, last value (PHP array semantics)', () => {
		expect(php('{"a":1,"b":2,"a":3}')).toBe('{"a":3,"b":2}');
	});

	it('booleans, null, nested arrays', () => {
		expect(php('[true,false,null,[[]]]')).toBe('[true,false,null,[[]]]');
	});

	it('refuses an unpaired surrogate (PHP json_decode fails on it)', () => {
		expect(() => php(String.raw`{"a":"\ud800"}`)).toThrow(PhpJsonError);
		expect(() => php(String.raw`{"a":"\udc00x"}`)).toThrow(PhpJsonError);
		expect(php(String.raw`{"a":"\ud83d\ude00"}`)).toBe('{"a":"😀"}');
	});
});
