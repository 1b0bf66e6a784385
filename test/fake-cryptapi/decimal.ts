/** Exact decimal arithmetic for the fake CryptAPI's fees and conversions (BigInt; no JS float touches an amount). */

interface Scaled {
	units: bigint;
	scale: number;
}

export function parseDecimal(text: string): Scaled {
	const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
	if (!match) throw new Error(`not a decimal: ${text}`);
	const fraction = match[2] ?? '';
	return { units: BigInt(match[1] + fraction), scale: fraction.length };
}

/** `units / 10^scale` as text, trailing fraction zeros dropped ("0.0495", "3"). */
export function formatDecimal(units: bigint, scale: number): string {
	const digits = units.toString().padStart(scale + 1, '0');
	if (scale === 0) return digits;
	const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
	return text.replace(/\.?0+$/, '');
}

/** `value × percent / 100`, exactly. */
export function percentOf(value: string, percent: string): string {
	const v = parseDecimal(value);
	const p = parseDecimal(percent);
	return formatDecimal(v.units * p.units, v.scale + p.scale + 2);
}

export function subtract(a: string, b: string): string {
	const x = parseDecimal(a);
	const y = parseDecimal(b);
	const scale = Math.max(x.scale, y.scale);
	const diff = x.units * 10n ** BigInt(scale - x.scale) - y.units * 10n ** BigInt(scale - y.scale);
	if (diff < 0n) throw new Error(`${a} - ${b} is negative`);
	return formatDecimal(diff, scale);
}

/** `a × b / c`, cut (not rounded) to `decimals` fraction digits. */
export function mulDiv(a: string, b: string, c: string, decimals: number): string {
	const x = parseDecimal(a);
	const y = parseDecimal(b);
	const z = parseDecimal(c);
	const numerator = x.units * y.units * 10n ** BigInt(decimals + z.scale);
	const denominator = z.units * 10n ** BigInt(x.scale + y.scale);
	return formatDecimal(numerator / denominator, decimals);
}
