// Prints verification throughput per provider, over the compiled package (run `npm run bench`, which builds first).
// Figures only: no thresholds (machines are noisy). Each case verifies a valid delivery; 'forged' cases show that a
// rejection costs about the same as an acceptance.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const cases = [];
const add = (name, fn) => cases.push({ name, fn });

{
	const { signCryptomusWebhookBody, verifyCryptomusWebhook } = require('../dist/nodes/Cryptomus/signature.js');
	const key = 'bench-payment-key';
	const small = JSON.stringify({
		type: 'payment', uuid: '62f88b36-a9d5-4fa6-aa26-e040c3dbf26d', order_id: 'o-1', amount: '3.00000000', status: 'paid',
		is_final: true, additional_data: 'https://shop.example/o/42 — café', currency: 'TRX', network: 'tron',
	});
	const large = JSON.stringify({ type: 'payment', uuid: 'u', status: 'paid', additional_data: 'x/é'.repeat(30000) });
	const bodies = { small: Buffer.from(signCryptomusWebhookBody(small, key)), large: Buffer.from(signCryptomusWebhookBody(large, key)) };
	const forged = Buffer.from(bodies.small.toString().replace(/"sign":"./, '"sign":"0'));
	add(`cryptomus valid (${bodies.small.length} B)`, () => verifyCryptomusWebhook(bodies.small, { payment: key }).ok);
	add(`cryptomus valid (${bodies.large.length} B)`, () => verifyCryptomusWebhook(bodies.large, { payment: key }).ok);
	add(`cryptomus forged, both keys tried (${forged.length} B)`, () => !verifyCryptomusWebhook(forged, { payment: key, payout: 'k2' }).ok);
}

{
	const { readFileSync } = await import('node:fs');
	const { createPublicKey } = await import('node:crypto');
	const { signCryptApi, verifyCryptApiCallback } = require('../dist/nodes/CryptApi/signature.js');
	const { cryptApiPublicKey } = require('../dist/nodes/CryptApi/publicKey.js');
	const privatePem = readFileSync(new URL('../test/fixtures/cryptapi/cryptapi-test-private.pem', import.meta.url), 'utf8');
	const publicPem = readFileSync(new URL('../test/fixtures/cryptapi/cryptapi-test-public.pem', import.meta.url), 'utf8');
	const rawBody = Buffer.from('uuid=dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2&address_in=3PFoGK63cVVUWnd2vu7W1kM83NXUfvzMqM&value_coin=0.05&confirmations=3&pending=0');
	const request = { method: 'POST', publicUrl: 'https://n8n.example.com/webhook/x/webhook', rawQuery: '', rawBody, signature: signCryptApi(rawBody, privatePem) };
	add('cryptapi POST, key parsed once (cached by PEM)', () => verifyCryptApiCallback(request, cryptApiPublicKey(publicPem)).ok);
	add('cryptapi POST, PEM parsed per request (avoided)', () => verifyCryptApiCallback(request, createPublicKey(publicPem)).ok);
}

{
	const { crypto2bCallbackHeaders, verifyCrypto2bCallback } = require('../dist/nodes/Crypto2b/signature.js');
	const secret = Buffer.alloc(128, 7);
	const body = Buffer.from('{"data":{"type":"Deposit","id":123456,"status":"Success","date":"2024-01-15T10:30:00Z","clientDepositId":"c-1","error":null}}');
	const timestamp = '1700000000000';
	const sign = { secret, timestamp, recvWindow: '5000', relativeUrl: '/webhook/x/webhook', body };
	const h = crypto2bCallbackHeaders({ ...sign, publicKey: 'd93b40983c61423c9a849956bf1c3549' });
	const headers = { key: h['X-Processing-Key'], timestamp, recvWindow: '5000', signature: h['X-Processing-Signature'] };
	add('crypto2b HMAC-SHA512', () => verifyCrypto2bCallback({ rawBody: body, headers, relativeUrl: '/webhook/x/webhook', publicKey: 'd93b40983c61423c9a849956bf1c3549', secret, nowMs: 1700000001000 }).ok);
}

{
	const { signKoyweBody, signKoywe, verifyKoyweBodySignature, verifyKoyweHeaderSignature } = require('../dist/nodes/Koywe/signature.js');
	const payload = '{"eventName":"crypto_delivered","orderId":"5a3288ea-0bd4-44d2-af11-aae1f88bbd61","timeStamp":"2022-10-26T22:36:41.658Z"}';
	const body = Buffer.from(signKoyweBody(payload, 'bench-secret'));
	const headerBody = Buffer.from('{"id":"evt_1","type":"order.completed","data":{"orderId":"5a3288ea-0bd4-44d2-af11-aae1f88bbd61"}}');
	const headerSig = signKoywe(headerBody, 'bench-secret');
	add('koywe body signature (re-encoded JSON)', () => verifyKoyweBodySignature(body, 'bench-secret').ok);
	add('koywe Koywe-Signature header', () => verifyKoyweHeaderSignature(headerBody, headerSig, 'bench-secret').ok);
}

{
	const { cryptofuseSignedHeaders, verifyCryptofuseWebhook } = require('../dist/nodes/Cryptofuse/signature.js');
	const { DEFAULT_SIGNATURE_SETTINGS } = require('../dist/nodes/Cryptofuse/settings.js');
	const body = Buffer.from('{"event":"payment_status_update","data":{"transaction_id":"t","status":"completed","pay_amount":"10.5"},"timestamp":"2025-01-01T00:00:00Z"}');
	const settings = { ...DEFAULT_SIGNATURE_SETTINGS, signedContent: 'timestampDotBody' };
	const now = new Date('2025-01-01T00:00:01Z');
	const headers = Object.fromEntries(Object.entries(cryptofuseSignedHeaders(body, 'whsk_bench', settings, now)).map(([k, v]) => [k.toLowerCase(), v]));
	add('cryptofuse HMAC-SHA256 over timestamp.body', () => verifyCryptofuseWebhook(body, headers, 'whsk_bench', settings, now.getTime()).ok);
}

function measure(fn) {
	for (let i = 0; i < 200; i++) if (!fn()) throw new Error('benchmark case did not verify as expected');
	let n = 0;
	const start = performance.now();
	while (performance.now() - start < 1000) {
		fn();
		n++;
	}
	const ms = performance.now() - start;
	return { perSecond: Math.round((n / ms) * 1000), microseconds: ((ms * 1000) / n).toFixed(1) };
}

console.log(`node ${process.version}`);
for (const { name, fn } of cases) {
	const { perSecond, microseconds } = measure(fn);
	console.log(`${name.padEnd(52)} ${String(perSecond).padStart(9)} /s  ${microseconds.padStart(9)} µs/op`);
}
