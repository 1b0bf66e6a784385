import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cryptomusTestCredentials } from '../../helpers/cryptomusFixtures';
import {
	cryptomusSignedText,
	signCryptomus,
	signCryptomusWebhookBody,
	verifyCryptomusWebhook,
} from '../../../nodes/Cryptomus/signature';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';

interface Vector {
	name: string;
	key: string;
	signedText: string;
	sign: string;
	naiveJsonStringifySignPrefix?: string;
}
const fixtures = join(__dirname, '../../fixtures/cryptomus');
const vectors = JSON.parse(readFileSync(join(fixtures, 'vectors.json'), 'utf8')) as {
	webhook: Vector[];
	outgoing: Array<{ key: string; body: string; sign: string }>;
};

/** The body Cryptomus delivers: the signed JSON with "sign" appended as the last member. */
const delivered = (signedText: string, sign: string) => `${signedText.slice(0, -1)},"sign":"${sign}"}`;

describe('Cryptomus signature: vectors from providers/cryptomus.md', () => {
	it.each(vectors.webhook)('signCryptomus: $name', ({ key, signedText, sign }) => {
		expect(signCryptomus(signedText, key)).toBe(sign);
	});

	it.each(vectors.outgoing)('signs the exact outgoing body bytes', ({ key, body, sign }) => {
		expect(signCryptomus(body, key)).toBe(sign);
	});

	const bodies = vectors.webhook.filter((v) => v.signedText.startsWith('{'));

	it.each(bodies)('verifyCryptomusWebhook accepts the delivered body: $name', ({ key, signedText, sign }) => {
		const isPayout = key.includes('payout');
		const keys = isPayout ? { payment: 'some-other-payment-key', payout: key } : { payment: key };
		const result = verifyCryptomusWebhook(Buffer.from(delivered(signedText, sign)), keys);
		expect(result).toMatchObject({ ok: true, value: { key: isPayout ? 'payout' : 'payment' } });
	});

	it.each(bodies)('re-encodes the received body to the signed text: $name', ({ signedText, sign }) => {
		expect(cryptomusSignedText(parseJsonLossless(delivered(signedText, sign)).root)).toBe(signedText);
	});

	it('accepts the same webhook when the sender used \\u escapes and unescaped slashes', () => {
		const v = vectors.webhook.find((x) => x.sign === 'a3c68250158ee08bd0ae4c96d306159b') as Vector;
		const escaped = v.signedText.replace(/\\\//g, '/').replace('café', 'caf\\u00e9').replace('—', '\\u2014');
		expect(escaped).not.toBe(v.signedText);
		expect(verifyCryptomusWebhook(Buffer.from(delivered(escaped, v.sign)), { payment: v.key }).ok).toBe(true);
	});

	it('rejects the naive JSON.stringify signature of the café vector', () => {
		const v = vectors.webhook.find((x) => x.naiveJsonStringifySignPrefix) as Vector;
		const naiveText = JSON.stringify(JSON.parse(v.signedText));
		const naiveSign = signCryptomus(naiveText, v.key);
		expect(naiveSign.startsWith(v.naiveJsonStringifySignPrefix as string)).toBe(true);
		const result = verifyCryptomusWebhook(Buffer.from(delivered(v.signedText, naiveSign)), { payment: v.key });
		expect(result).toEqual({ ok: false, reason: 'mismatch' });
	});
});

describe('verifyCryptomusWebhook: failures', () => {
	const { paymentApiKey: key } = cryptomusTestCredentials;
	const unsigned = readFileSync(join(fixtures, 'payment-example.unsigned.json'), 'utf8');
	const body = signCryptomusWebhookBody(unsigned, key);

	it('accepts a body signed with the package signer, with either key order of configuration', () => {
		expect(verifyCryptomusWebhook(Buffer.from(body), { payment: key })).toMatchObject({ ok: true });
		expect(verifyCryptomusWebhook(Buffer.from(body), { payment: 'x', payout: key })).toMatchObject({
			ok: true,
			value: { key: 'payout' },
		});
	});

	it('tolerates whitespace and key order of the sign member', () => {
		const spaced = body.replace('{"type"', '{ "type"').replace(/,"sign":("[0-9a-f]+")}$/, ' , "sign" : $1 }');
		expect(verifyCryptomusWebhook(Buffer.from(spaced), { payment: key }).ok).toBe(true);
		const signFirst = body.replace(/^\{(.*),("sign":"[0-9a-f]+")\}$/, '{$2,$1}');
		expect(signFirst.startsWith('{"sign"')).toBe(true);
		expect(verifyCryptomusWebhook(Buffer.from(signFirst), { payment: key }).ok).toBe(true);
	});

	it.each([
		['a tampered amount', (b: string) => b.replace('"amount":"3.00000000"', '"amount":"30.0000000"'), 'mismatch'],
		['a tampered status', (b: string) => b.replace('"status":"paid"', '"status":"paid_over"'), 'mismatch'],
		['an added member', (b: string) => b.replace('{"type"', '{"extra":1,"type"'), 'mismatch'],
		['reordered members', (b: string) => b.replace('"type":"payment","uuid"', '"uuid"').replace('"order_id"', '"type":"payment","order_id"'), 'mismatch'],
		['a number re-printed', (b: string) => b.replace('"is_final":true', '"is_final":1'), 'mismatch'],
		['a sign of the wrong length', (b: string) => b.replace(/"sign":"([0-9a-f]+)"/, '"sign":"$1ab"'), 'mismatch'],
		['no sign', (b: string) => b.replace(/,"sign":"[0-9a-f]+"/, ''), 'missing_signature'],
		['an empty sign', (b: string) => b.replace(/"sign":"[0-9a-f]+"/, '"sign":""'), 'missing_signature'],
		['a numeric sign', (b: string) => b.replace(/"sign":"[0-9a-f]+"/, '"sign":123'), 'missing_signature'],
		['not JSON', () => 'type=payment&sign=abc', 'bad_format'],
		['a JSON array', () => '[1,2]', 'bad_format'],
		['an empty body', () => '', 'bad_format'],
		['an unpaired surrogate', (b: string) => b.replace('"status":"paid"', '"status":"\\ud800"'), 'bad_format'],
	])('rejects %s', (_name, mutate, reason) => {
		expect(verifyCryptomusWebhook(Buffer.from(mutate(body)), { payment: key })).toEqual({ ok: false, reason });
	});

	it('rejects the right body under the wrong key', () => {
		expect(verifyCryptomusWebhook(Buffer.from(body), { payment: 'wrong', payout: 'also-wrong' })).toEqual({
			ok: false,
			reason: 'mismatch',
		});
	});

	it('never accepts when no key is configured', () => {
		expect(verifyCryptomusWebhook(Buffer.from(body), {})).toEqual({ ok: false, reason: 'no_key_configured' });
		expect(verifyCryptomusWebhook(Buffer.from(body), { payment: '', payout: '' })).toEqual({
			ok: false,
			reason: 'no_key_configured',
		});
	});

	it('signCryptomus refuses an empty key', () => {
		expect(() => signCryptomus('{}', '')).toThrow(TypeError);
	});
});
