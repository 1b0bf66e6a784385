/**
 * An exact IP / CIDR allowlist for IPv4 and IPv6 (no substring or prefix-of-text matching). IPv4-mapped IPv6
 * addresses (`::ffff:1.2.3.4`, as Node reports IPv4 clients on a dual-stack socket) match their IPv4 entries.
 */
export interface IpRange {
	bytes: Uint8Array;
	prefix: number;
}

export class IpAllowlistError extends Error {
	constructor(entry: string) {
		super(`n8n-nodes-crypto-webhooks: "${entry}" is not an IP address or CIDR range`);
		this.name = 'IpAllowlistError';
	}
}

const IPV4_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): Uint8Array | undefined {
	const parts = text.split('.');
	if (parts.length !== 4 || !parts.every((p) => IPV4_OCTET.test(p) && Number(p) <= 255)) return undefined;
	return Uint8Array.from(parts.map(Number));
}

function parseIpv6(text: string): Uint8Array | undefined {
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const toGroups = (half: string) => (half === '' ? [] : half.split(':'));
	const head = toGroups(halves[0]);
	const tail = halves.length === 2 ? toGroups(halves[1]) : [];
	const groups: number[] = [];
	const all = [...head, ...tail];
	const last = all[all.length - 1];
	let v4: Uint8Array | undefined;
	if (last !== undefined && last.includes('.')) {
		v4 = parseIpv4(last);
		if (!v4) return undefined;
		all.pop();
		if (tail.length > 0) tail.pop();
		else head.pop();
	}
	if (!all.every((g) => IPV6_GROUP.test(g))) return undefined;
	const explicit = all.length + (v4 ? 2 : 0);
	if (halves.length === 2 ? explicit > 7 : explicit !== 8) return undefined;
	for (const g of head) groups.push(parseInt(g, 16));
	for (let i = 0; i < 8 - explicit; i++) groups.push(0);
	for (const g of tail) groups.push(parseInt(g, 16));
	if (v4) groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
	const bytes = new Uint8Array(16);
	groups.forEach((value, i) => {
		bytes[2 * i] = value >> 8;
		bytes[2 * i + 1] = value & 0xff;
	});
	return bytes;
}

function isV4Mapped(bytes: Uint8Array): boolean {
	return bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** Parses an IP literal to 4 or 16 bytes (IPv4-mapped IPv6 folded to 4); `undefined` if it is not an IP. */
export function parseIp(text: string): Uint8Array | undefined {
	const ip = text.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
	if (!ip.includes(':')) return parseIpv4(ip);
	const bytes = parseIpv6(ip);
	return bytes && isV4Mapped(bytes) ? bytes.slice(12) : bytes;
}

/** Parses `1.2.3.4`, `1.2.3.0/24`, `2001:db8::/32`, … Throws `IpAllowlistError` on anything else. */
export function parseIpRange(entry: string): IpRange {
	const [address, prefixText, extra] = entry.trim().split('/');
	const bytes = parseIp(address);
	if (!bytes || extra !== undefined) throw new IpAllowlistError(entry);
	const maxPrefix = bytes.length * 8;
	if (prefixText === undefined) return { bytes, prefix: maxPrefix };
	if (!/^\d{1,3}$/.test(prefixText)) throw new IpAllowlistError(entry);
	let prefix = Number(prefixText);
	// an IPv4-mapped IPv6 range (::ffff:a.b.c.d/104) was folded to IPv4: shift its prefix accordingly
	if (bytes.length === 4 && address.includes(':')) prefix -= 96;
	if (prefix < 0 || prefix > maxPrefix) throw new IpAllowlistError(entry);
	return { bytes, prefix };
}

/** Splits a comma / whitespace / newline separated list and parses every entry. Throws on a bad entry. */
export function parseIpAllowlist(list: string): IpRange[] {
	return list
		.split(/[\s,;]+/)
		.filter((entry) => entry.length > 0)
		.map(parseIpRange);
}

export function ipInRange(ip: Uint8Array, range: IpRange): boolean {
	if (ip.length !== range.bytes.length) return false;
	const fullBytes = range.prefix >> 3;
	for (let i = 0; i < fullBytes; i++) if (ip[i] !== range.bytes[i]) return false;
	const rest = range.prefix & 7;
	if (rest === 0) return true;
	const mask = (0xff << (8 - rest)) & 0xff;
	return (ip[fullBytes] & mask) === (range.bytes[fullBytes] & mask);
}

export function isIpAllowed(ipText: string | undefined, ranges: IpRange[]): boolean {
	const ip = ipText === undefined ? undefined : parseIp(ipText);
	return ip !== undefined && ranges.some((range) => ipInRange(ip, range));
}

/**
 * The client address to check: the socket peer, or — only when the user says `trustedProxyHops` proxies stand in
 * front of n8n — the entry that many hops from the right of `X-Forwarded-For` (the left part is client-controlled).
 */
export function clientIp(
	socketAddress: string | undefined,
	forwardedFor: string | string[] | undefined,
	trustedProxyHops: number,
): string | undefined {
	if (trustedProxyHops <= 0) return socketAddress;
	const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
	const chain = header
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry.length > 0);
	return chain[chain.length - trustedProxyHops];
}
