/** Replay windows: tolerances are named constants with units; the clock is always injected. */

/** `true` when `timestampMs` is no further than `windowMs` from `nowMs`, in either direction. */
export function withinWindow(timestampMs: number, nowMs: number, windowMs: number): boolean {
	return Number.isFinite(timestampMs) && Math.abs(nowMs - timestampMs) <= windowMs;
}

/** Parses a strictly decimal integer header value (`1499827320350`); `undefined` otherwise. */
export function parseIntegerHeader(value: string | undefined): number | undefined {
	if (value === undefined || !/^\d{1,16}$/.test(value.trim())) return undefined;
	return Number(value.trim());
}
