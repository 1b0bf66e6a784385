import {
	DEFAULT_SIGNATURE_SETTINGS,
	settingsProblem,
	type CryptofuseSignatureSettings,
} from '../../../nodes/Cryptofuse/settings';
import {
	cryptofuseSignedHeaders,
	MAX_SIGNATURES_PER_HEADER,
	signCryptofuse,
	verifyCryptofuseWebhook,
	type HeaderMap,
} from '../../../nodes/Cryptofuse/signature';
import { fixtureBytes, NOW_MS, VECTORS } from './fixtures';

const SECRET = VECTORS.secret;
const BODY = fixtureBytes('v1-payment-status-update.body.json');
const D = DEFAULT_SIGNATURE_SETTINGS;
const TS_SETTINGS: CryptofuseSignatureSettings = { ...D, signedContent: 'timestampDotBody' };

/** Lower-cases header names the way Node hands them to n8n. */
function lower(headers: Record<string, string | string[]>): HeaderMap {
	return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function verify(headers: Record<string, string | string[]>, settings = D, body: Uint8Array = BODY, now = NOW_MS) {
	return verifyCryptofuseWebhook(body, lower(headers), SECRET, settings, now);
}

function reasonOf(result: ReturnType<typeof verify>): string {
	return result.ok ? 'ok' : result.reason;
}

describe('Cryptofuse signatures: known answers computed with OpenSSL', () => {
	it.each(VECTORS.vectors.map((v) => [`${v.file} ${v.algorithm}/${v.encoding} ts=${v.timestamp || 'none'}`, v]))(
		'%s',
		(_name, vector) => {
			const settings: CryptofuseSignatureSettings = {
				...D,
				algorithm: vector.algorithm,
				encoding: vector.encoding,
				signedContent: vector.signedContent,
			};
			const body = fixtureBytes(vector.file);
			expect(signCryptofuse(body, SECRET, settings, vector.timestamp)).toBe(vector.signature);
			const headers: Record<string, string> = { [D.signatureHeader]: vector.signature };
			if (vector.timestamp) headers[D.timestampHeader] = vector.timestamp;
			expect(verify(headers, settings, body)).toEqual({
				ok: true,
				value: { timestampMs: vector.timestamp ? NOW_MS : undefined },
			});
		},
	);
});

describe('every configuration combination, signed with the package signer', () => {
	const combos: CryptofuseSignatureSettings[] = [];
	for (const algorithm of ['sha256', 'sha512'] as const)
		for (const encoding of ['hex', 'base64'] as const)
			for (const prefix of ['', 'sha256=', 'v1='])
				for (const signedContent of ['rawBody', 'timestampDotBody'] as const)
					for (const signatureHeader of [D.signatureHeader, 'X-Signature'])
						combos.push({ ...D, algorithm, encoding, prefix, signedContent, signatureHeader, timestampHeader: 'X-TS' });

	it.each(combos.map((c) => [JSON.stringify(c), c]))('%s', (_name, settings) => {
		const headers = cryptofuseSignedHeaders(BODY, SECRET, settings, new Date(NOW_MS));
		expect(verify(headers, settings).ok).toBe(true);

		const tampered = Buffer.from(BODY);
		tampered[tampered.indexOf('100.050000')] = '9'.charCodeAt(0);
		expect(reasonOf(verify(headers, settings, tampered))).toBe('mismatch');
		expect(reasonOf(verifyCryptofuseWebhook(BODY, lower(headers), `${SECRET}x`, settings, NOW_MS))).toBe('mismatch');
		if (settings.signedContent === 'timestampDotBody') {
			expect(reasonOf(verify(headers, settings, BODY, NOW_MS + 301_000))).toBe('stale');
		}
	});

	it('differ from each other (no two settings accept the same signature)', () => {
		const signatures = combos
			.filter((c) => c.signatureHeader === D.signatureHeader && c.prefix === '')
			.map((c) => signCryptofuse(BODY, SECRET, c, '1735294800'));
		expect(new Set(signatures).size).toBe(signatures.length);
	});
});

describe('several signatures in one header (rotation)', () => {
	const good = signCryptofuse(BODY, SECRET, D);
	const old = signCryptofuse(BODY, 'whsk_previous_secret', D);

	it.each([
		['comma', `${old},${good}`],
		['comma and space', `${old}, ${good}`],
		['spaces', `${good}   ${old}`],
		['tab', `${old}\t${good}`],
	])('accepts a matching signature among others (%s)', (_name, value) => {
		expect(verify({ [D.signatureHeader]: value }).ok).toBe(true);
	});

	it('accepts a repeated header (Node hands it over as a list)', () => {
		expect(verify({ [D.signatureHeader]: [old, good] }).ok).toBe(true);
	});

	it('accepts prefixed signatures among others', () => {
		const settings = { ...D, prefix: 'sha256=' };
		expect(verify({ [D.signatureHeader]: `sha256=${old}, sha256=${good}` }, settings).ok).toBe(true);
	});

	it('refuses when none matches', () => {
		expect(reasonOf(verify({ [D.signatureHeader]: `${old}, ${old.replace(/^./, '0')}` }))).toBe('mismatch');
	});

	it(`refuses more than ${MAX_SIGNATURES_PER_HEADER} signatures`, () => {
		const value = [...Array(MAX_SIGNATURES_PER_HEADER).fill(old), good].join(',');
		expect(reasonOf(verify({ [D.signatureHeader]: value }))).toBe('bad_format');
	});
});

describe('prefix and encoding details', () => {
	it('compares the prefix case-insensitively and hex digits in either case', () => {
		const settings = { ...D, prefix: 'sha256=' };
		const signature = signCryptofuse(BODY, SECRET, D).toUpperCase();
		expect(verify({ [D.signatureHeader]: `SHA256=${signature}` }, settings).ok).toBe(true);
	});

	it('explains a missing configured prefix without echoing the signature', () => {
		const signature = signCryptofuse(BODY, SECRET, D);
		const result = verify({ [D.signatureHeader]: signature }, { ...D, prefix: 'sha256=' });
		expect(result).toMatchObject({ ok: false, reason: 'bad_format' });
		expect(result.ok ? '' : result.detail).toContain('Signature Prefix');
		expect(result.ok ? '' : result.detail).not.toContain(signature);
	});

	it('suggests a prefix when signatures carry a label the settings do not expect', () => {
		const result = verify({ [D.signatureHeader]: `sha256=${signCryptofuse(BODY, SECRET, D)}` });
		expect(result).toMatchObject({ ok: false, reason: 'bad_format' });
		expect(result.ok ? '' : result.detail).toContain('"sha256="');
	});

	it('accepts the URL-safe base64 alphabet without padding', () => {
		const settings = { ...D, encoding: 'base64' as const };
		const urlSafe = Buffer.from(signCryptofuse(BODY, SECRET, settings), 'base64').toString('base64url');
		expect(verify({ [D.signatureHeader]: urlSafe }, settings).ok).toBe(true);
	});

	it('refuses a base64 signature whose last character differs only in bits the padding drops (found by test:hostile)', () => {
		const settings = { ...D, encoding: 'base64' as const };
		const signature = signCryptofuse(BODY, SECRET, settings); // 32 bytes: 43 characters + '=', 2 unused bits
		const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
		const last = B64.indexOf(signature[42]);
		const twin = `${signature.slice(0, 42)}${B64[last ^ 1]}=`;
		expect(Buffer.from(twin, 'base64').equals(Buffer.from(signature, 'base64'))).toBe(true);
		expect(verify({ [D.signatureHeader]: signature }, settings).ok).toBe(true);
		expect(verify({ [D.signatureHeader]: twin }, settings).ok).toBe(false);
	});

	it('refuses a truncated or non-hex signature', () => {
		const signature = signCryptofuse(BODY, SECRET, D);
		expect(reasonOf(verify({ [D.signatureHeader]: signature.slice(0, 32) }))).toBe('mismatch');
		expect(reasonOf(verify({ [D.signatureHeader]: signature.replace(/^../, 'zz') }))).toBe('mismatch');
	});

	it('finds the header whatever the case of the configured name', () => {
		const signature = signCryptofuse(BODY, SECRET, D);
		expect(verify({ 'x-cryptofuse-signature': signature }, { ...D, signatureHeader: 'X-CRYPTOFUSE-SIGNATURE' }).ok).toBe(true);
	});
});

describe('secret handling', () => {
	it('uses the whsk_ secret exactly as given (the prefix is part of the key)', () => {
		const withoutPrefix = signCryptofuse(BODY, SECRET.replace(/^whsk_/, ''), D);
		expect(reasonOf(verify({ [D.signatureHeader]: withoutPrefix }))).toBe('mismatch');
	});

	it('ignores whitespace around a pasted secret', () => {
		const signature = signCryptofuse(BODY, SECRET, D);
		expect(verifyCryptofuseWebhook(BODY, lower({ [D.signatureHeader]: signature }), ` ${SECRET}\n`, D, NOW_MS).ok).toBe(true);
	});

	it('refuses everything without a secret, and the signer refuses to sign without one', () => {
		const signature = signCryptofuse(BODY, SECRET, D);
		expect(reasonOf(verifyCryptofuseWebhook(BODY, lower({ [D.signatureHeader]: signature }), '  ', D, NOW_MS))).toBe(
			'no_key_configured',
		);
		expect(() => signCryptofuse(BODY, '', D)).toThrow(TypeError);
	});

	it('never puts the secret or a signature in the detail', () => {
		const signature = signCryptofuse(BODY, 'whsk_other', D);
		const result = verify({ [D.signatureHeader]: signature });
		expect(result.ok).toBe(false);
		const detail = result.ok ? '' : result.detail;
		expect(detail).not.toContain(SECRET);
		expect(detail).not.toContain(signature);
	});
});

describe('missing signature or timestamp', () => {
	it('refuses a request without the signature header, or with a blank one', () => {
		expect(reasonOf(verify({}))).toBe('missing_signature');
		expect(reasonOf(verify({ [D.signatureHeader]: '  ' }))).toBe('missing_signature');
		expect(reasonOf(verify({ [D.signatureHeader]: ' , ' }))).toBe('bad_format');
	});

	it('refuses a signed-timestamp request without the timestamp header', () => {
		const headers = cryptofuseSignedHeaders(BODY, SECRET, TS_SETTINGS, new Date(NOW_MS));
		delete headers[TS_SETTINGS.timestampHeader];
		expect(reasonOf(verify(headers, TS_SETTINGS))).toBe('missing_signature');
	});
});

describe('replay window (signed timestamp)', () => {
	const window = D.replayWindowSeconds * 1000;

	function signedAt(ms: number, text = String(Math.floor(ms / 1000))) {
		return { [TS_SETTINGS.timestampHeader]: text, [TS_SETTINGS.signatureHeader]: signCryptofuse(BODY, SECRET, TS_SETTINGS, text) };
	}

	it('accepts timestamps up to the window in both directions', () => {
		expect(verify(signedAt(NOW_MS - window), TS_SETTINGS).ok).toBe(true);
		expect(verify(signedAt(NOW_MS + window), TS_SETTINGS).ok).toBe(true);
	});

	it('refuses stale and future timestamps just outside the window', () => {
		expect(reasonOf(verify(signedAt(NOW_MS - window - 1000), TS_SETTINGS))).toBe('stale');
		expect(reasonOf(verify(signedAt(NOW_MS + window + 1000), TS_SETTINGS))).toBe('stale');
	});

	it('honours a configured window', () => {
		const settings = { ...TS_SETTINGS, replayWindowSeconds: 30 };
		const headers = signedAt(NOW_MS - 60_000);
		expect(reasonOf(verify(headers, settings))).toBe('stale');
		expect(verify(headers, { ...settings, replayWindowSeconds: 61 }).ok).toBe(true);
	});

	it('accepts milliseconds and ISO-8601 timestamps, signed as sent', () => {
		expect(verify(signedAt(NOW_MS, String(NOW_MS)), TS_SETTINGS).ok).toBe(true);
		expect(verify(signedAt(NOW_MS, '2024-12-27T10:20:00Z'), TS_SETTINGS).ok).toBe(true);
	});

	it('refuses an unreadable timestamp', () => {
		expect(reasonOf(verify(signedAt(NOW_MS, '27/12/2024 10:20'), TS_SETTINGS))).toBe('bad_format');
	});

	it('refuses a fresh timestamp swapped into a stale signed request (the timestamp is signed)', () => {
		const headers = signedAt(NOW_MS - 3_600_000);
		headers[TS_SETTINGS.timestampHeader] = String(NOW_MS / 1000);
		expect(reasonOf(verify(headers, TS_SETTINGS))).toBe('mismatch');
	});

	it('ignores a timestamp header that is not signed (raw body mode)', () => {
		const headers = { [D.signatureHeader]: signCryptofuse(BODY, SECRET, D), [D.timestampHeader]: '1' };
		expect(verify(headers, D, BODY, NOW_MS)).toEqual({ ok: true, value: { timestampMs: undefined } });
	});
});

describe('settingsProblem', () => {
	it('accepts the defaults and the signed-timestamp defaults', () => {
		expect(settingsProblem(D)).toBeUndefined();
		expect(settingsProblem(TS_SETTINGS)).toBeUndefined();
	});

	it.each<[string, Partial<CryptofuseSignatureSettings>]>([
		['an empty header name', { signatureHeader: '' }],
		['a header name with a space', { signatureHeader: 'X Signature' }],
		['a header name with a colon', { signatureHeader: 'X-Signature:' }],
		['a prefix with a comma', { prefix: 'a,b' }],
		['an unknown algorithm', { algorithm: 'md5' as never }],
		['an unknown encoding', { encoding: 'base32' as never }],
		['an unknown signed content', { signedContent: 'body' as never }],
		['no timestamp header while the timestamp is signed', { signedContent: 'timestampDotBody', timestampHeader: '' }],
		['a zero window', { signedContent: 'timestampDotBody', replayWindowSeconds: 0 }],
		['a fractional window', { signedContent: 'timestampDotBody', replayWindowSeconds: 1.5 }],
		['a window over a day', { signedContent: 'timestampDotBody', replayWindowSeconds: 86_401 }],
	])('refuses %s', (_name, change) => {
		expect(settingsProblem({ ...D, ...change })).toEqual(expect.any(String));
	});

	it('does not look at timestamp settings when only the body is signed', () => {
		expect(settingsProblem({ ...D, timestampHeader: '', replayWindowSeconds: 0 })).toBeUndefined();
	});
});
