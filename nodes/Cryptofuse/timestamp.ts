/**
 * Reading a webhook timestamp header whose format the provider does not document (Cryptofuse). Only forms that
 * cannot be confused with each other are accepted; anything else is `undefined` (the caller rejects the request).
 *
 * - Unix seconds: `1735294800` (integer) or `1735294800.123` (fraction: always seconds).
 * - Unix milliseconds: `1735294800000`. An integer at or above `SECONDS_MS_BOUNDARY` is milliseconds, below it
 *   seconds: 1e11 seconds is the year 5138 and 1e11 milliseconds is 1973-03-03, so no date that can pass a replay
 *   window of minutes is ambiguous.
 * - ISO-8601 / RFC 3339 with an explicit offset: `2025-01-15T10:20:00Z`, `2025-01-15 10:20:00.123456+02:00`.
 *   Without `Z` or an offset the time zone is unknown, so it is refused.
 *
 * Pure: no n8n imports, no clock.
 */

/** Integers below this are Unix seconds, at or above it Unix milliseconds. */
export const SECONDS_MS_BOUNDARY = 1e11;

const INTEGER = /^\d{1,16}$/;
const FRACTIONAL_SECONDS = /^\d{1,11}\.\d{1,9}$/;
const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i;

function parseIso(text: string): number | undefined {
	const match = ISO_8601.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
	const millis = fraction.slice(0, 3).padEnd(3, '0');
	const normalized = `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${zone.toUpperCase()}`;
	const ms = Date.parse(normalized);
	if (!Number.isFinite(ms)) return undefined;
	// Date.parse rolls 2025-02-30 over to March; a value that does not print back to its own date is refused
	const check = new Date(ms + (zone.toUpperCase() === 'Z' ? 0 : offsetMs(zone)));
	const same =
		check.getUTCFullYear() === Number(year) &&
		check.getUTCMonth() + 1 === Number(month) &&
		check.getUTCDate() === Number(day);
	return same ? ms : undefined;
}

function offsetMs(zone: string): number {
	const sign = zone.startsWith('-') ? -1 : 1;
	const [hours, minutes] = zone.slice(1).split(':').map(Number);
	return sign * (hours * 60 + minutes) * 60_000;
}

/** The instant a timestamp header names, in Unix milliseconds; `undefined` when it is not one of the forms above. */
export function parseTimestampHeader(value: string | undefined): number | undefined {
	const text = value?.trim() ?? '';
	if (INTEGER.test(text)) {
		const n = Number(text);
		return n < SECONDS_MS_BOUNDARY ? n * 1000 : n;
	}
	if (FRACTIONAL_SECONDS.test(text)) return Math.round(Number(text) * 1000);
	return parseIso(text);
}
