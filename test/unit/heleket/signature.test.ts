import { cryptomusSignedText } from '../../../nodes/Cryptomus/signature';
import {
	signHeleket,
	signHeleketWebhookBody,
	verifyHeleketWebhook,
} from '../../../nodes/Heleket/signature';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';
import { heleketKeys, heleketVectors, unsignedFixture } from './fixtures';

const keys = { payment: heleketKeys.paymentApiKey, payout: heleketKeys.payoutApiKey };
const keyName = { paymentApiKey: 'payment', payoutApiKey: 'payout' } as const;

describe('Heleket signatures (vectors computed by PHP with the Heleket PHP SDK algorithm)', () => {
	it('the Go SDK parity vector: md5(base64(body) + key)', () => {
		const { body, apiKey, base64, sign } = heleketVectors.goSdkParity;
		expect(Buffer.from(body, 'utf8').toString('base64')).toBe(base64);
		expect(signHeleket(body, apiKey)).toBe(sign);
		expect(sign).toBe('27241b4fe4019e6c19622ce88888603c');
	});

	describe.each(heleketVectors.webhooks.map((v) => [v.fixture, v] as const))('%s', (_name, v) => {
		it('the text Heleket signs is PHP json_encode(…, JSON_UNESCAPED_UNICODE) of the body without sign', () => {
			for (const body of [v.bodyUnescapedUnicode, v.bodyDefaultFlags]) {
				expect(cryptomusSignedText(parseJsonLossless(body).root)).toBe(v.signedText);
			}
		});

		it.each([
			['JSON_UNESCAPED_UNICODE', 'bodyUnescapedUnicode'],
			['default flags (non-ASCII as \\u escapes)', 'bodyDefaultFlags'],
		] as const)('a body PHP printed with %s verifies with the right key, and says which', (_flags, field) => {
			const verified = verifyHeleketWebhook(Buffer.from(v[field], 'utf8'), keys);
			expect(verified.ok && verified.value.key).toBe(keyName[v.key]);
		});

		it('signed with another key, or with the keys swapped → mismatch', () => {
			const body = Buffer.from(v.bodyUnescapedUnicode, 'utf8');
			expect(verifyHeleketWebhook(body, { payment: 'not-the-key' })).toEqual({ ok: false, reason: 'mismatch' });
			const onlyTheOther = v.key === 'paymentApiKey' ? { payout: keys.payout } : { payment: keys.payment };
			expect(verifyHeleketWebhook(body, onlyTheOther)).toEqual({ ok: false, reason: 'mismatch' });
		});

		it('signHeleketWebhookBody (used by the tests and the e2e case) produces the sign PHP computed', () => {
			const signed = signHeleketWebhookBody(unsignedFixture(v.fixture), heleketKeys[v.key]);
			expect(JSON.parse(signed).sign).toBe(v.sign);
		});
	});

	it('a slash sent unescaped is re-escaped before hashing, as PHP does: the genuine sign still verifies', () => {
		const v = heleketVectors.webhooks[0];
		const unescapedSlashes = v.bodyUnescapedUnicode.replace(/\\\//g, '/');
		expect(unescapedSlashes).not.toBe(v.bodyUnescapedUnicode);
		const verified = verifyHeleketWebhook(Buffer.from(unescapedSlashes, 'utf8'), keys);
		expect(verified.ok).toBe(true);
	});

	it('a body re-serialized by JavaScript (JSON.stringify) keeps its value, so it verifies; a changed value does not', () => {
		const v = heleketVectors.webhooks[0];
		const restringified = JSON.stringify(JSON.parse(v.bodyDefaultFlags));
		expect(verifyHeleketWebhook(Buffer.from(restringified, 'utf8'), keys).ok).toBe(true);
		const tampered = v.bodyUnescapedUnicode.replace('"amount":"15.00"', '"amount":"150.00"');
		expect(verifyHeleketWebhook(Buffer.from(tampered, 'utf8'), keys)).toEqual({ ok: false, reason: 'mismatch' });
	});
});
