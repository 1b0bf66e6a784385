import { oxaPayKeyFor, readOxaPayCallback, signOxaPay, verifyOxaPayCallback } from '../../../nodes/OxaPay/signature';
import { oxaPayTestKeys, oxaPayVectors as v, readOxaPayBody } from '../../helpers/oxapayFixtures';

const keys = { merchant: oxaPayTestKeys.merchantApiKey, payout: oxaPayTestKeys.payoutApiKey };

describe('OxaPay signatures (HMAC header: hex HMAC-SHA512 of the raw body)', () => {
	it("reproduces the PHP SDK's test vector and the OpenSSL vectors", () => {
		expect(signOxaPay(v.sdk.body, v.sdk.key)).toBe(v.sdk.hmac);
		expect(signOxaPay(readOxaPayBody(v.invoicePaid.file), keys.merchant)).toBe(v.invoicePaid.hmac);
		expect(signOxaPay(readOxaPayBody(v.payoutConfirmed.file), keys.payout)).toBe(v.payoutConfirmed.hmac);
	});

	it('picks the key by type, as the SDK does: payout → payout key, anything else → merchant key', () => {
		expect(oxaPayKeyFor('payout')).toBe('payout');
		for (const type of ['invoice', 'white_label', 'static_address', 'payment_link', 'donation', 'something_new', undefined]) {
			expect(oxaPayKeyFor(type)).toBe('merchant');
		}
		expect(readOxaPayCallback(Buffer.from('not json')).key).toBe('merchant');
		expect(readOxaPayCallback(Buffer.from('["payout"]')).key).toBe('merchant');
	});

	it('verifies an invoice callback with the merchant key and a payout with the payout key', () => {
		const invoice = readOxaPayBody(v.invoicePaid.file);
		expect(verifyOxaPayCallback(invoice, v.invoicePaid.hmac, readOxaPayCallback(invoice), keys)).toEqual({ ok: true, value: { key: 'merchant' } });
		const payout = readOxaPayBody(v.payoutConfirmed.file);
		expect(verifyOxaPayCallback(payout, v.payoutConfirmed.hmac, readOxaPayCallback(payout), keys)).toEqual({ ok: true, value: { key: 'payout' } });
	});

	it('refuses a payout signed with the merchant key (only the key its type calls for is tried)', () => {
		const payout = readOxaPayBody(v.payoutSignedWithMerchantKey.file);
		const result = verifyOxaPayCallback(payout, v.payoutSignedWithMerchantKey.hmac, readOxaPayCallback(payout), keys);
		expect(result).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('refuses a payout when no payout key is configured, and changed bytes', () => {
		const payout = readOxaPayBody(v.payoutConfirmed.file);
		expect(verifyOxaPayCallback(payout, v.payoutConfirmed.hmac, readOxaPayCallback(payout), { merchant: keys.merchant })).toEqual({
			ok: false,
			reason: 'no_key_configured',
		});
		const invoice = readOxaPayBody(v.invoicePaid.file);
		const changed = Buffer.from(invoice.toString('utf8').replace('"amount": 10.50', '"amount": 10.5'));
		expect(verifyOxaPayCallback(changed, v.invoicePaid.hmac, readOxaPayCallback(changed), keys)).toEqual({ ok: false, reason: 'mismatch' });
		const compact = Buffer.from(JSON.stringify(JSON.parse(invoice.toString('utf8'))));
		expect(verifyOxaPayCallback(compact, v.invoicePaid.hmac, readOxaPayCallback(compact), keys)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('tells a missing header from a malformed one', () => {
		const invoice = readOxaPayBody(v.invoicePaid.file);
		const read = readOxaPayCallback(invoice);
		expect(verifyOxaPayCallback(invoice, undefined, read, keys)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verifyOxaPayCallback(invoice, 'sha512=abcd', read, keys)).toEqual({ ok: false, reason: 'bad_format' });
	});
});
