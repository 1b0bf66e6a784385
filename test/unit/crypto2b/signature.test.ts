import { decodeCrypto2bSecret } from '../../../nodes/Crypto2b/keys';
import {
	crypto2bCallbackHeaders,
	crypto2bSignedBytes,
	DEFAULT_MAX_RECV_WINDOW_MS,
	DEFAULT_RECV_WINDOW_MS,
	MAX_RECV_WINDOW_LIMIT_MS,
	signCrypto2b,
	verifyCrypto2bCallback,
	type Crypto2bHeaderValues,
	type Crypto2bVerifyInput,
} from '../../../nodes/Crypto2b/signature';
import { constructedBody, vectors as V } from './fixtures';

const secret = decodeCrypto2bSecret(V.secretKeyBase64) as Buffer;
const TS = Number(V.timestamp);
const withWindow = V.valid.find((v) => v.recvWindow === '6000')!;
const withoutWindow = V.valid.find((v) => v.recvWindow === undefined)!;

function input(headers: Crypto2bHeaderValues, overrides: Partial<Crypto2bVerifyInput> = {}): Crypto2bVerifyInput {
	return {
		rawBody: Buffer.from(V.body, 'utf8'),
		headers,
		relativeUrl: V.relativeUrl,
		publicKey: V.publicKey,
		secret,
		nowMs: TS,
		...overrides,
	};
}

const headers6000: Crypto2bHeaderValues = {
	key: V.publicKey,
	timestamp: V.timestamp,
	recvWindow: '6000',
	signature: withWindow.signature,
};
const headersNoWindow: Crypto2bHeaderValues = { key: V.publicKey, timestamp: V.timestamp, signature: withoutWindow.signature };

describe('spec vectors (shared/providers/crypto2b.md)', () => {
	it.each(V.valid)('signCrypto2b reproduces "$name"', ({ recvWindow, signature }) => {
		expect(signCrypto2b({ secret, timestamp: V.timestamp, recvWindow, relativeUrl: V.relativeUrl, body: V.body })).toBe(
			signature,
		);
	});

	it.each(V.valid)('verifyCrypto2bCallback accepts "$name"', ({ recvWindow, signature }) => {
		const result = verifyCrypto2bCallback(input({ key: V.publicKey, timestamp: V.timestamp, recvWindow, signature }));
		expect(result.ok).toBe(true);
	});

	it('the wrong-reading vector is what the secret text used as UTF-8 produces, and it is rejected', () => {
		const wrongKey = Buffer.from(V.secretKeyBase64, 'utf8');
		const { recvWindow, signature } = V.wrongReading;
		expect(signCrypto2b({ secret: wrongKey, timestamp: V.timestamp, recvWindow, relativeUrl: V.relativeUrl, body: V.body })).toBe(
			signature,
		);
		const result = verifyCrypto2bCallback(input({ key: V.publicKey, timestamp: V.timestamp, recvWindow, signature }));
		expect(result).toMatchObject({ ok: false, reason: 'mismatch' });
	});

	it('signs exactly timestamp + recvWindow + "POST" + relativeUrl + body', () => {
		const bytes = crypto2bSignedBytes({ timestamp: V.timestamp, recvWindow: '6000', relativeUrl: V.relativeUrl, body: V.body });
		expect(bytes.toString('utf8')).toBe(`${V.timestamp}6000POST${V.relativeUrl}${V.body}`);
		const without = crypto2bSignedBytes({ timestamp: V.timestamp, relativeUrl: V.relativeUrl, body: V.body });
		expect(without.toString('utf8')).toBe(`${V.timestamp}POST${V.relativeUrl}${V.body}`);
	});
});

describe('timestamp window', () => {
	it('uses X-Processing-RecvWindow when present (below the maximum), in both directions, inclusive', () => {
		const wide = { maxRecvWindowMs: 60_000 };
		for (const nowMs of [TS + 6000, TS - 6000]) expect(verifyCrypto2bCallback(input(headers6000, { nowMs, ...wide })).ok).toBe(true);
		for (const nowMs of [TS + 6001, TS - 6001]) {
			expect(verifyCrypto2bCallback(input(headers6000, { nowMs, ...wide }))).toMatchObject({ ok: false, reason: 'stale' });
		}
	});

	it('the header window wins over the configured default', () => {
		const result = verifyCrypto2bCallback(input(headers6000, { nowMs: TS + 5500, defaultRecvWindowMs: 1000, maxRecvWindowMs: 60_000 }));
		expect(result).toEqual({ ok: true, value: { windowMs: 6000 } });
	});

	it('falls back to 5000 ms without the header, or to the configured default', () => {
		expect(DEFAULT_RECV_WINDOW_MS).toBe(5000);
		expect(verifyCrypto2bCallback(input(headersNoWindow, { nowMs: TS + 5000 })).ok).toBe(true);
		expect(verifyCrypto2bCallback(input(headersNoWindow, { nowMs: TS - 5001 }))).toMatchObject({ reason: 'stale' });
		const wide = { maxRecvWindowMs: 60_000 };
		expect(verifyCrypto2bCallback(input(headersNoWindow, { nowMs: TS + 9000, defaultRecvWindowMs: 10_000, ...wide })).ok).toBe(true);
		expect(verifyCrypto2bCallback(input(headersNoWindow, { nowMs: TS + 9000, defaultRecvWindowMs: 8000, ...wide })).ok).toBe(false);
	});

	it('rejects stale and future callbacks long outside the window, and says by how much', () => {
		const stale = verifyCrypto2bCallback(input(headers6000, { nowMs: TS + 3_600_000 }));
		expect(stale).toMatchObject({ ok: false, reason: 'stale' });
		expect(!stale.ok && stale.detail).toContain('3600000 ms older');
		const future = verifyCrypto2bCallback(input(headers6000, { nowMs: TS - 60_000 }));
		expect(!future.ok && future.detail).toContain('60000 ms newer');
	});

	it('a timestamp in seconds is far outside the window', () => {
		const seconds = String(Math.floor(TS / 1000));
		const signature = signCrypto2b({ secret, timestamp: seconds, relativeUrl: V.relativeUrl, body: V.body });
		const result = verifyCrypto2bCallback(input({ key: V.publicKey, timestamp: seconds, signature }));
		expect(result).toMatchObject({ ok: false, reason: 'stale' });
	});

	it('malformed timestamp or window headers are refused as bad_format', () => {
		expect(verifyCrypto2bCallback(input({ ...headers6000, recvWindow: '99999999999999999999' }))).toMatchObject({ reason: 'bad_format' });
		expect(verifyCrypto2bCallback(input({ ...headers6000, timestamp: '1499827320350.5' }))).toMatchObject({ reason: 'bad_format' });
		expect(verifyCrypto2bCallback(input({ ...headers6000, timestamp: '-1499827320350' }))).toMatchObject({ reason: 'bad_format' });
		expect(verifyCrypto2bCallback(input({ ...headers6000, recvWindow: '6s' }))).toMatchObject({ reason: 'bad_format' });
	});
});

describe("the receiver's maximum window (bounded replay)", () => {
	const signedWith = (recvWindow: string) => ({
		key: V.publicKey,
		timestamp: V.timestamp,
		recvWindow,
		signature: signCrypto2b({ secret, timestamp: V.timestamp, recvWindow, relativeUrl: V.relativeUrl, body: V.body }),
	});

	it('defaults to 5000 ms (Crypto2B\'s documented default window), settable up to 60 s', () => {
		expect(DEFAULT_MAX_RECV_WINDOW_MS).toBe(DEFAULT_RECV_WINDOW_MS);
		expect(MAX_RECV_WINDOW_LIMIT_MS).toBe(60_000);
	});

	it('a callback signed a day ago with a signed one-day window is stale, and the log says why', () => {
		const result = verifyCrypto2bCallback(input(signedWith('86400000'), { nowMs: TS + 86_399_000 }));
		expect(result).toMatchObject({ ok: false, reason: 'stale' });
		expect(!result.ok && result.detail).toContain('window 5000 ms (signed 86400000 ms, capped by the Maximum Receive Window)');
	});

	it('the window is min(signed, maximum): a smaller signed window still applies, a larger one is cut', () => {
		expect(verifyCrypto2bCallback(input(signedWith('3000'), { nowMs: TS + 3001 }))).toMatchObject({ reason: 'stale' });
		expect(verifyCrypto2bCallback(input(signedWith('86400000'), { nowMs: TS + 5000 }))).toEqual({ ok: true, value: { windowMs: 5000 } });
		expect(verifyCrypto2bCallback(input(signedWith('86400000'), { nowMs: TS - 5001 }))).toMatchObject({ reason: 'stale' });
		const wide = { maxRecvWindowMs: 60_000 };
		expect(verifyCrypto2bCallback(input(signedWith('86400000'), { nowMs: TS + 60_000, ...wide })).ok).toBe(true);
		expect(verifyCrypto2bCallback(input(signedWith('86400000'), { nowMs: TS + 60_001, ...wide }))).toMatchObject({ reason: 'stale' });
	});

	it('also caps the configured default used when the header is absent', () => {
		const result = verifyCrypto2bCallback(input(headersNoWindow, { nowMs: TS + 9000, defaultRecvWindowMs: 10_000 }));
		expect(result).toMatchObject({ ok: false, reason: 'stale' });
		expect(verifyCrypto2bCallback(input(headersNoWindow, { nowMs: TS + 9000, defaultRecvWindowMs: 10_000, maxRecvWindowMs: 10_000 })).ok).toBe(true);
	});
});

describe('headers and key', () => {
	it.each(['key', 'timestamp', 'signature'] as const)('a missing or blank %s header is missing_signature', (name) => {
		const rest: Crypto2bHeaderValues = { ...headers6000 };
		delete rest[name];
		expect(verifyCrypto2bCallback(input(rest))).toMatchObject({ ok: false, reason: 'missing_signature' });
		expect(verifyCrypto2bCallback(input({ ...headers6000, [name]: '  ' }))).toMatchObject({ reason: 'missing_signature' });
	});

	it('the RecvWindow header is optional but signed: adding or removing it breaks the signature', () => {
		const stripped: Crypto2bHeaderValues = { ...headers6000 };
		delete stripped.recvWindow;
		expect(verifyCrypto2bCallback(input(stripped))).toMatchObject({ reason: 'mismatch' });
		expect(verifyCrypto2bCallback(input({ ...headersNoWindow, recvWindow: '6000' }))).toMatchObject({ reason: 'mismatch' });
	});

	it('a different public key is wrong_key; the same key in upper case matches', () => {
		const wrong = verifyCrypto2bCallback(input({ ...headers6000, key: 'a'.repeat(32) }));
		expect(wrong).toMatchObject({ ok: false, reason: 'wrong_key' });
		expect(verifyCrypto2bCallback(input({ ...headers6000, key: V.publicKey.toUpperCase() })).ok).toBe(true);
	});

	it('refuses to verify without a configured public key or secret', () => {
		expect(verifyCrypto2bCallback(input(headers6000, { publicKey: ' ' }))).toMatchObject({ reason: 'no_key_configured' });
		expect(verifyCrypto2bCallback(input(headers6000, { secret: Buffer.alloc(0) }))).toMatchObject({ reason: 'no_key_configured' });
		expect(() => signCrypto2b({ secret: Buffer.alloc(0), timestamp: '1', relativeUrl: '/', body: '' })).toThrow(TypeError);
	});
});

describe('what the signature covers', () => {
	it('the query string of the URL Crypto2B called', () => {
		for (const relativeUrl of ['/webhooks/crypto2b', '/webhooks/crypto2b?src=n8n&x=1', '/webhooks/crypto2b?src=N8N', '/webhooks/crypto2b/?src=n8n']) {
			expect(verifyCrypto2bCallback(input(headers6000, { relativeUrl }))).toMatchObject({ reason: 'mismatch' });
		}
	});

	it('every byte of the body, and the timestamp', () => {
		const tampered = Buffer.from(V.body.replace('123456', '123457'), 'utf8');
		expect(verifyCrypto2bCallback(input(headers6000, { rawBody: tampered }))).toMatchObject({ reason: 'mismatch' });
		const spaced = Buffer.from(`${V.body} `, 'utf8');
		expect(verifyCrypto2bCallback(input(headers6000, { rawBody: spaced }))).toMatchObject({ reason: 'mismatch' });
		const later = String(TS + 1);
		expect(verifyCrypto2bCallback(input({ ...headers6000, timestamp: later }))).toMatchObject({ reason: 'mismatch' });
	});

	it('garbage, truncated or hex signatures do not match', () => {
		const bytes = Buffer.from(withWindow.signature, 'base64');
		for (const signature of ['not base64!', withWindow.signature.slice(0, 40), bytes.toString('hex'), bytes.subarray(0, 32).toString('base64')]) {
			expect(verifyCrypto2bCallback(input({ ...headers6000, signature }))).toMatchObject({ ok: false, reason: 'mismatch' });
		}
	});

	it('the mismatch detail names the path but not the query, the secret or the body', () => {
		const result = verifyCrypto2bCallback(input({ ...headers6000, signature: headersNoWindow.signature }));
		const detail = result.ok ? '' : result.detail;
		expect(detail).toContain('/webhooks/crypto2b?…');
		expect(detail).not.toContain('src=n8n');
		expect(detail).not.toContain(V.secretKeyBase64.slice(0, 12));
		expect(detail).not.toContain('client-deposit-001');
	});
});

describe('constructed callbacks round-trip through crypto2bCallbackHeaders', () => {
	it.each(['deposit', 'withdrawal', 'service'] as const)('%s: verifies as raw bytes, not after re-serialization', (name) => {
		const body = constructedBody(name);
		const timestamp = String(TS);
		const headers = crypto2bCallbackHeaders({ publicKey: V.publicKey, secret, timestamp, recvWindow: '5000', relativeUrl: '/hook?a=1', body });
		const values: Crypto2bHeaderValues = {
			key: headers['X-Processing-Key'],
			timestamp: headers['X-Processing-Timestamp'],
			recvWindow: headers['X-Processing-RecvWindow'],
			signature: headers['X-Processing-Signature'],
		};
		expect(verifyCrypto2bCallback(input(values, { rawBody: body, relativeUrl: '/hook?a=1' })).ok).toBe(true);
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))), 'utf8');
		expect(reserialized.equals(body)).toBe(false);
		expect(verifyCrypto2bCallback(input(values, { rawBody: reserialized, relativeUrl: '/hook?a=1' }))).toMatchObject({
			reason: 'mismatch',
		});
	});
});
