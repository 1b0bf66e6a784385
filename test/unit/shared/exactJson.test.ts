/** nodes/shared/exactJson.ts: request bodies whose decimals are written exactly as typed. */
import { JsonDecimal, stringifyExact } from '../../../nodes/shared/exactJson';

describe('stringifyExact', () => {
	it('writes JsonDecimals as their literal text and everything else as JSON.stringify would', () => {
		const body = { amount: new JsonDecimal('10.50'), tiny: new JsonDecimal('0.000000000000000001'), n: 60, ok: true, none: null, s: 'a/"é"\n' };
		expect(stringifyExact(body)).toBe('{"amount":10.50,"tiny":0.000000000000000001,"n":60,"ok":true,"none":null,"s":"a/\\"é\\"\\n"}');
		const plain = { n: 60, ok: true, none: null, s: 'a/"é"\n', list: [1, 'x'], nested: { a: 0.1 } };
		expect(stringifyExact(plain)).toBe(JSON.stringify(plain));
	});

	it('leaves out members without a value, keeps the order of the others', () => {
		expect(stringifyExact({ b: 1, a: undefined, c: '' })).toBe('{"b":1,"c":""}');
	});

	it.each(['1e3', '.5', '01', '1.', 'NaN', ' 1'])('%j is not a JSON decimal', (text) => {
		expect(() => new JsonDecimal(text)).toThrow(TypeError);
	});

	it('refuses numbers JSON cannot hold', () => {
		expect(() => stringifyExact({ x: Number.NaN })).toThrow(TypeError);
	});
});
