import { generateKeyPairSync } from 'node:crypto';

import { cryptApiPublicKey } from '../../../nodes/CryptApi/publicKey';
import {
	cryptApiSignedData,
	signCryptApi,
	verifyCryptApiCallback,
	verifyCryptApiSignature,
	type CryptApiRequest,
} from '../../../nodes/CryptApi/signature';
import { GET_VECTOR_QUERY, TEST_PRIVATE_PEM, TEST_PUBLIC_PEM, vectors } from './fixtures';

const testKey = cryptApiPublicKey(TEST_PUBLIC_PEM);
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('CryptAPI signature vectors (providers/cryptapi.md)', () => {
	it.each(['get', 'postForm', 'postJson'] as const)('%s: the published signature verifies with the test key', (name) => {
		const { signedData, signature } = vectors[name];
		expect(verifyCryptApiSignature(bytes(signedData), signature, testKey)).toEqual({ ok: true, value: undefined });
	});

	it.each(['get', 'postForm', 'postJson'] as const)('%s: signCryptApi reproduces the published signature', (name) => {
		const { signedData, signature } = vectors[name];
		expect(signCryptApi(signedData, TEST_PRIVATE_PEM)).toBe(signature);
	});

	it('does not verify with CryptAPI\'s published key (wrong key)', () => {
		const { signedData, signature } = vectors.get;
		expect(verifyCryptApiSignature(bytes(signedData), signature, cryptApiPublicKey(''))).toEqual({
			ok: false,
			reason: 'mismatch',
		});
	});
});

describe('verifyCryptApiSignature', () => {
	const data = bytes(vectors.postForm.signedData);

	it('reports an absent or empty header as missing_signature', () => {
		expect(verifyCryptApiSignature(data, undefined, testKey)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verifyCryptApiSignature(data, '  ', testKey)).toEqual({ ok: false, reason: 'missing_signature' });
	});

	it('reports non-base64 and wrong-length signatures as bad_format', () => {
		expect(verifyCryptApiSignature(data, 'not base64!', testKey)).toEqual({ ok: false, reason: 'bad_format' });
		const short = Buffer.from(vectors.postForm.signature, 'base64').subarray(0, 64).toString('base64');
		expect(verifyCryptApiSignature(data, short, testKey)).toEqual({ ok: false, reason: 'bad_format' });
	});

	it('tolerates surrounding whitespace in the header', () => {
		expect(verifyCryptApiSignature(data, ` ${vectors.postForm.signature}\n`, testKey).ok).toBe(true);
	});

	it('fails on any flipped byte of the data or the signature', () => {
		const tampered = Buffer.from(data);
		tampered[tampered.length - 1] ^= 1;
		expect(verifyCryptApiSignature(tampered, vectors.postForm.signature, testKey)).toEqual({ ok: false, reason: 'mismatch' });
		const sig = Buffer.from(vectors.postForm.signature, 'base64');
		sig[10] ^= 0x80;
		expect(verifyCryptApiSignature(data, sig.toString('base64'), testKey)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('verifies with a rotated 2048-bit key too', () => {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
		expect(verifyCryptApiSignature(data, signCryptApi(data, privateKey), cryptApiPublicKey(pem)).ok).toBe(true);
	});

	it('refuses to sign without a key', () => {
		expect(() => signCryptApi('x', '')).toThrow(TypeError);
	});
});

describe('verifyCryptApiCallback', () => {
	const base = vectors.get.publicBase;
	const getRequest = (rawQuery: string, signature: string): CryptApiRequest => ({
		method: 'GET',
		publicUrl: base,
		rawQuery,
		rawBody: Buffer.alloc(0),
		signature,
	});
	const postRequest = (body: string, signature: string, rawQuery = ''): CryptApiRequest => ({
		method: 'POST',
		publicUrl: base,
		rawQuery,
		rawBody: bytes(body),
		signature,
	});

	it('GET: signs the public URL + raw query, whatever the body', () => {
		const request = { ...getRequest(GET_VECTOR_QUERY, vectors.get.signature), rawBody: bytes('ignored') };
		expect(cryptApiSignedData(request).toString('utf8')).toBe(vectors.get.signedData);
		expect(verifyCryptApiCallback(request, testKey).ok).toBe(true);
	});

	it('GET: the query is used exactly as received (percent-encoding and + kept)', () => {
		const rawQuery = 'order_id=A%2FB+C%20D&note=caf%C3%A9+%2B1&uuid=u-1&pending=1';
		const signature = signCryptApi(`${base}?${rawQuery}`, TEST_PRIVATE_PEM);
		expect(verifyCryptApiCallback(getRequest(rawQuery, signature), testKey).ok).toBe(true);
		// the same parameters re-encoded (as a parser would print them) are different bytes, and do not verify
		const reencoded = new URLSearchParams(rawQuery).toString();
		expect(reencoded).not.toBe(rawQuery);
		expect(verifyCryptApiCallback(getRequest(reencoded, signature), testKey)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it("GET: a bare '?' is part of the signed URL: with no query at all the signature does not verify, and vice versa", () => {
		const withMark = signCryptApi(`${base}?`, TEST_PRIVATE_PEM);
		const without = signCryptApi(base, TEST_PRIVATE_PEM);
		expect(verifyCryptApiCallback(getRequest('', withMark), testKey).ok).toBe(true);
		expect(verifyCryptApiCallback({ ...getRequest('', without), rawQuery: undefined }, testKey).ok).toBe(true);
		expect(verifyCryptApiCallback(getRequest('', without), testKey)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyCryptApiCallback({ ...getRequest('', withMark), rawQuery: undefined }, testKey)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('GET: a tampered query parameter fails', () => {
		const tampered = GET_VECTOR_QUERY.replace('order_id=123', 'order_id=124');
		expect(tampered).not.toBe(GET_VECTOR_QUERY);
		expect(verifyCryptApiCallback(getRequest(tampered, vectors.get.signature), testKey)).toEqual({
			ok: false,
			reason: 'mismatch',
		});
	});

	it('GET: another public URL (host, scheme or path) fails', () => {
		for (const publicUrl of [
			'https://other.example.com/webhook/cryptapi',
			'http://n8n.example.com/webhook/cryptapi',
			'https://n8n.example.com/webhook-test/cryptapi',
		]) {
			const request = { ...getRequest(GET_VECTOR_QUERY, vectors.get.signature), publicUrl };
			expect(verifyCryptApiCallback(request, testKey).ok).toBe(false);
		}
	});

	it('POST: signs the raw body; the query string is not covered', () => {
		const { signedData, signature } = vectors.postForm;
		expect(verifyCryptApiCallback(postRequest(signedData, signature), testKey).ok).toBe(true);
		expect(verifyCryptApiCallback(postRequest(signedData, signature, 'order_id=999'), testKey).ok).toBe(true);
		expect(verifyCryptApiCallback(postRequest(vectors.postJson.signedData, vectors.postJson.signature), testKey).ok).toBe(
			true,
		);
	});

	it('POST: a tampered body fails (form and JSON)', () => {
		const form = vectors.postForm.signedData.replace('value_coin=0.05', 'value_coin=5.05');
		expect(verifyCryptApiCallback(postRequest(form, vectors.postForm.signature), testKey).ok).toBe(false);
		for (const json of [
			vectors.postJson.signedData.replace('"pending":0', '"pending":1'),
			vectors.postJson.signedData.replace('"pending":0', '"pending": 0'),
		]) {
			expect(verifyCryptApiCallback(postRequest(json, vectors.postJson.signature), testKey).ok).toBe(false);
		}
	});

	it('a GET signature replayed as a POST fails, with the URL as body or the query as body', () => {
		const asUrlBody = postRequest(vectors.get.signedData, vectors.get.signature);
		// the URL bytes are exactly what the signature covers: only the explicit guard refuses this
		expect(verifyCryptApiSignature(bytes(vectors.get.signedData), vectors.get.signature, testKey).ok).toBe(true);
		expect(verifyCryptApiCallback(asUrlBody, testKey)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyCryptApiCallback({ ...asUrlBody, signature: undefined }, testKey)).toEqual({
			ok: false,
			reason: 'missing_signature',
		});
		const asQueryBody = postRequest(GET_VECTOR_QUERY, vectors.get.signature, GET_VECTOR_QUERY);
		expect(verifyCryptApiCallback(asQueryBody, testKey)).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('a POST body signature replayed as a GET query fails', () => {
		const request = getRequest(vectors.postForm.signedData, vectors.postForm.signature);
		expect(verifyCryptApiCallback(request, testKey)).toEqual({ ok: false, reason: 'mismatch' });
	});
});
