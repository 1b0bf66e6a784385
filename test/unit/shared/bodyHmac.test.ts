import { signBodyHmac, verifyBodyHmac, type BodyHmacScheme } from '../../../nodes/shared/bodyHmac';

/** OxaPay and CoinPayments v1: header `HMAC`, hex HMAC-SHA512 of the raw body. */
const SHA512_HEX: BodyHmacScheme = { header: 'hmac', algorithm: 'sha512', encoding: 'hex', prefix: '' };
/** BTCPay Server: header `BTCPay-Sig`, `sha256=` + hex HMAC-SHA256 of the raw body. */
const BTCPAY: BodyHmacScheme = { header: 'btcpay-sig', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' };

// OxaPay's PHP SDK test payload and key (oxapaysdk/php-sdk tests/Feature/WebhookTest.php); the digest was computed
// outside this package with OpenSSL (../shared/providers/research/gateways.md §2.4).
const OXAPAY = {
	body: '{"type":"invoice","status":"Paid"}',
	key: 'custom-merchant-secret',
	hmac: '29341ce38b87b4300406f345824c03a63cd42d3c82758144757b4322478d022ea20141cbefb272b79bed466a25ad019747cf1bd21a07cff2ec2bc5922baa50d5',
};

// The community BTCPay n8n node's test delivery (Satoshi-Engineering/n8n-nodes-btcpay BtcPayTrigger.test.ts): the
// body is the object indented by two spaces, as BTCPay sends it; the expected header is that test's literal.
const BTCPAY_VECTOR = {
	body: JSON.stringify(
		{
			deliveryId: 'XhWq8Yt3CwGbxBSRNuQFeN',
			webhookId: 'RPmHuKhkKqmZVX854QqHHr',
			originalDeliveryId: '__test__a6f47008-c8e7-4965-9173-532fb3d5d04b__test__',
			isRedelivery: false,
			type: 'PaymentRequestStatusChanged',
			timestamp: 1738660312,
			storeId: '9BatxYQgpxRKXfkZxoWCa324sbkcVmfJVjQixBCP7NYm',
			paymentRequestId: '__test__bc786aa8-8f1c-40ee-a80d-2cfd69f4d128__test__',
			status: 'Completed',
		},
		undefined,
		2,
	),
	key: '24rQ58xd7fxH1DpRU4K9Yp68i5jX',
	header: 'sha256=520e50c33de020dbe5c55e58899ad2db29caf6faa72131686d342ffc02e8b891',
};

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
