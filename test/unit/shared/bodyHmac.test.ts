import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signBodyHmac, verifyBodyHmac, type BodyHmacScheme } from '../../../nodes/shared/bodyHmac';

/** OxaPay and CoinPayments v1: header `HMAC`, hex HMAC-SHA512 of the raw body. */
const SHA512_HEX: BodyHmacScheme = { header: 'hmac', algorithm: 'sha512', encoding: 'hex', prefix: '' };
/** BTCPay Server: header `BTCPay-Sig`, `sha256=` + hex HMAC-SHA256 of the raw body. */
const BTCPAY: BodyHmacScheme = { header: 'btcpay-sig', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' };

// OxaPay's PHP SDK test payload and key (digest computed outside this package with OpenSSL), and the community BTCPay
// n8n node's test delivery (indented JSON, as BTCPay sends it); sources in the fixture's `_sources`.
const vectors = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'shared', 'body-hmac-vectors.json'), 'utf8')) as {
	oxapay: { body: string; key: string; hmac: string };
	btcpay: { body: string; key: string; header: string };
};
const OXAPAY = vectors.oxapay;
const BTCPAY_VECTOR = vectors.btcpay;

describe('body HMAC in a header (OxaPay, CoinPayments v1, BTCPay Server)', () => {
	it('signs the known-answer vectors', () => {
		expect(signBodyHmac(OXAPAY.body, OXAPAY.key, SHA512_HEX)).toBe(OXAPAY.hmac);
		expect(signBodyHmac(BTCPAY_VECTOR.body, BTCPAY_VECTOR.key, BTCPAY)).toBe(BTCPAY_VECTOR.header);
	});

	it('verifies them over the raw bytes, hex and prefix case-insensitively', () => {
		const body = Buffer.from(OXAPAY.body);
		expect(verifyBodyHmac(body, OXAPAY.hmac, OXAPAY.key, SHA512_HEX)).toEqual({ ok: true, value: undefined });
		expect(verifyBodyHmac(body, OXAPAY.hmac.toUpperCase(), OXAPAY.key, SHA512_HEX).ok).toBe(true);
		const btcpay = Buffer.from(BTCPAY_VECTOR.body);
		expect(verifyBodyHmac(btcpay, BTCPAY_VECTOR.header, BTCPAY_VECTOR.key, BTCPAY).ok).toBe(true);
		expect(verifyBodyHmac(btcpay, BTCPAY_VECTOR.header.replace('sha256=', 'SHA256='), BTCPAY_VECTOR.key, BTCPAY).ok).toBe(true);
	});

	it('trims the secret (a key pasted with a newline still verifies)', () => {
		expect(verifyBodyHmac(Buffer.from(OXAPAY.body), OXAPAY.hmac, ` ${OXAPAY.key}\n`, SHA512_HEX).ok).toBe(true);
		expect(signBodyHmac(OXAPAY.body, `${OXAPAY.key}\n`, SHA512_HEX)).toBe(OXAPAY.hmac);
	});

	it('refuses a changed body, a wrong key and a re-serialized body', () => {
		expect(verifyBodyHmac(Buffer.from(OXAPAY.body.replace('Paid', 'paid')), OXAPAY.hmac, OXAPAY.key, SHA512_HEX)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyBodyHmac(Buffer.from(OXAPAY.body), OXAPAY.hmac, 'another-key', SHA512_HEX)).toEqual({ ok: false, reason: 'mismatch' });
		const compact = Buffer.from(JSON.stringify(JSON.parse(BTCPAY_VECTOR.body)));
		expect(verifyBodyHmac(compact, BTCPAY_VECTOR.header, BTCPAY_VECTOR.key, BTCPAY)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('tells a missing, malformed or unprefixed signature from a wrong one', () => {
		const body = Buffer.from(OXAPAY.body);
		expect(verifyBodyHmac(body, undefined, OXAPAY.key, SHA512_HEX)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verifyBodyHmac(body, '  ', OXAPAY.key, SHA512_HEX)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verifyBodyHmac(body, 'zz', OXAPAY.key, SHA512_HEX)).toEqual({ ok: false, reason: 'bad_format' });
		expect(verifyBodyHmac(body, OXAPAY.hmac.slice(2), OXAPAY.key, SHA512_HEX)).toEqual({ ok: false, reason: 'mismatch' });
		const btcpay = Buffer.from(BTCPAY_VECTOR.body);
		const bare = BTCPAY_VECTOR.header.slice('sha256='.length);
		expect(verifyBodyHmac(btcpay, bare, BTCPAY_VECTOR.key, BTCPAY)).toEqual({ ok: false, reason: 'bad_format' });
	});

	it('fails closed without a secret', () => {
		expect(verifyBodyHmac(Buffer.from(OXAPAY.body), OXAPAY.hmac, ' ', SHA512_HEX)).toEqual({ ok: false, reason: 'no_key_configured' });
		expect(() => signBodyHmac(OXAPAY.body, '', SHA512_HEX)).toThrow(TypeError);
	});
});
