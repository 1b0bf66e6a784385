/**
 * CryptAPI inside a real n8n: CryptAPI Trigger installed from the packed tarball, called with GET and POST (form and
 * JSON) callbacks signed by the package's own `signCryptApi` with the test key (test/fixtures/cryptapi), and the loop
 * with the CryptAPI action node against the fake CryptAPI (test/fake-cryptapi).
 * Lanes come from cryptapi.setup.mjs; the harness is documented in harness/index.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signCryptApi } from '../../nodes/CryptApi/signature';
import { startFakeCryptApi, type FakeCryptApi } from '../fake-cryptapi/server';
import {
	countExecutions,
	deliver,
	e2eSuite,
	listExecutions,
	waitForExecutions,
	type Delivery,
	type Json,
	type Lane,
} from './harness';

const { run, capture } = e2eSuite();

const fixtures = join(__dirname, '..', 'fixtures', 'cryptapi');
const PRIVATE_KEY = readFileSync(join(fixtures, 'cryptapi-test-private.pem'), 'utf8');
const SPLIT_CONVERT_JSON = readFileSync(join(fixtures, 'split-convert.json'), 'utf8');

const NO_BODY = { 'content-type': undefined };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

/** A fresh payment uuid per scenario (so dedupe lanes and items never mix scenarios). */
const newUuid = (tag: string) => `e2e-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A GET callback's raw query: the merchant's parameters first (percent-encoded and `+`), then CryptAPI's fields. */
function getQuery(uuid: string, pending: 0 | 1): string {
	return `order_id=A%2F17+B&nonce=n%3D1&uuid=${uuid}&address_in=3PFoGK63cVVUWnd2vu7W1kM83NXUfvzMqM&txid_in=a2174ffd39&value_coin=0.05&coin=btc&confirmations=3&pending=${pending}`;
}

/** Sends a GET callback signed over the lane's public URL + raw query, as CryptAPI does. */
async function sendGet(lane: Lane, rawQuery: string, expect: { items?: number; executions?: number } = {}, signedQuery = rawQuery) {
	const url = `${lane.url}?${rawQuery}`;
	// the harness must send the query bytes unchanged, or the scenario would test the URL parser, not the node
	if (new URL(url).href !== url) throw new Error('query would be re-encoded by the URL parser');
	const signature = signCryptApi(`${lane.url}?${signedQuery}`, PRIVATE_KEY);
	return deliver(run, capture, lane, { method: 'GET', query: `?${rawQuery}`, headers: { ...NO_BODY, 'x-ca-signature': signature } }, expect);
}

function expectAck(r: Delivery) {
	expect(r.status).toBe(200);
	expect(r.headers.get('content-type')).toMatch(/^text\/plain\b/);
	expect(Buffer.from(r.body, 'utf8').equals(Buffer.from('*ok*', 'ascii'))).toBe(true);
}

function expectRefused(r: Delivery) {
	expect([r.status, r.body]).toEqual([401, 'Unauthorized']);
	expect(r.executions).toBe(0);
	expect(r.items).toHaveLength(0);
}

describe('cryptapi', () => {
	it('GET callback (percent-encoded and + in the query) → 200 *ok*, one execution, normalized item', async () => {
		const uuid = newUuid('get');
		const r = await sendGet(run.lane('cryptapi.all'), getQuery(uuid, 0), { items: 1 });
		expectAck(r);
		expect(r.executions).toBe(1);
		expect(r.items).toHaveLength(1);
		expect(r.items[0]).toMatchObject({
			provider: 'cryptapi',
			event: 'confirmed',
			status: 'confirmed',
			state: 'completed',
			isFinal: true,
			id: uuid,
			orderId: 'A/17 B',
			amount: '0.05',
			currency: 'btc',
			txHash: 'a2174ffd39',
			confirmations: 3,
			dedupeKey: `${uuid}:0`,
			delivery: 'get',
			customParams: { order_id: 'A/17 B', nonce: 'n=1' },
			customParamsSigned: true,
		});
		expect(r.items[0].payload).toMatchObject({ uuid, pending: '0', value_coin: '0.05' });
	});

	it('POST form callback → 200 *ok*; query parameters reported as unsigned, no orderId', async () => {
		const uuid = newUuid('form');
		const body = `uuid=${uuid}&address_in=3PFoGK63cVVUWnd2vu7W1kM83NXUfvzMqM&txid_in=a2174ffd39&value_coin=0.05&confirmations=3&pending=1`;
		const headers = { ...FORM, 'x-ca-signature': signCryptApi(body, PRIVATE_KEY) };
		const r = await deliver(run, capture, run.lane('cryptapi.all'), { body, headers, query: '?order_id=123' }, { items: 1 });
		expectAck(r);
		expect(r.executions).toBe(1);
		expect(r.items[0]).toMatchObject({
			event: 'pending',
			state: 'pending',
			isFinal: false,
			id: uuid,
			orderId: null,
			dedupeKey: `${uuid}:1`,
			delivery: 'post-form',
			customParams: { order_id: '123' },
			customParamsSigned: false,
		});
	});

	it('POST JSON callback → 200 *ok*; amount as sent, convert and split address_out decoded', async () => {
		const body = SPLIT_CONVERT_JSON;
		const headers = { ...JSON_TYPE, 'x-ca-signature': signCryptApi(body, PRIVATE_KEY) };
		const r = await deliver(run, capture, run.lane('cryptapi.all'), { body, headers }, { items: 1 });
		expectAck(r);
		expect(r.executions).toBe(1);
		const sent = JSON.parse(body) as Record<string, string>;
		expect(r.items[0]).toMatchObject({ delivery: 'post-json', amount: '1000.50', currency: 'trc20_usdt', network: 'trc20' });
		expect(r.items[0].payload).toMatchObject({
			value_coin_convert: JSON.parse(sent.value_coin_convert),
			address_out: JSON.parse(sent.address_out),
		});
	});

	it('GET with a tampered query parameter → 401, zero executions', async () => {
		const query = getQuery(newUuid('tamper'), 0);
		const r = await sendGet(run.lane('cryptapi.all'), query.replace('value_coin=0.05', 'value_coin=5.05'), {}, query);
		expectRefused(r);
	});

	it('GET without a signature → 401, zero executions', async () => {
		const query = getQuery(newUuid('unsigned'), 0);
		const r = await deliver(run, capture, run.lane('cryptapi.all'), { method: 'GET', query: `?${query}`, headers: NO_BODY });
		expectRefused(r);
	});

	it('POST with a tampered body → 401, zero executions', async () => {
		const body = SPLIT_CONVERT_JSON;
		const headers = { ...JSON_TYPE, 'x-ca-signature': signCryptApi(body, PRIVATE_KEY) };
		const forged = body.replace('"value_coin":1000.50', '"value_coin":9000.50');
		expect(forged).not.toBe(body);
		expectRefused(await deliver(run, capture, run.lane('cryptapi.all'), { body: forged, headers }));
	});

	it('a GET callback\'s signed URL replayed as a POST body → 401, zero executions', async () => {
		const lane = run.lane('cryptapi.all');
		const query = getQuery(newUuid('replay'), 0);
		const body = `${lane.url}?${query}`;
		const headers = { ...FORM, 'x-ca-signature': signCryptApi(body, PRIVATE_KEY) };
		expectRefused(await deliver(run, capture, lane, { body, headers, query: `?${query}` }));
	});

	it('test-key signature on a trigger using CryptAPI\'s built-in key → 401, zero executions', async () => {
		expectRefused(await sendGet(run.lane('cryptapi.builtinKey'), getQuery(newUuid('builtin'), 0)));
	});

	it('pending callback to a confirmed-only trigger → 200 *ok*, zero executions', async () => {
		const r = await sendGet(run.lane('cryptapi.confirmedOnly'), getQuery(newUuid('filter'), 1));
		expectAck(r);
		expect(r.executions).toBe(0);
		expect(r.items).toHaveLength(0);
	});

	it('same GET callback twice through Remove Duplicates (dedupeKey) → captured once', async () => {
		const lane = run.lane('cryptapi.dedupe');
		const query = getQuery(newUuid('dedupe'), 0);
		const first = await sendGet(lane, query, { items: 1 });
		expectAck(first);
		expect([first.executions, first.items.length]).toEqual([1, 1]);
		const second = await sendGet(lane, query, { executions: 1 });
		expectAck(second);
		expect([second.executions, second.items.length]).toEqual([1, 0]);
		expect(capture.count(lane.captureTag)).toBe(1);
	});

	describe('loop: CryptAPI node → fake CryptAPI → CryptAPI Trigger', () => {
		let fake: FakeCryptApi;
		beforeAll(async () => {
			fake = await startFakeCryptApi({ port: run.port('fakeCryptApi') });
		});
		afterAll(async () => {
			await fake?.close();
		});

		/** An order ID with characters that must be encoded in the callback URL (and come back unchanged). */
		const newOrderId = () => `A/${Date.now().toString(36)} B&C=1+2 ü`;
		/** order_id as the node encodes it into the callback URL (RFC 3986, once). */
		const encodedOrderId = (orderId: string) =>
			encodeURIComponent(orderId).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

		it('Create (callback = Trigger URL + order_id) → signed GET callback → one execution with orderId → Get Logs shows it', async () => {
			const orderId = newOrderId();
			const body = JSON.stringify({ orderId });
			const trigger = run.lane('cryptapi.loopTrigger');
			const triggerRuns = await countExecutions(run, trigger);
			const captured = capture.count(trigger.captureTag);

			// 1. Create: the request went out with the callback URL encoded once; the node's output is CryptAPI's answer.
			const created = await deliver(run, capture, run.lane('cryptapi.loopCreate'), { body }, { items: 1 });
			const callbackUrl = `${trigger.url}?order_id=${encodedOrderId(orderId)}`;
			expect(created.items[0]).toMatchObject({
				status: 'success',
				address_out: '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP',
				callback_url: callbackUrl,
			});
			const apiCall = fake.requests.find((q) => q.path === '/btc/create/' && q.query.callback === callbackUrl);
			expect(apiCall?.rawQuery).toBe(
				`callback=${encodeURIComponent(callbackUrl)}&address=1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP&confirmations=2`,
			);

			// 2. The customer pays: the fake calls the callback URL (GET, signed over the full URL) and the trigger answers *ok*.
			const payment = await fake.pay({ callback: callbackUrl }, '1.23456789012345678');
			const [callback] = fake.callbacks.filter((c) => c.url.startsWith(`${callbackUrl}&uuid=${payment.uuid}&`));
			expect([callback.method, callback.answer, callback.answerBody]).toEqual(['GET', 200, '*ok*']);
			const [item] = (await capture.waitFor(trigger.captureTag, captured + 1)).slice(captured) as Json[];
			expect(item).toMatchObject({
				provider: 'cryptapi',
				event: 'confirmed',
				state: 'completed',
				id: payment.uuid,
				orderId,
				amount: '1.23456789012345678',
				currency: 'btc',
				confirmations: 2,
				delivery: 'get',
				customParams: { order_id: orderId },
				customParamsSigned: true,
			});
			expect(await waitForExecutions(run, trigger, triggerRuns + 1)).toBe(triggerRuns + 1);
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			expect(await countExecutions(run, trigger)).toBe(triggerRuns + 1);

			// 3. Get Logs with the same fields finds the address by the same callback URL and shows the acknowledged callback.
			const logs = await deliver(run, capture, run.lane('cryptapi.loopLogs'), { body }, { items: 1 });
			expect(logs.items[0]).toMatchObject({ address_in: created.items[0].address_in, callback_url: callbackUrl, notify_confirmations: 2 });
			const [entry] = (logs.items[0] as { callbacks: Json[] }).callbacks;
			// a JSON number a JS number cannot hold: output as its exact text
			expect(entry).toMatchObject({ txid_in: payment.txidIn, value_coin: '1.23456789012345678', result: 'done' });
			expect((entry.logs as Json[])[0]).toMatchObject({ request_url: callback.url, responses: '*ok*', response_status: '200' });
		});

		it('Create with the same order again → the same payment address (no second address for a retried workflow)', async () => {
			const body = JSON.stringify({ orderId: 'retried-order' });
			const first = await deliver(run, capture, run.lane('cryptapi.loopCreate'), { body }, { items: 1 });
			const again = await deliver(run, capture, run.lane('cryptapi.loopCreate'), { body }, { items: 1 });
			expect(again.items[0].address_in).toBe(first.items[0].address_in);
		});

		it('Get QR Code → the PNG arrives as binary data (image/png) in n8n', async () => {
			const r = await deliver(run, capture, run.lane('cryptapi.qrCode'), { body: JSON.stringify({ address: '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP' }) }, { items: 1 });
			expect(r.items[0]).toMatchObject({
				status: 'success',
				payment_uri: 'bitcoin:1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP?amount=0.0015',
				mimeType: 'image/png',
				fileName: 'qrcode-btc.png',
			});
			expect(fake.requests.some((q) => q.path === '/btc/qrcode/' && q.rawQuery === 'address=1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP&value=0.0015&size=256')).toBe(true);
		});

		it('Get Logs for an order CryptAPI never saw → the execution fails with CryptAPI\'s message', async () => {
			const lane = run.lane('cryptapi.loopLogs');
			const r = await deliver(run, capture, lane, { body: JSON.stringify({ orderId: 'never-created' }) }, { executions: 1 });
			expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 0]);
			const failed = (await listExecutions(run, lane)).filter((e) => e.status === 'error');
			expect(failed.some((e) => JSON.stringify(e.data?.resultData ?? {}).includes('CryptAPI rejected the request: Callback not found'))).toBe(true);
		});
	});
});
