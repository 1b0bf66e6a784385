/**
 * The JavaScript engine itself is the oracle here: for a body a JS server produced, `encodeJsJson` of the lossless
 * tree must print exactly what `JSON.stringify(JSON.parse(body))` prints.
 */
import { encodeJsJson, encodeJsString } from '../../../nodes/shared/jsJson';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';

const reencode = (text: string) => encodeJsJson(parseJsonLossless(text).root);
const viaEngine = (text: string) => JSON.stringify(JSON.parse(text));

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function prng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('encodeJsJson (JSON.stringify rules)', () => {
	it.each([
		['control characters', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')],
		['quote, backslash and slash', 'a"b\\c/d</script>'],
		['line and paragraph separators, DEL', '\u2028\u2029\u007f'],
		['accents, emoji and CJK', 'Pagó ñandú 🚀 日本'],
		['unpaired surrogates', '\ud800x\udfff\udc00\ud83d'],
		['empty', ''],
	])('prints strings as JSON.stringify does: %s', (_name, value) => {
		expect(encodeJsString(value)).toBe(JSON.stringify(value));
		const text = JSON.stringify({ value }, null, 2);
		expect(reencode(text)).toBe(viaEngine(text));
	});

	it('matches JSON.stringify on random UTF-16 strings, keys included', () => {
		const random = prng(20221026);
		for (let round = 0; round < 300; round++) {
			const units = Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
				const pick = random();
				const code = pick < 0.3 ? Math.floor(random() * 0x80) : pick < 0.5 ? 0xd800 + Math.floor(random() * 0x800) : Math.floor(random() * 0x10000);
				return String.fromCharCode(code);
			}).join('');
			const text = JSON.stringify({ [`k${units}`]: units, list: [units, { inner: units }] }, null, '\t');
			expect(reencode(text)).toBe(viaEngine(text));
		}
	});

	it('decodes escapes before re-encoding (\\u00e9 → é, \\/ → /)', () => {
		const text = '{ "a" : "caf\\u00e9 \\/ \\u2028 \\ud83d\\ude80" , "b":[ 1 , true , null , { } , [ ] ] }';
		expect(reencode(text)).toBe(viaEngine(text));
		expect(reencode(text)).toBe('{"a":"café / \u2028 🚀","b":[1,true,null,{},[]]}');
	});

	it('keeps the last value of a repeated key at its first position, like JSON.parse', () => {
		const text = '{"a":1,"b":2,"a":{"c":3}}';
		expect(reencode(text)).toBe(viaEngine(text));
	});

	it('keeps the received key order, including array-index keys a JS object would move first', () => {
		expect(reencode('{"b":1,"1":2}')).toBe('{"b":1,"1":2}');
	});

	it('copies number literals verbatim', () => {
		expect(reencode('{"amount":1000.50,"big":123456789012345678901234567890,"e":1E+2}')).toBe(
			'{"amount":1000.50,"big":123456789012345678901234567890,"e":1E+2}',
		);
	});
});
