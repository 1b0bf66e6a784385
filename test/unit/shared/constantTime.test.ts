import {
	base64DigestEquals,
	bytesEqual,
	decodeBase64,
	decodeHex,
	hexDigestEquals,
} from '../../../nodes/shared/constantTime';

describe('constant-time digest comparison', () => {
	const digest = Buffer.from('00ff10ab', 'hex');

	it('compares decoded bytes, hex case-insensitively', () => {
		expect(hexDigestEquals(digest, '00ff10ab')).toBe(true);
		expect(hexDigestEquals(digest, '00FF10AB')).toBe(true);
		expect(hexDigestEquals(digest, '00ff10ac')).toBe(false);
	});

	it('rejects different lengths and malformed encodings without throwing', () => {
		expect(hexDigestEquals(digest, '00ff10')).toBe(false);
		expect(hexDigestEquals(digest, '00ff10abff')).toBe(false);
		expect(hexDigestEquals(digest, '0xff10ab')).toBe(false);
		expect(hexDigestEquals(digest, '')).toBe(false);
		expect(base64DigestEquals(digest, 'AP8Qqw=')).toBe(false);
		expect(base64DigestEquals(digest, '!!!!')).toBe(false);
	});

	it('accepts standard and URL-safe base64', () => {
		const bytes = Buffer.from([0xfb, 0xff, 0xbf]);
		expect(base64DigestEquals(bytes, '+/+/')).toBe(true);
		expect(base64DigestEquals(bytes, '-_-_')).toBe(true);
		expect(base64DigestEquals(digest, 'AP8Qqw==')).toBe(true);
	});

	it('never treats two empty values as equal', () => {
		expect(bytesEqual(Buffer.alloc(0), Buffer.alloc(0))).toBe(false);
	});

	it('decodes strictly', () => {
		expect(decodeHex('abc')).toBeUndefined();
		expect(decodeHex('zz')).toBeUndefined();
		expect(decodeBase64('a')).toBeUndefined();
		expect(decodeBase64('')).toBeUndefined();
		expect(decodeBase64('aGk=')?.toString()).toBe('hi');
	});

	it('refuses non-canonical base64 (unused low bits set), which decodes to the same bytes as the canonical text', () => {
		// 'AP8Qqw==' is canonical; in 'AP8Qqx==' the last data character differs only in the 4 bits padding drops
		expect(Buffer.from('AP8Qqx==', 'base64').equals(digest)).toBe(true);
		expect(decodeBase64('AP8Qqx==')).toBeUndefined();
		expect(base64DigestEquals(digest, 'AP8Qqx==')).toBe(false);
		expect(decodeBase64('AP8Qqx')).toBeUndefined();
		expect(decodeBase64('aGl=')).toBeUndefined();
		expect(decodeBase64('AP8Qqw')?.equals(digest)).toBe(true);
	});
});
