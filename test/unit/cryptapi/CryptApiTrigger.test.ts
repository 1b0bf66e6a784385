import type { IWebhookFunctions } from 'n8n-workflow';

import { CRYPTAPI_IPS, CryptApiTrigger } from '../../../nodes/CryptApiTrigger/CryptApiTrigger.node';
import { signCryptApi } from '../../../nodes/CryptApi/signature';
import { runActivation, runWebhook, type MockRequest, type MockSetup } from '../../helpers/webhookContext';
import { GET_VECTOR_QUERY, readFixture, TEST_PRIVATE_PEM, TEST_PUBLIC_PEM, vectors } from './fixtures';

const node = new CryptApiTrigger();
const NODE_TYPE = 'n8n-nodes-crypto-webhooks.cryptApiTrigger';
/** The node's Production URL as n8n publishes it (WEBHOOK_URL=https://n8n.example.com/, webhookId abc-123). */
const PUBLIC_URL = 'https://n8n.example.com/webhook/abc-123/webhook';
const REQUEST_PATH = '/webhook/abc-123/webhook';
/** The spec's GET vector was signed for this callback URL: reached through the Public Callback URL option. */
const VECTOR_OPTIONS = { options: { publicCallbackUrl: vectors.get.publicBase } };

function setup(request: MockRequest, parameters: Record<string, unknown> = {}, webhookUrl = PUBLIC_URL): MockSetup {
	return {
		nodeType: NODE_TYPE,
		parameters: { events: ['pending', 'confirmed'], publicKey: TEST_PUBLIC_PEM, options: {}, ...parameters },
		webhookUrl,
		request,
	};
}

const getRequest = (rawQuery: string, signature?: string, extra: Partial<MockRequest> = {}): MockRequest => ({
	method: 'GET',
	url: `${REQUEST_PATH}?${rawQuery}`,
	headers: signature === undefined ? {} : { 'x-ca-signature': signature },
	...extra,
});

const postRequest = (body: string, signature?: string, rawQuery = '', contentType = 'application/x-www-form-urlencoded'): MockRequest => ({
	method: 'POST',
	url: rawQuery === '' ? REQUEST_PATH : `${REQUEST_PATH}?${rawQuery}`,
	headers: { 'content-type': contentType, ...(signature === undefined ? {} : { 'X-CA-Signature': signature }) },
	body,
});

/** A GET callback signed over `publicBase?rawQuery` with the test key. */
const signedGet = (rawQuery: string, publicBase = PUBLIC_URL) => signCryptApi(`${publicBase}?${rawQuery}`, TEST_PRIVATE_PEM);

function expectOk(run: Awaited<ReturnType<typeof runWebhook>>) {
	expect(run.response.status).toBe(200);
	expect(run.response.headers['content-type']).toBe('text/plain; charset=utf-8');
	expect(run.response.body).toBe('*ok*');
	expect(run.result.noWebhookResponse).toBe(true);
}

function expectRejected(run: Awaited<ReturnType<typeof runWebhook>>, status: number) {
	expect(run.response.status).toBe(status);
	expect(run.response.body).not.toBe('*ok*');
	expect(run.items).toHaveLength(0);
	expect(run.result.workflowData).toBeUndefined();
	expect(run.result.noWebhookResponse).toBe(true);
}

describe('CryptApiTrigger description', () => {
	it('listens for GET and POST on the same path, answering itself', () => {
		const hooks = node.description.webhooks ?? [];
		expect(hooks.map((hook) => hook.httpMethod).sort()).toEqual(['GET', 'POST']);
		for (const hook of hooks) {
			expect(hook).toMatchObject({ name: 'default', path: 'webhook', responseMode: 'onReceived', responseData: '' });
		}
		expect(node.description.name).toBe('cryptApiTrigger');
		expect(node.description.credentials).toBeUndefined();
	});

	it('offers the published IPs as a hint, with the allowlist off by default', () => {
		const options = node.description.properties.find((p) => p.name === 'options')?.options ?? [];
		const allowlist = options.find((o) => 'name' in o && o.name === 'ipAllowlist') as { default: string; description: string };
		expect(allowlist.default).toBe('');
		for (const ip of CRYPTAPI_IPS.split(', ')) expect(allowlist.description).toContain(ip);
	});
});

describe('CryptApiTrigger GET callbacks', () => {
	it('accepts the spec vector and emits the normalized item', async () => {
		const run = await runWebhook(node, setup(getRequest(GET_VECTOR_QUERY, vectors.get.signature), VECTOR_OPTIONS));
		expectOk(run);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			provider: 'cryptapi',
			event: 'confirmed',
			state: 'completed',
			id: 'dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2',
			orderId: '123',
			amount: '0.05',
			dedupeKey: 'dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2:0',
			delivery: 'get',
			customParams: { order_id: '123', nonce: 'abc' },
			customParamsSigned: true,
		});
		expect(typeof run.items[0].receivedAt).toBe('string');
		expect(run.items[0].payload).toMatchObject({ uuid: 'dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2', pending: '0' });
	});

	it('accepts percent-encoded and + characters, verifying the raw query', async () => {
		const rawQuery = 'order_id=A%2FB+C&note=caf%C3%A9%20%2B1&uuid=u-1&pending=1&value_coin=0.10';
		const run = await runWebhook(node, setup(getRequest(rawQuery, signedGet(rawQuery))));
		expectOk(run);
		expect(run.items[0]).toMatchObject({ event: 'pending', amount: '0.10', orderId: 'A/B C' });
		expect(run.items[0].customParams).toEqual({ order_id: 'A/B C', note: 'café +1' });
	});

	it('verifies over the public URL when the request reached n8n on another host (proxy)', async () => {
		const publicUrl = 'https://pay.example.org/webhook/abc-123/webhook';
		const rawQuery = 'order_id=7&uuid=u-7&pending=0&value_coin=1';
		const request = getRequest(rawQuery, signedGet(rawQuery, publicUrl), {
			url: `/webhook/abc-123/webhook?${rawQuery}`,
			headers: { 'x-ca-signature': signedGet(rawQuery, publicUrl), host: '10.0.0.5:5678', 'x-forwarded-proto': 'https' },
		});
		const run = await runWebhook(node, setup(request, {}, publicUrl));
		expectOk(run);
		expect(run.items).toHaveLength(1);
	});

	it('uses the Public Callback URL option when CryptAPI was given another URL', async () => {
		const override = 'https://shop.example.com/hooks/cryptapi';
		const rawQuery = 'uuid=u-8&pending=0&value_coin=2';
		const request = getRequest(rawQuery, signedGet(rawQuery, override));
		expectRejected(await runWebhook(node, setup(request)), 401);
		const run = await runWebhook(node, setup(request, { options: { publicCallbackUrl: `${override}?ignored=1` } }));
		expectOk(run);
		expect(run.items).toHaveLength(1);
	});

	it('verifies against the URL n8n says was called (test URL on n8n 2.x), not the production URL', async () => {
		const testUrl = 'https://n8n.example.com/webhook-test/abc-123/webhook';
		const rawQuery = 'uuid=u-9&pending=0';
		const request = getRequest(rawQuery, signedGet(rawQuery, testUrl));
		expectRejected(await runWebhook(node, setup(request)), 401);
		const response: { status?: number; body?: string } = {};
		const res = {
			status: (code: number) => ((response.status = code), res),
			setHeader: () => res,
			send: (body: string) => ((response.body = body), res),
		};
		const ctx = {
			getNode: () => ({ name: 'Trigger', type: NODE_TYPE }),
			getWorkflow: () => ({ id: 'workflow-1' }),
			getNodeParameter: (name: string, fallback: unknown) =>
				({ events: ['pending', 'confirmed'], publicKey: TEST_PUBLIC_PEM, options: {} })[name] ?? fallback,
			getRequestObject: () => ({ method: 'GET', originalUrl: request.url, headers: request.headers, socket: {} }),
			getResponseObject: () => res,
			getHeaderData: () => request.headers,
			getNodeWebhookUrl: () => PUBLIC_URL,
			getWebhookResourceUrl: () => testUrl,
			logger: { debug: () => undefined, warn: () => undefined, error: () => undefined },
		} as unknown as IWebhookFunctions;
		const result = await node.webhook.call(ctx);
		expect(response).toEqual({ status: 200, body: '*ok*' });
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	it.each(['n8n1', 'n8n2'] as const)(
		'GET at the test URL ("Listen for test event", %s) verifies over the test URL, not the production URL',
		async (version) => {
			const testUrl = PUBLIC_URL.replace('/webhook/', '/webhook-test/');
			const rawQuery = 'uuid=u-10&pending=0';
			const atTestUrl = (signedFor: string) =>
				setup({ ...getRequest(rawQuery, signedGet(rawQuery, signedFor)), url: `/webhook-test/abc-123/webhook?${rawQuery}` });
			const run = await runWebhook(node, { ...atTestUrl(testUrl), testWebhook: version });
			expectOk(run);
			expect(run.items).toHaveLength(1);
			expectRejected(await runWebhook(node, { ...atTestUrl(PUBLIC_URL), testWebhook: version }), 401);
		},
	);

	it('rejects a tampered query parameter with 401 and logs the reason only', async () => {
		const tampered = GET_VECTOR_QUERY.replace('order_id=123', 'order_id=999');
		const run = await runWebhook(node, setup(getRequest(tampered, vectors.get.signature), VECTOR_OPTIONS));
		expectRejected(run, 401);
		expect(run.response.body).toBe('Unauthorized');
		const logged = JSON.stringify(run.logs);
		expect(logged).toContain('mismatch');
		expect(logged).not.toContain(vectors.get.signature);
		expect(logged).not.toContain('3PFoGK63cVVUWnd2vu7W1kM83NXUfvzMqM');
	});

	it('rejects a missing or malformed signature with 401', async () => {
		expectRejected(await runWebhook(node, setup(getRequest(GET_VECTOR_QUERY), VECTOR_OPTIONS)), 401);
		expectRejected(await runWebhook(node, setup(getRequest(GET_VECTOR_QUERY, '%%%'), VECTOR_OPTIONS)), 401);
	});

	it('rejects test-key signatures when the built-in CryptAPI key is used', async () => {
		const run = await runWebhook(node, setup(getRequest(GET_VECTOR_QUERY, vectors.get.signature), { ...VECTOR_OPTIONS, publicKey: '' }));
		expectRejected(run, 401);
	});
});

describe('CryptApiTrigger POST callbacks', () => {
	it('accepts the form vector; query parameters are exposed as unsigned and give no orderId', async () => {
		const run = await runWebhook(node, setup(postRequest(vectors.postForm.signedData, vectors.postForm.signature, 'order_id=123')));
		expectOk(run);
		expect(run.items[0]).toMatchObject({
			event: 'confirmed',
			orderId: null,
			amount: '0.05',
			confirmations: 3,
			delivery: 'post-form',
			customParams: { order_id: '123' },
			customParamsSigned: false,
		});
	});

	it('accepts the JSON vector, also when n8n reads the raw body lazily', async () => {
		const request = { ...postRequest(vectors.postJson.signedData, vectors.postJson.signature, '', 'application/json'), lazyRawBody: true };
		const run = await runWebhook(node, setup(request));
		expectOk(run);
		expect(run.items[0]).toMatchObject({ delivery: 'post-json', amount: '0.05', event: 'confirmed' });
	});

	it('decodes convert maps and split address_out in the emitted payload', async () => {
		const body = readFixture('split-convert.json');
		const run = await runWebhook(node, setup(postRequest(body, signCryptApi(body, TEST_PRIVATE_PEM), '', 'application/json')));
		expectOk(run);
		const payload = run.items[0].payload as Record<string, unknown>;
		expect(payload.value_coin_convert).toEqual({ USD: '1000.71', EUR: '921.30' });
		expect(run.items[0].amount).toBe('1000.50');
	});

	it('rejects a tampered body with 401', async () => {
		const body = vectors.postForm.signedData.replace('pending=0', 'pending=1');
		expectRejected(await runWebhook(node, setup(postRequest(body, vectors.postForm.signature))), 401);
	});

	it('rejects a GET callback\'s signed URL replayed as a POST body', async () => {
		const run = await runWebhook(node, setup(postRequest(vectors.get.signedData, vectors.get.signature, GET_VECTOR_QUERY)));
		expectRejected(run, 401);
	});

	it('answers 400 for a validly signed body that is not a CryptAPI callback', async () => {
		const body = '{"hello":"world"}';
		const run = await runWebhook(node, setup(postRequest(body, signCryptApi(body, TEST_PRIVATE_PEM), '', 'application/json')));
		expectRejected(run, 400);
	});
});

describe('CryptApiTrigger filters and options', () => {
	it('acknowledges an unselected event with *ok* and starts nothing', async () => {
		const rawQuery = 'uuid=u-p&pending=1';
		const run = await runWebhook(node, setup(getRequest(rawQuery, signedGet(rawQuery)), { events: ['confirmed'] }));
		expectOk(run);
		expect(run.items).toHaveLength(0);
		expect(run.result.workflowData).toBeUndefined();
	});

	it('starts an event with an unknown pending value only when every event is selected', async () => {
		const rawQuery = 'uuid=u-x&pending=7';
		const signature = signedGet(rawQuery);
		const all = await runWebhook(node, setup(getRequest(rawQuery, signature)));
		expect(all.items[0]).toMatchObject({ event: 'unknown', state: 'unknown', isFinal: false });
		const some = await runWebhook(node, setup(getRequest(rawQuery, signature), { events: ['confirmed'] }));
		expectOk(some);
		expect(some.items).toHaveLength(0);
	});

	it('hides the payload when Include Raw Payload is off', async () => {
		const run = await runWebhook(node, setup(getRequest(GET_VECTOR_QUERY, vectors.get.signature), { options: { ...VECTOR_OPTIONS.options, includePayload: false } }));
		expectOk(run);
		expect(run.items[0]).not.toHaveProperty('payload');
	});

	it('checks the optional IP allowlist before anything else', async () => {
		const request = getRequest(GET_VECTOR_QUERY, vectors.get.signature, { remoteAddress: '203.0.113.9' });
		const options = { options: { ...VECTOR_OPTIONS.options, ipAllowlist: CRYPTAPI_IPS } };
		expectRejected(await runWebhook(node, setup(request, options)), 403);
		const allowed = { ...request, remoteAddress: '::ffff:51.77.105.132' };
		expectOk(await runWebhook(node, setup(allowed, options)));
	});

	it('answers an unparsable key with 500 (CryptAPI retries) and logs a configuration error', async () => {
		const run = await runWebhook(node, setup(getRequest(GET_VECTOR_QUERY, vectors.get.signature), { ...VECTOR_OPTIONS, publicKey: 'not a key' }));
		expectRejected(run, 500);
		expect(run.logs.some((line) => line.level === 'error' && line.message.includes('configuration_error'))).toBe(true);
	});
});

describe('CryptApiTrigger activation', () => {
	it('activates with the built-in key, a valid PEM and a valid override URL', async () => {
		await expect(runActivation(node, setup({}, { publicKey: '' }))).resolves.toBe(true);
		await expect(runActivation(node, setup({}, { options: { publicCallbackUrl: 'https://shop.example.com/cb' } }))).resolves.toBe(
			true,
		);
	});

	it('refuses an unparsable or private key, a bad override URL and a bad allowlist', async () => {
		await expect(runActivation(node, setup({}, { publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }))).rejects.toThrow(
			/could not be parsed/,
		);
		await expect(runActivation(node, setup({}, { publicKey: TEST_PRIVATE_PEM }))).rejects.toThrow(/private key/);
		await expect(runActivation(node, setup({}, { options: { publicCallbackUrl: 'shop.example.com/cb' } }))).rejects.toThrow(
			/Public Callback URL/,
		);
		await expect(runActivation(node, setup({}, { options: { ipAllowlist: '51.77.105' } }))).rejects.toThrow(/51\.77\.105/);
	});
});
