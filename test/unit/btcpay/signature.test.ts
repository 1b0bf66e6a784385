import { checkBtcPaySignatureShape, signBtcPayDelivery, verifyBtcPayDelivery } from '../../../nodes/BtcPayServer/signature';
import { btcpayTestCredentials as keys, btcpayVectors, readBtcPayBody } from '../../helpers/btcpayFixtures';

const BODIES = Object.keys(btcpayVectors).filter((name) => name.endsWith('.body.json'));

describe('BTCPay-Sig (sha256= + hex HMAC-SHA256 of the raw body)', () => {
	it.each(BODIES)('%s: the OpenSSL-made vector verifies, and sign() makes the same header', (name) => {
		const body = readBtcPayBody(name);
		expect(verifyBtcPayDelivery(Buffer.from(body, 'utf8'), btcpayVectors[name], keys.webhookSecret)).toEqual({ ok: true, value: undefined });
		expect(signBtcPayDelivery(body, keys.webhookSecret)).toBe(btcpayVectors[name]);
	});

	it('the bytes count: the same event re-serialized compactly, or with CRLF line breaks, does not verify', () => {
		const body = readBtcPayBody('invoice-settled.body.json');
		const header = btcpayVectors['invoice-settled.body.json'];
		const compact = Buffer.from(JSON.stringify(JSON.parse(body)));
		expect(verifyBtcPayDelivery(compact, header, keys.webhookSecret)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyBtcPayDelivery(Buffer.from(body.replace(/\n/g, '\r\n')), header, keys.webhookSecret).ok).toBe(false);
	});

	it('non-ASCII metadata is signed as UTF-8 bytes (café ☕)', () => {
		const body = readBtcPayBody('invoice-received-payment.body.json');
		expect(body).toContain('Café au lait ☕');
		const latin1 = Buffer.from(body, 'latin1');
		expect(verifyBtcPayDelivery(latin1, btcpayVectors['invoice-received-payment.body.json'], keys.webhookSecret).ok).toBe(false);
	});

	it('another secret, a changed body, a flipped digit → mismatch', () => {
		const body = Buffer.from(readBtcPayBody('invoice-settled.body.json'));
		const header = btcpayVectors['invoice-settled.body.json'];
		expect(verifyBtcPayDelivery(body, header, keys.otherSecret)).toEqual({ ok: false, reason: 'mismatch' });
		const changed = Buffer.from(body.toString().replace('"overPaid": false', '"overPaid": true'));
		expect(verifyBtcPayDelivery(changed, header, keys.webhookSecret)).toEqual({ ok: false, reason: 'mismatch' });
		const flipped = header.slice(0, 20) + (header[20] === '0' ? '1' : '0') + header.slice(21);
		expect(verifyBtcPayDelivery(body, flipped, keys.webhookSecret)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('the header\'s shape is checked before any secret: missing, no sha256= prefix, not 64 hex digits', () => {
		const header = btcpayVectors['invoice-settled.body.json'];
		expect(checkBtcPaySignatureShape(undefined)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(checkBtcPaySignatureShape(' ')).toEqual({ ok: false, reason: 'missing_signature' });
		expect(checkBtcPaySignatureShape(header.slice('sha256='.length))).toEqual({ ok: false, reason: 'bad_format' });
		expect(checkBtcPaySignatureShape(`sha512=${header.slice(7)}`)).toEqual({ ok: false, reason: 'bad_format' });
		expect(checkBtcPaySignatureShape(header.slice(0, -1))).toEqual({ ok: false, reason: 'bad_format' });
		expect(checkBtcPaySignatureShape(header.toUpperCase().replace('SHA256=', 'sha256='))).toEqual({ ok: true, value: undefined });
	});

	it('fails closed without a secret', () => {
		const body = Buffer.from(readBtcPayBody('invoice-settled.body.json'));
		expect(verifyBtcPayDelivery(body, btcpayVectors['invoice-settled.body.json'], '')).toEqual({ ok: false, reason: 'no_key_configured' });
		expect(() => signBtcPayDelivery('{}', '')).toThrow(TypeError);
	});
});
