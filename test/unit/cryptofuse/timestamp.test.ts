import { parseTimestampHeader, SECONDS_MS_BOUNDARY } from '../../../nodes/Cryptofuse/timestamp';

const INSTANT = Date.UTC(2024, 11, 27, 10, 20, 0); // 2024-12-27T10:20:00Z

describe('parseTimestampHeader', () => {
	it.each([
		['Unix seconds', '1735294800', INSTANT],
		['Unix seconds with a fraction', '1735294800.250', INSTANT + 250],
		['Unix milliseconds', '1735294800000', INSTANT],
		['ISO-8601 UTC', '2024-12-27T10:20:00Z', INSTANT],
		['ISO-8601 lowercase z', '2024-12-27t10:20:00z', INSTANT],
		['ISO-8601 with milliseconds', '2024-12-27T10:20:00.125Z', INSTANT + 125],
		['ISO-8601 with microseconds (truncated to ms)', '2024-12-27T10:20:00.125999Z', INSTANT + 125],
		['ISO-8601 with an offset', '2024-12-27T12:20:00+02:00', INSTANT],
		['ISO-8601 with a negative offset', '2024-12-27T05:20:00-05:00', INSTANT],
		['RFC 3339 with a space', '2024-12-27 10:20:00Z', INSTANT],
		['surrounding whitespace', ' 1735294800 ', INSTANT],
	])('reads %s', (_name, text, expected) => {
		expect(parseTimestampHeader(text)).toBe(expected);
	});

	it('treats integers below the boundary as seconds and from it on as milliseconds', () => {
		expect(parseTimestampHeader(String(SECONDS_MS_BOUNDARY - 1))).toBe((SECONDS_MS_BOUNDARY - 1) * 1000);
		expect(parseTimestampHeader(String(SECONDS_MS_BOUNDARY))).toBe(SECONDS_MS_BOUNDARY);
	});

	it.each([
		['empty', ''],
		['absent', undefined],
		['ISO without a time zone (ambiguous)', '2024-12-27T10:20:00'],
		['date only', '2024-12-27'],
		['a day that does not exist', '2025-02-30T10:20:00Z'],
		['month 13', '2024-13-01T10:20:00Z'],
		['hour 25', '2024-12-27T25:20:00Z'],
		['negative', '-1735294800'],
		['hex', '0x676e7f50'],
		['exponent', '1.7e9'],
		['RFC 2822 date', 'Fri, 27 Dec 2024 10:20:00 GMT'],
		['too many digits', '12345678901234567'],
		['trailing junk', '1735294800abc'],
	])('refuses %s', (_name, text) => {
		expect(parseTimestampHeader(text)).toBeUndefined();
	});
});
