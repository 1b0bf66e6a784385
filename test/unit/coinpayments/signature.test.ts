import {
	checkCoinPaymentsIpnHeader,
	checkCoinPaymentsWebhookHeaders,
	coinPaymentsSignedBytes,
	COINPAYMENTS_REPLAY_WINDOW_SECONDS,
	parseCoinPaymentsTimestamp,
	signCoinPaymentsIpn,
	signCoinPaymentsWebhook,
	verifyCoinPaymentsIpn,
	verifyCoinPaymentsWebhook,
} from '../../../nodes/CoinPayments/signature';
import { cpCredential, cpVectors } from './fixtures';

const bodies = Object.entries(cpVectors.ipn.bodies);
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('CoinPayments IPN signature (vectors: PHP hash_hmac("sha512", $request, trim($secret)))', () => {
	it.each(bodies)('%s: verifies with the secret as pasted (spaces and a line break around it) and trimmed', (_name, v) => {
		expect(verifyCoinPaymentsIpn(bytes(v.body), v.hmac, cpVectors.ipn.secretAsPasted)).toEqual({ ok: true, value: undefined });
		expect(verifyCoinPaymentsIpn(bytes(v.body), v.hmac, cpCredential.ipnSecret)).toEqual({ ok: true, value: undefined });
		expect(verifyCoinPaymentsIpn(bytes(v.body), v.hmac.toUpperCase(), cpCredential.ipnSecret).ok).toBe(true);
		expect(signCoinPaymentsIpn(v.body, cpVectors.ipn.secretAsPasted)).toBe(v.hmac);
	});

	it('another secret, another body, a changed digit → mismatch; no secret → no_key_configured', () => {
		const v = cpVectors.ipn.bodies['api-complete'];
		expect(verifyCoinPaymentsIpn(bytes(v.body), v.hmac, cpCredential.otherSecret)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyCoinPaymentsIpn(bytes(v.body.replace('amount1=12.50', 'amount1=1250')), v.hmac, cpCredential.ipnSecret)).toEqual({ ok: false, reason: 'mismatch' });
		const flipped = (v.hmac[0] === 'a' ? 'b' : 'a') + v.hmac.slice(1);
		expect(verifyCoinPaymentsIpn(bytes(v.body), flipped, cpCredential.ipnSecret)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyCoinPaymentsIpn(bytes(v.body), v.hmac, ' ')).toEqual({ ok: false, reason: 'no_key_configured' });
	});

	it('the keyless header check: missing, blank, not 64 bytes of hex', () => {
		const { hmac } = cpVectors.ipn.bodies['api-complete'];
		expect(checkCoinPaymentsIpnHeader(hmac).ok).toBe(true);
		expect(checkCoinPaymentsIpnHeader(undefined)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(checkCoinPaymentsIpnHeader('  ')).toEqual({ ok: false, reason: 'missing_signature' });
		expect(checkCoinPaymentsIpnHeader(hmac.slice(2))).toEqual({ ok: false, reason: 'bad_format' });
		expect(checkCoinPaymentsIpnHeader(Buffer.from(hmac, 'hex').toString('base64'))).toEqual({ ok: false, reason: 'bad_format' });
	});
});

describe('CoinPayments API webhook signature (BOM + POST + URL + client ID + timestamp + body)', () => {
	const { research, invoiceCompleted } = cpVectors.webhook;
	const at = (timestamp: string) => ({ now: new Date(`${timestamp}Z`) });

	it('the research vector, recomputed by PHP (ApiHelper::calculateSignature) and openssl', () => {
		expect(research.signature).toBe('9pxKbCUfeUD7waBBMGfuh11QE9Sfpc+Hjg2mjiNKqQI=');
		expect(signCoinPaymentsWebhook({ ...research, rawBody: research.body }, research.clientSecret)).toBe(research.signature);
		expect(coinPaymentsSignedBytes({ ...research, rawBody: research.body }).subarray(0, 7)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x50, 0x4f, 0x53, 0x54]));
	});

	it('a realistic invoiceCompleted webhook (.NET-escaped JSON) verifies byte for byte; its URL with a query too', () => {
		const input = { url: invoiceCompleted.url, clientId: invoiceCompleted.clientId, rawBody: bytes(invoiceCompleted.body), timestamp: invoiceCompleted.timestamp };
		expect(signCoinPaymentsWebhook(input, cpCredential.clientSecret)).toBe(invoiceCompleted.signature);
		expect(verifyCoinPaymentsWebhook({ ...input, signature: invoiceCompleted.signature }, cpCredential.clientSecret, at(invoiceCompleted.timestamp)).ok).toBe(true);
		const withQuery = { ...input, url: `${invoiceCompleted.url}?shop=eu&x=%2F`, signature: invoiceCompleted.signatureForQueryUrl };
		expect(verifyCoinPaymentsWebhook(withQuery, cpCredential.clientSecret, at(invoiceCompleted.timestamp)).ok).toBe(true);
	});

	it.each([
		['another client secret', { secret: cpCredential.otherSecret }],
		['another URL (a proxy path)', { url: 'https://n8n.example.com/proxy/webhook/6d0f3c1e-2b7a-4e59-8c44-91a7f2e5b3d0/webhook' }],
		['http instead of https', { url: invoiceCompleted.url.replace('https:', 'http:') }],
		['another client ID', { clientId: 'ffffffffffffffffffffffffffffffff' }],
		['a body with one more space', { body: `${invoiceCompleted.body} ` }],
		['the same time written with a Z', { timestamp: `${invoiceCompleted.timestamp}Z` }],
	])('%s → mismatch', (_name, change: { secret?: string; url?: string; clientId?: string; body?: string; timestamp?: string }) => {
		const result = verifyCoinPaymentsWebhook(
			{
				url: change.url ?? invoiceCompleted.url,
				clientId: change.clientId ?? invoiceCompleted.clientId,
				rawBody: bytes(change.body ?? invoiceCompleted.body),
				signature: invoiceCompleted.signature,
				timestamp: change.timestamp ?? invoiceCompleted.timestamp,
			},
			change.secret ?? cpCredential.clientSecret,
			at(invoiceCompleted.timestamp),
		);
		expect(result).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('replay window: both directions, inclusive at the edge, configurable', () => {
		const headers = { signature: invoiceCompleted.signature, timestamp: invoiceCompleted.timestamp };
		const sentAt = Date.parse(`${invoiceCompleted.timestamp}Z`);
		const now = (offsetS: number) => ({ now: new Date(sentAt + offsetS * 1000) });
		expect(COINPAYMENTS_REPLAY_WINDOW_SECONDS).toBe(300);
		expect(checkCoinPaymentsWebhookHeaders(headers, now(300)).ok).toBe(true);
		expect(checkCoinPaymentsWebhookHeaders(headers, now(-300)).ok).toBe(true);
		expect(checkCoinPaymentsWebhookHeaders(headers, now(301))).toEqual({ ok: false, reason: 'stale' });
		expect(checkCoinPaymentsWebhookHeaders(headers, now(-301))).toEqual({ ok: false, reason: 'stale' });
		expect(checkCoinPaymentsWebhookHeaders(headers, { ...now(3600), replayWindowSeconds: 3600 }).ok).toBe(true);
	});

	it('the keyless checks: signature missing or not 32 bytes of base64, timestamp missing or malformed', () => {
		const ok = { signature: invoiceCompleted.signature, timestamp: invoiceCompleted.timestamp };
		const when = at(invoiceCompleted.timestamp);
		expect(checkCoinPaymentsWebhookHeaders({ ...ok, signature: undefined }, when)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(checkCoinPaymentsWebhookHeaders({ ...ok, signature: Buffer.from(invoiceCompleted.signature, 'base64').toString('hex') }, when)).toEqual({ ok: false, reason: 'bad_format' });
		expect(checkCoinPaymentsWebhookHeaders({ ...ok, signature: Buffer.from(invoiceCompleted.signature, 'base64').toString('base64url') }, when)).toEqual({ ok: false, reason: 'bad_format' });
		for (const timestamp of [undefined, '', '1719831850', '2024-07-01 11:04:10', '2024-07-01T11:04:10+00:00', '2024-02-30T11:04:10', '２０２４-07-01T11:04:10']) {
			expect(checkCoinPaymentsWebhookHeaders({ ...ok, timestamp }, when)).toEqual({ ok: false, reason: 'bad_format' });
		}
	});

	it('parses the timestamp as UTC without a zone; tolerates a Z or fraction; refuses dates that do not exist', () => {
		expect(parseCoinPaymentsTimestamp('2025-03-01T02:30:00')).toBe(Date.UTC(2025, 2, 1, 2, 30, 0));
		expect(parseCoinPaymentsTimestamp('2025-03-01T02:30:00Z')).toBe(Date.UTC(2025, 2, 1, 2, 30, 0));
		expect(parseCoinPaymentsTimestamp('2025-03-01T02:30:00.123')).toBe(Date.UTC(2025, 2, 1, 2, 30, 0));
		expect(parseCoinPaymentsTimestamp('2025-13-01T02:30:00')).toBeUndefined();
		expect(parseCoinPaymentsTimestamp('2025-03-01T24:00:00')).toBeUndefined();
	});

	it('no client secret or client ID configured → no_key_configured; signing without a secret throws', () => {
		const input = { url: research.url, clientId: research.clientId, rawBody: bytes(research.body), signature: research.signature, timestamp: research.timestamp };
		expect(verifyCoinPaymentsWebhook(input, '', at(research.timestamp))).toEqual({ ok: false, reason: 'no_key_configured' });
		expect(verifyCoinPaymentsWebhook({ ...input, clientId: ' ' }, research.clientSecret, at(research.timestamp))).toEqual({ ok: false, reason: 'no_key_configured' });
		expect(() => signCoinPaymentsWebhook({ ...input }, ' ')).toThrow(TypeError);
	});
});
