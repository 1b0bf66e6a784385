import {
	signKoywe,
	signKoyweBody,
	textWithoutMember,
	verifyKoyweBodySignature,
	verifyKoyweHeaderSignature,
} from '../../../nodes/Koywe/signature';
import { parseJsonLossless, type JsonObjectNode } from '../../../nodes/shared/losslessJson';
import {
	BODY_VECTOR,
	HEADER_VECTOR_BODY,
	HEADER_VECTOR_HEADERS,
	ORDER_ID,
	SECRET,
	vectors,
} from './fixtures';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const verifyBody = (text: string, secret = SECRET, options = {}) =>
	verifyKoyweBodySignature(bytes(text), secret, options);
const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? 'ok' : result.reason);
/** Flips one hex digit of the vector's signature. */
const flipped = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

describe('Koywe body signature (Ramp API)', () => {
	it('reproduces the spec vector', () => {
		expect(signKoywe(vectors.body.signedString, SECRET)).toBe(vectors.body.signature);
		expect(signKoyweBody(vectors.body.signedString, SECRET)).toBe(BODY_VECTOR);
		const result = verifyBody(BODY_VECTOR);
		expect(result).toMatchObject({ ok: true, value: { signedOver: 'compact' } });
	});

	it('rejects the docs example, whose secret is unknown', () => {
		expect(reasonOf(verifyBody(vectors.docsExample.body))).toBe('mismatch');
	});

	it.each([
		['eventName changed', BODY_VECTOR.replace('crypto_delivered', 'payment_received')],
		['orderId changed', BODY_VECTOR.replace(ORDER_ID, ORDER_ID.replace('5a', '5b'))],
		['timeStamp changed', BODY_VECTOR.replace('41.658Z', '41.659Z')],
		['signature changed', BODY_VECTOR.replace(vectors.body.signature, flipped(vectors.body.signature))],
		['a member added', BODY_VECTOR.replace('{', '{"extra":1,')],
	])('rejects a body with its %s', (_name, body) => {
		expect(body).not.toBe(BODY_VECTOR);
		expect(reasonOf(verifyBody(body))).toBe('mismatch');
	});

	it('rejects the right body under another secret', () => {
		expect(reasonOf(verifyBody(BODY_VECTOR, 'another-secret'))).toBe('mismatch');
	});

	it('accepts an upper-case hex signature (same digest)', () => {
		const body = BODY_VECTOR.replace(vectors.body.signature, vectors.body.signature.toUpperCase());
		expect(verifyBody(body).ok).toBe(true);
	});

	it('depends on the received key order: reordering a signed body breaks it, signing in that order works', () => {
		const reordered = `{"orderId":"${ORDER_ID}","eventName":"crypto_delivered","timeStamp":"2022-10-26T22:36:41.658Z","signature":"${vectors.body.signature}"}`;
		expect(reasonOf(verifyBody(reordered))).toBe('mismatch');
		const signedInThatOrder = signKoyweBody(
			`{"orderId":"${ORDER_ID}","eventName":"crypto_delivered","timeStamp":"2022-10-26T22:36:41.658Z"}`,
			SECRET,
		);
		expect(verifyBody(signedInThatOrder).ok).toBe(true);
	});

	it('finds the signature wherever it is in the body', () => {
		const first = `{"signature":"${vectors.body.signature}",${vectors.body.signedString.slice(1)}`;
		expect(verifyBody(first)).toMatchObject({ ok: true, value: { signedOver: 'compact' } });
	});

	it('accepts extra whitespace around a body signed over its compact form', () => {
		const pretty = JSON.stringify(JSON.parse(BODY_VECTOR), null, 2);
		expect(pretty).toContain('\n  ');
		expect(verifyBody(`\r\n ${pretty}\n`)).toMatchObject({ ok: true, value: { signedOver: 'compact' } });
	});

	it('falls back to the raw text without the signature member (whitespace as sent)', () => {
		const payloadText = `{\n  "eventName": "payment_received",\n  "orderId": "${ORDER_ID}",\n  "timeStamp": "2022-10-26T22:36:41.658Z"\n}`;
		const signature = signKoywe(payloadText, SECRET);
		const body = payloadText.replace('\n}', `,\n  "signature": "${signature}"\n}`);
		expect(verifyBody(body)).toMatchObject({ ok: true, value: { signedOver: 'raw' } });
		expect(reasonOf(verifyBody(body.replace('payment_received', 'payment_rejected')))).toBe('mismatch');
	});

	it('keeps unicode values exact (raw UTF-8 or \\u escapes in the body, raw in the signed text)', () => {
		const payload = `{"eventName":"payment_received","orderId":"${ORDER_ID}","note":"Pagó ñandú 🚀 / \u2028 日本","timeStamp":"2022-10-26T22:36:41.658Z"}`;
		const body = signKoyweBody(payload, SECRET);
		expect(verifyBody(body).ok).toBe(true);
		const escaped = body.replace('Pagó ñandú 🚀', 'Pag\\u00f3 \\u00f1and\\u00fa \\ud83d\\ude80');
		expect(escaped).not.toBe(body);
		expect(verifyBody(escaped)).toMatchObject({ ok: true, value: { signedOver: 'compact' } });
		expect(reasonOf(verifyBody(body.replace('ñandú', 'nandú')))).toBe('mismatch');
	});

	it('handles strings a JS server can only print escaped (control characters, unpaired surrogates)', () => {
		const payload = { eventName: 'payment_received', orderId: ORDER_ID, note: 'tab\there \u0001 \ud800' };
		const signature = signKoywe(JSON.stringify(payload), SECRET);
		const body = JSON.stringify({ ...payload, signature });
		expect(verifyBody(body)).toMatchObject({ ok: true, value: { signedOver: 'compact' } });
	});

	it.each([
		['no signature', vectors.body.signedString, 'missing_signature'],
		['an empty signature', BODY_VECTOR.replace(vectors.body.signature, ''), 'missing_signature'],
		['a numeric signature', BODY_VECTOR.replace(`"${vectors.body.signature}"`, '123'), 'missing_signature'],
		['two signatures', BODY_VECTOR.replace('{', `{"signature":"${vectors.body.signature}",`), 'bad_format'],
		['not JSON', 'eventName=crypto_delivered', 'bad_format'],
		['a JSON array', `[${BODY_VECTOR}]`, 'bad_format'],
		['an empty body', '', 'bad_format'],
	])('refuses %s', (_name, body, reason) => {
		expect(reasonOf(verifyBody(body))).toBe(reason);
	});

	it('refuses invalid UTF-8 and an empty secret', () => {
		const invalid = Buffer.concat([bytes(BODY_VECTOR.slice(0, 20)), Buffer.from([0xc3, 0x28]), bytes(BODY_VECTOR.slice(20))]);
		expect(reasonOf(verifyKoyweBodySignature(invalid, SECRET))).toBe('bad_format');
		expect(reasonOf(verifyBody(BODY_VECTOR, ''))).toBe('no_key_configured');
	});

	describe('replay window on timeStamp', () => {
		const sentAt = Date.parse('2022-10-26T22:36:41.658Z');
		const MINUTE_MS = 60_000;
		it.each([
			['off (0): any age', 0, sentAt + 365 * 24 * 60 * MINUTE_MS, 'ok'],
			['inside, late', 5 * MINUTE_MS, sentAt + 4 * MINUTE_MS, 'ok'],
			['inside, clock skew ahead', 5 * MINUTE_MS, sentAt - 4 * MINUTE_MS, 'ok'],
			['outside, old', 5 * MINUTE_MS, sentAt + 6 * MINUTE_MS, 'stale'],
			['outside, future', 5 * MINUTE_MS, sentAt - 6 * MINUTE_MS, 'stale'],
		])('%s', (_name, replayWindowMs, now, expected) => {
			expect(reasonOf(verifyBody(BODY_VECTOR, SECRET, { replayWindowMs, now: new Date(now) }))).toBe(expected);
		});

		it('treats a signed body without a readable timeStamp as stale when the window is on', () => {
			const body = signKoyweBody(`{"eventName":"payment_received","orderId":"${ORDER_ID}","timeStamp":"yesterday"}`, SECRET);
			expect(reasonOf(verifyBody(body, SECRET, { replayWindowMs: MINUTE_MS, now: new Date(sentAt) }))).toBe('stale');
			expect(verifyBody(body).ok).toBe(true);
		});

		it('checks the signature before the time (a forged old event is a mismatch)', () => {
			const forged = BODY_VECTOR.replace('crypto_delivered', 'payment_received');
			expect(reasonOf(verifyBody(forged, SECRET, { replayWindowMs: MINUTE_MS, now: new Date() }))).toBe('mismatch');
		});
	});

	describe('textWithoutMember (the raw fallback)', () => {
		const cut = (text: string, key: string) => {
			const { root } = parseJsonLossless(text);
			const members = (root as JsonObjectNode).members;
			return textWithoutMember(text, members, members.findIndex((m) => m.key === key));
		};
		it.each([
			['last', '{"a":1, "signature":"x" }', '{"a":1 }'],
			['first', '{ "signature":"x" ,\n "a":1}', '{ "a":1}'],
			['middle', '{"a":1,"signature":"x","b":2}', '{"a":1,"b":2}'],
			['only', '{ "signature":"x" }', '{  }'],
		])('cuts the %s member and one separating comma', (_name, text, expected) => {
			expect(cut(text, 'signature')).toBe(expected);
		});
	});
});

describe('Koywe-Signature header (Payments API)', () => {
	const signature = HEADER_VECTOR_HEADERS['koywe-signature'];

	it('reproduces the spec vector', () => {
		expect(signKoywe(HEADER_VECTOR_BODY, SECRET)).toBe(vectors.header.signature);
		expect(signature).toBe(vectors.header.signature);
		expect(verifyKoyweHeaderSignature(HEADER_VECTOR_BODY, signature, SECRET).ok).toBe(true);
		expect(verifyKoyweHeaderSignature(HEADER_VECTOR_BODY, ` ${signature.toUpperCase()} `, SECRET).ok).toBe(true);
	});

	it.each([
		['a re-serialized body (extra whitespace)', Buffer.from(JSON.stringify(JSON.parse(HEADER_VECTOR_BODY.toString()), null, 1)), signature],
		['a tampered body', Buffer.from(HEADER_VECTOR_BODY.toString().replace('order.completed', 'order.refunded')), signature],
		['reordered keys', Buffer.from('{"type":"order.completed","id":"evt_1","data":{"orderId":"5a3288ea-0bd4-44d2-af11-aae1f88bbd61"}}'), signature],
		['a tampered signature', HEADER_VECTOR_BODY, flipped(signature)],
		['a signature that is not hex', HEADER_VECTOR_BODY, `sha256=${signature}`],
	])('rejects %s', (_name, body, header) => {
		expect(verifyKoyweHeaderSignature(body, header, SECRET)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('signs unicode bodies byte for byte', () => {
		const body = Buffer.from('{"id":"evt_2","type":"contact.updated","data":{"name":"José Ñúñez 🚀"}}', 'utf8');
		expect(verifyKoyweHeaderSignature(body, signKoywe(body, SECRET), SECRET).ok).toBe(true);
		const nfd = Buffer.from(body.toString().normalize('NFD'), 'utf8');
		expect(verifyKoyweHeaderSignature(nfd, signKoywe(body, SECRET), SECRET).ok).toBe(false);
	});

	it('refuses a missing header, another secret and an empty secret', () => {
		expect(verifyKoyweHeaderSignature(HEADER_VECTOR_BODY, undefined, SECRET)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verifyKoyweHeaderSignature(HEADER_VECTOR_BODY, '  ', SECRET)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verifyKoyweHeaderSignature(HEADER_VECTOR_BODY, signature, 'other')).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyKoyweHeaderSignature(HEADER_VECTOR_BODY, signature, '')).toEqual({ ok: false, reason: 'no_key_configured' });
	});

	it('signKoywe refuses an empty secret', () => {
		expect(() => signKoywe('{}', '')).toThrow(TypeError);
	});
});
