/**
 * "Test this trigger" in a real n8n: for every trigger of the package, the editor's "Listen for test event" is
 * pressed through n8n's REST API (harness/testWebhook.ts), a signed callback goes to the trigger's test URL
 * (`/webhook-test/…`), and the manual execution's trigger output is read back — what the editor's output panel
 * shows. CryptAPI signs the full URL and Crypto2B its path: they are signed for the test URL, as the provider would
 * sign a callback sent there. Lanes are the providers' own (`<provider>.setup.mjs`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signCryptApi } from '../../nodes/CryptApi/signature';
import { decodeCrypto2bSecret } from '../../nodes/Crypto2b/keys';
import { crypto2bCallbackHeaders } from '../../nodes/Crypto2b/signature';
import { DEFAULT_SIGNATURE_SETTINGS } from '../../nodes/Cryptofuse/settings';
import { cryptofuseSignedHeaders } from '../../nodes/Cryptofuse/signature';
import { signCryptomusWebhookBody } from '../../nodes/Cryptomus/signature';
import { cryptomusTestCredentials, readCryptomusFixture } from '../helpers/cryptomusFixtures';
import { e2eSuite, send, type HttpRequest, type Json } from './harness';
import { listenForTestEvent } from './harness/testWebhook';

// The capture server must run: the lanes end in a capture node (the user-validation lane answers with its result).
const { run } = e2eSuite();
const fixture = (...parts: string[]) => readFileSync(join(__dirname, '..', 'fixtures', ...parts));
const uuid = (tag: string) => `e2e-test-url-${tag}-${Date.now().toString(36)}`;

/** Listens on the lane's test URL, sends what `build(testUrl)` makes, and returns the answer and the manual run. */
async function testEvent(laneKey: string, build: (testUrl: string) => HttpRequest & { path?: string }) {
	const lane = run.lane(laneKey);
	const listener = await listenForTestEvent(run, lane);
	try {
		const { path = '', ...request } = build(listener.testUrl);
		const answer = await send(listener.testUrl + path, { method: lane.method, ...request });
		const execution = await listener.execution(answer.status === 200 ? 20_000 : 1_500);
		return { answer, execution, item: execution?.item as Json | undefined };
	} finally {
		await listener.stop();
	}
}

describe('test URL ("Listen for test event")', () => {
	it('Cryptomus: signed payment webhook at the test URL → 200, manual execution with the item', async () => {
		const keys = cryptomusTestCredentials;
		const body = signCryptomusWebhookBody(readCryptomusFixture('payment-example.unsigned.json').trim(), keys.paymentApiKey);
		const r = await testEvent('cryptomus.all', () => ({ body }));
		expect(r.answer.status).toBe(200);
		expect(r.execution?.mode).toBe('manual');
		expect(r.item).toMatchObject({ provider: 'cryptomus', event: 'payment', signedWith: 'payment' });
	});

	it('CryptAPI: GET callback signed over the full test URL → *ok*, manual execution with the item', async () => {
		const id = uuid('cryptapi');
		const query = `order_id=T-1&uuid=${id}&address_in=3PFoGK63cVVUWnd2vu7W1kM83NXUfvzMqM&txid_in=a2174ffd39&value_coin=0.05&coin=btc&confirmations=3&pending=0`;
		const key = fixture('cryptapi', 'cryptapi-test-private.pem').toString('utf8');
		const r = await testEvent('cryptapi.all', (testUrl) => ({
			method: 'GET',
			path: `?${query}`,
			headers: { 'content-type': undefined, 'x-ca-signature': signCryptApi(`${testUrl}?${query}`, key) },
		}));
		expect([r.answer.status, r.answer.body]).toEqual([200, '*ok*']);
		expect(r.item).toMatchObject({ provider: 'cryptapi', id, orderId: 'T-1', customParamsSigned: true });
	});

	it('CryptAPI: GET callback signed over the production URL, sent to the test URL → 401, nothing starts', async () => {
		const lane = run.lane('cryptapi.all');
		const query = `uuid=${uuid('cryptapi-prod')}&value_coin=0.05&coin=btc&pending=0`;
		const key = fixture('cryptapi', 'cryptapi-test-private.pem').toString('utf8');
		const r = await testEvent('cryptapi.all', () => ({
			method: 'GET',
			path: `?${query}`,
			headers: { 'content-type': undefined, 'x-ca-signature': signCryptApi(`${lane.url}?${query}`, key) },
		}));
		expect([r.answer.status, r.answer.body, r.execution]).toEqual([401, 'Unauthorized', undefined]);
	});

	it('Crypto2B: deposit signed for the test URL path → 200, manual execution with the item', async () => {
		const vectors = JSON.parse(fixture('crypto2b', 'vectors.json').toString('utf8')) as { publicKey: string; secretKeyBase64: string };
		const body = fixture('crypto2b', 'constructed-deposit.body.txt');
		const r = await testEvent('crypto2b.all', (testUrl) => ({
			body,
			headers: crypto2bCallbackHeaders({
				publicKey: vectors.publicKey,
				secret: decodeCrypto2bSecret(vectors.secretKeyBase64) as Buffer,
				timestamp: String(Date.now()),
				relativeUrl: new URL(testUrl).pathname,
				body,
			}),
		}));
		expect([r.answer.status, r.answer.body]).toEqual([200, '{"received":true}']);
		expect(r.item).toMatchObject({ provider: 'crypto2b', event: 'deposit', amount: '1000.50' });
	});

	it('Koywe: body-signed order event at the test URL → 200, manual execution with the item', async () => {
		const vectors = JSON.parse(fixture('koywe', 'vectors.json').toString('utf8')) as { body: { deliveredBodyFile: string } };
		const body = fixture('koywe', vectors.body.deliveredBodyFile);
		const r = await testEvent('koywe.body', () => ({ body }));
		expect(r.answer.status).toBe(200);
		expect(r.item).toMatchObject({ provider: 'koywe', event: 'crypto_delivered' });
	});

	it('Koywe user validation: allowed email at the test URL → exactly true, manual execution with {email}', async () => {
		const r = await testEvent('koywe.validate', () => ({
			body: JSON.stringify({ email: 'ana@example.com' }),
			headers: { authorization: 'Bearer e2e.koywe-validation.jwt-not-secret', 'content-type': 'application/json' },
		}));
		expect([r.answer.status, r.answer.body]).toEqual([200, 'true']);
		expect(r.item).toEqual({ email: 'ana@example.com' });
	});

	it('Cryptofuse: v1.0 signed webhook at the test URL → 200, manual execution with the item', async () => {
		const secrets = JSON.parse(fixture('cryptofuse', 'test-credentials.json').toString('utf8')) as { webhookSecret: string };
		const body = fixture('cryptofuse', 'v1-payment-status-update.body.json');
		const r = await testEvent('cryptofuse.all', () => ({
			body,
			headers: cryptofuseSignedHeaders(body, secrets.webhookSecret, DEFAULT_SIGNATURE_SETTINGS, new Date()),
		}));
		expect([r.answer.status, r.answer.body]).toEqual([200, '{"received":true}']);
		expect(r.item).toMatchObject({ provider: 'cryptofuse', event: 'payment_status_update' });
	});
});
