import {
	clientIp,
	IpAllowlistError,
	isIpAllowed,
	parseIp,
	parseIpAllowlist,
} from '../../../nodes/shared/ipAllowlist';

describe('IP allowlist', () => {
	const list = parseIpAllowlist('91.227.144.54, 10.0.0.0/8\n2001:db8::/32; 192.168.1.128/25');

	it.each([
		['91.227.144.54', true],
		['91.227.144.5', false],
		['91.227.144.540', false],
		['191.227.144.54', false],
		['10.255.0.1', true],
		['11.0.0.1', false],
		['192.168.1.200', true],
		['192.168.1.100', false],
		['2001:db8:1::5', true],
		['2001:db9::1', false],
		['::ffff:91.227.144.54', true],
		['::ffff:5be3:9036', true],
		['[2001:db8::1]', true],
		['not-an-ip', false],
		['', false],
	])('%s → %s', (ip, allowed) => {
		expect(isIpAllowed(ip, list)).toBe(allowed);
	});

	it('matches exactly, not by text prefix', () => {
		const single = parseIpAllowlist('1.2.3.4');
		expect(isIpAllowed('1.2.3.45', single)).toBe(false);
		expect(isIpAllowed('1.2.3.4', single)).toBe(true);
	});

	it('parses IPv6 forms', () => {
		expect(Buffer.from(parseIp('::') ?? []).toString('hex')).toBe('0'.repeat(32));
		expect(Buffer.from(parseIp('::1') ?? []).toString('hex')).toBe(`${'0'.repeat(31)}1`);
		expect(Buffer.from(parseIp('fe80::1:2') ?? []).toString('hex')).toBe('fe800000000000000000000000010002');
		expect(Buffer.from(parseIp('1:2:3:4:5:6:7:8') ?? []).toString('hex')).toBe('00010002000300040005000600070008');
		expect(Buffer.from(parseIp('64:ff9b::1.2.3.4') ?? []).toString('hex')).toBe('0064ff9b000000000000000001020304');
		expect(parseIp('1:2:3:4:5:6:7:8:9')).toBeUndefined();
		expect(parseIp('1::2::3')).toBeUndefined();
		expect(parseIp('12345::')).toBeUndefined();
		expect(parseIp('01.2.3.4')).toBeUndefined();
		expect(parseIp('1.2.3')).toBeUndefined();
	});

	it.each(['1.2.3.4/33', '300.1.1.1', '1.2.3.4/x', 'example.com', '::/129', '1.2.3.4/8/8'])(
		'refuses the entry %s',
		(entry) => {
			expect(() => parseIpAllowlist(entry)).toThrow(IpAllowlistError);
		},
	);

	it('uses X-Forwarded-For only with trusted proxy hops, counted from the right', () => {
		expect(clientIp('10.0.0.1', '1.1.1.1, 2.2.2.2', 0)).toBe('10.0.0.1');
		expect(clientIp('10.0.0.1', '1.1.1.1, 2.2.2.2', 1)).toBe('2.2.2.2');
		expect(clientIp('10.0.0.1', ['1.1.1.1', '2.2.2.2'], 2)).toBe('1.1.1.1');
		expect(clientIp('10.0.0.1', '2.2.2.2', 2)).toBeUndefined();
		expect(clientIp('10.0.0.1', undefined, 1)).toBeUndefined();
	});
});
