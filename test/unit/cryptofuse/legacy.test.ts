import {
	legacyGuardProblem,
	legacyTokenProblem,
	MIN_LEGACY_TOKEN_LENGTH,
	verifyLegacyToken,
} from '../../../nodes/Cryptofuse/legacy';

const TOKEN = 'k3Y-9fQ_zx.1~Lm0pQr';

describe('verifyLegacyToken', () => {
	it('accepts the configured token in the query', () => {
		expect(verifyLegacyToken(`token=${TOKEN}`, TOKEN)).toEqual({ ok: true, value: undefined });
		expect(verifyLegacyToken(`a=1&token=${TOKEN}&b=2`, TOKEN).ok).toBe(true);
	});

	it('accepts a percent-encoded token (URL decoding happens before comparing)', () => {
		expect(verifyLegacyToken(`token=${encodeURIComponent(TOKEN).replace('~', '%7E')}`, TOKEN).ok).toBe(true);
	});

	it.each([
		['no query', '', 'missing_signature'],
		['no token parameter', 'a=1', 'missing_signature'],
		['an empty token', 'token=', 'missing_signature'],
		['a wrong token', 'token=k3Y-9fQ_zx.1~Lm0pQs', 'mismatch'],
		['a prefix of the token', `token=${TOKEN.slice(0, -1)}`, 'mismatch'],
		['the token plus a character', `token=${TOKEN}x`, 'mismatch'],
		['a differently cased parameter name', `TOKEN=${TOKEN}`, 'missing_signature'],
		['the token twice', `token=${TOKEN}&token=${TOKEN}`, 'bad_format'],
	])('refuses %s', (_name, query, reason) => {
		expect(verifyLegacyToken(query, TOKEN)).toEqual({ ok: false, reason });
	});

	it('refuses everything when no token is configured', () => {
		expect(verifyLegacyToken('token=', '')).toEqual({ ok: false, reason: 'no_key_configured' });
	});
});

describe('legacy configuration', () => {
	it('needs an IP allowlist or a token', () => {
		expect(legacyGuardProblem('', '')).toEqual(expect.stringContaining('IP Allowlist'));
		expect(legacyGuardProblem('  ', '')).toEqual(expect.any(String));
		expect(legacyGuardProblem('203.0.113.10', '')).toBeUndefined();
		expect(legacyGuardProblem('', TOKEN)).toBeUndefined();
		expect(legacyGuardProblem('203.0.113.10', TOKEN)).toBeUndefined();
	});

	it('refuses short tokens and tokens that would need URL escaping, even with an allowlist', () => {
		expect(legacyTokenProblem('a'.repeat(MIN_LEGACY_TOKEN_LENGTH - 1))).toEqual(expect.any(String));
		expect(legacyTokenProblem('a'.repeat(MIN_LEGACY_TOKEN_LENGTH))).toBeUndefined();
		expect(legacyTokenProblem(`${'a'.repeat(MIN_LEGACY_TOKEN_LENGTH)}&x=1`)).toEqual(expect.any(String));
		expect(legacyGuardProblem('203.0.113.10', 'short')).toEqual(expect.any(String));
	});

	it('never repeats the token in a problem message', () => {
		const bad = 'secret value with spaces!';
		expect(legacyTokenProblem(bad)).not.toContain(bad);
	});
});
