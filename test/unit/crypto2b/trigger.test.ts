import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

import { Crypto2bApi } from '../../../credentials/Crypto2bApi.credentials';
import { Crypto2bTrigger } from '../../../nodes/Crypto2b/Crypto2bTrigger.node';
import { decodeCrypto2bSecret } from '../../../nodes/Crypto2b/keys';
import { crypto2bCallbackHeaders } from '../../../nodes/Crypto2b/signature';
import { runActivation, runWebhook, type MockRequest, type MockSetup } from '../../helpers/webhookContext';
import { constructedBody, vectors as V } from './fixtures';

const TS = Number(V.timestamp);
const secret = decodeCrypto2bSecret(V.secretKeyBase64) as Buffer;
/** The node's production URL (n8n builds it as WEBHOOK_URL + webhook/<webhookId>/webhook). */
const WEBHOOK_URL = 'https://n8n.example.com/webhook/test-webhook-id/webhook';
/** The public URL the spec vectors signed: a proxy forwards it to the node, so the override names it. */
const VECTOR_OVERRIDE = { callbackUrlOverride: 'https://pay.example.com/webhooks/crypto2b' };
const credentials: ICredentialDataDecryptedObject = { publicKey: V.publicKey, secretKey: V.secretKeyBase64 };

const vectorHeaders = {
	'X-Processing-Key': V.publicKey,
	'X-Processing-Timestamp': V.timestamp,
	'X-Processing-RecvWindow': '6000',
	'X-Processing-Signature': V.valid.find((v) => v.recvWindow === '6000')!.signature,
};

function setup(request: MockRequest, overrides: Partial<MockSetup> = {}, options: Record<string, unknown> = {}): MockSetup {
	return {
		nodeType: 'n8n-nodes-crypto-webhooks.crypto2bTrigger',
		parameters: { operationTypes: ['deposit', 'withdrawal', 'service'], statuses: [], options },
		credentials: { crypto2bApi: credentials },
		webhookUrl: WEBHOOK_URL,
		...overrides,
		request,
	};
}

/** The spec vector request, with the override that names the URL it was signed for. */
function vectorSetup(request: MockRequest, overrides: Partial<MockSetup> = {}, options: Record<string, unknown> = {}): MockSetup {
	return setup(request, overrides, { ...VECTOR_OVERRIDE, ...options });
}

/** The spec vector as n8n receives it: the proxy forwarded /webhooks/crypto2b?src=n8n to n8n's own path. */
const vectorRequest: MockRequest = {
	body: V.body,
	headers: vectorHeaders,
	url: '/webhook/test-webhook-id/webhook?src=n8n',
};

/** A body signed for the path of `publicUrl` + `query` (as Crypto2B would call it), at the mocked now. */
function signedRequest(body: Buffer | string, query = '', publicUrl = WEBHOOK_URL): MockRequest {
	const path = new URL(publicUrl).pathname;
	const relativeUrl = query ? `${path}?${query}` : path;
	const headers = crypto2bCallbackHeaders({ publicKey: V.publicKey, secret, timestamp: String(Date.now()), relativeUrl, body });
	const n8nPath = new URL(WEBHOOK_URL).pathname;
	return { body, headers, url: query ? `${n8nPath}?${query}` : n8nPath };
}

const node = new Crypto2bTrigger();
let nowSpy: jest.SpyInstance<number, []>;

function setNow(ms: number): void {
	nowSpy.mockReturnValue(ms);
}

beforeEach(() => {
	nowSpy = jest.spyOn(Date, 'now').mockReturnValue(TS + 1000);
});
afterEach(() => nowSpy.mockRestore());

function expectRejected(run: Awaited<ReturnType<typeof runWebhook>>, status: number, reason: string): void {
	expect(run.response.status).toBe(status);
	expect(run.items).toEqual([]);
	expect(run.result).toEqual({ noWebhookResponse: true });
	expect(run.logs.some((line) => line.message.includes(reason))).toBe(true);
	expect(JSON.stringify(run.logs)).not.toContain(V.secretKeyBase64.slice(0, 16));
}

describe('Crypto2bTrigger.webhook() with the spec vectors', () => {
	it('accepts the recvWindow 6000 vector and emits one normalized item', async () => {
		const run = await runWebhook(node, vectorSetup(vectorRequest));
		expect(run.response).toMatchObject({ status: 200, body: '{"received":true}', ended: true });
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			provider: 'crypto2b',
			event: 'deposit',
			status: 'Success',
			state: 'completed',
			isFinal: false,
			id: '123456',
			orderId: 'client-deposit-001',
			dedupeKey: 'Deposit:123456:Success',
			fees: [],
			payload: JSON.parse(V.body),
		});
		expect(typeof run.items[0].receivedAt).toBe('string');
	});

	it('accepts the vector without X-Processing-RecvWindow (default 5000 ms)', async () => {
		const headers = { ...vectorHeaders, 'X-Processing-Signature': V.valid.find((v) => !v.recvWindow)!.signature };
		delete (headers as Partial<typeof headers>)['X-Processing-RecvWindow'];
		const run = await runWebhook(node, vectorSetup({ ...vectorRequest, headers }));
		expect(run.items).toHaveLength(1);
	});

	it('rejects the wrong-key-reading vector with 401', async () => {
		const headers = { ...vectorHeaders, 'X-Processing-Signature': V.wrongReading.signature };
		const run = await runWebhook(node, vectorSetup({ ...vectorRequest, headers }));
		expectRejected(run, 401, 'mismatch');
		expect(run.response.body).toBe('Unauthorized');
	});

	it('rejects stale and future timestamps', async () => {
		setNow(TS + 6001);
		expectRejected(await runWebhook(node, vectorSetup(vectorRequest)), 401, 'stale');
		setNow(TS - 6001);
		expectRejected(await runWebhook(node, vectorSetup(vectorRequest)), 401, 'stale');
	});

	it('uses the Default Receive Window option when the header is absent', async () => {
		const headers: Record<string, string> = { ...vectorHeaders, 'X-Processing-Signature': V.valid.find((v) => !v.recvWindow)!.signature };
		delete headers['X-Processing-RecvWindow'];
		setNow(TS + 8000);
		expectRejected(await runWebhook(node, vectorSetup({ ...vectorRequest, headers })), 401, 'stale');
		const wider = vectorSetup({ ...vectorRequest, headers }, {}, { defaultRecvWindowMs: 10_000, maxRecvWindowMs: 10_000 });
		expect((await runWebhook(node, wider)).items).toHaveLength(1);
	});

	it('a callback signed a day ago with a one-day window → 401 stale (Maximum Receive Window, default 5000 ms)', async () => {
		const dayAgo = String(TS - 86_399_000);
		const relativeUrl = new URL(VECTOR_OVERRIDE.callbackUrlOverride).pathname + '?src=n8n';
		const headers = crypto2bCallbackHeaders({ publicKey: V.publicKey, secret, timestamp: dayAgo, recvWindow: '86400000', relativeUrl, body: V.body });
		const replay = { ...vectorRequest, headers };
		const run = await runWebhook(node, vectorSetup(replay));
		expectRejected(run, 401, 'stale');
		expect(run.logs.some((line) => line.message.includes('capped by the Maximum Receive Window'))).toBe(true);
		setNow(TS - 86_399_000 + 30_000);
		expect((await runWebhook(node, vectorSetup(replay, {}, { maxRecvWindowMs: 60_000 }))).items).toHaveLength(1);
	});

	it.each(['X-Processing-Key', 'X-Processing-Timestamp', 'X-Processing-Signature'])('rejects a request without %s', async (name) => {
		const headers: Record<string, string> = { ...vectorHeaders };
		delete headers[name];
		expectRejected(await runWebhook(node, vectorSetup({ ...vectorRequest, headers })), 401, 'missing_signature');
	});

	it('rejects an unsigned request', async () => {
		expectRejected(await runWebhook(node, setup({ body: V.body, url: vectorRequest.url })), 401, 'missing_signature');
	});

	it('rejects a callback for another public key', async () => {
		const other = vectorSetup(vectorRequest, { credentials: { crypto2bApi: { ...credentials, publicKey: 'b'.repeat(32) } } });
		expectRejected(await runWebhook(node, other), 401, 'wrong_key');
	});

	it('signs the query string: the same request without it, or with another, is rejected', async () => {
		for (const url of ['/webhook/test-webhook-id/webhook', '/webhook/test-webhook-id/webhook?src=other']) {
			expectRejected(await runWebhook(node, vectorSetup({ ...vectorRequest, url })), 401, 'mismatch');
		}
	});

	it('signs the path: behind a proxy that rewrites it, only the Callback URL Override makes it verify', async () => {
		expectRejected(await runWebhook(node, setup(vectorRequest)), 401, 'mismatch');
		expect((await runWebhook(node, vectorSetup(vectorRequest))).items).toHaveLength(1);
		const pathOnly = setup(vectorRequest, {}, { callbackUrlOverride: '/webhooks/crypto2b' });
		expect((await runWebhook(node, pathOnly)).items).toHaveLength(1);
	});
});

describe('Crypto2bTrigger.webhook() with constructed callbacks', () => {
	it('keeps amounts as literal text: 1000.50 stays "1000.50", fees too', async () => {
		const run = await runWebhook(node, setup(signedRequest(constructedBody('deposit'), 'src=n8n')));
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			amount: '1000.50',
			currency: 'USDT',
			network: 'TRC20',
			confirmations: 20,
			isFinal: true,
			fees: [
				{ type: 'Commercial', amount: '1.00', currency: 'USDT', network: 'TRC20' },
				{ type: 'Technical', amount: '0.345', currency: 'TRX', network: 'TRC20' },
			],
		});
	});

	it('verifies against the public path n8n knows, including a prefix that a proxy strips', async () => {
		const publicUrl = 'https://example.com/n8n/webhook/test-webhook-id/webhook';
		const request = signedRequest(constructedBody('deposit'), 'src=n8n', publicUrl);
		expect(request.url).toBe('/webhook/test-webhook-id/webhook?src=n8n');
		expect((await runWebhook(node, setup(request, { webhookUrl: publicUrl }))).items).toHaveLength(1);
		expectRejected(await runWebhook(node, setup(request)), 401, 'mismatch');
	});

	it.each(['n8n1', 'n8n2'] as const)(
		'verifies at the test URL ("Listen for test event", %s): signed for /webhook-test/…, not the production path',
		async (version) => {
			const testUrl = WEBHOOK_URL.replace('/webhook/', '/webhook-test/');
			const atTestUrl = (signedFor: string): MockRequest => ({
				...signedRequest(constructedBody('deposit'), 'src=n8n', signedFor),
				url: `${new URL(testUrl).pathname}?src=n8n`,
			});
			const test = { testWebhook: version };
			expect((await runWebhook(node, setup(atTestUrl(testUrl), test))).items).toHaveLength(1);
			expectRejected(await runWebhook(node, setup(atTestUrl(WEBHOOK_URL), test)), 401, 'mismatch');
		},
	);

	it('uses the defaults n8n fills in for a freshly added node (all types, all statuses)', async () => {
		const fresh = setup(signedRequest(constructedBody('service')));
		const run = await runWebhook(node, { ...fresh, parameters: {} });
		expect(run.items).toHaveLength(1);
	});

	it('an unexpected internal error is answered 500 without throwing', async () => {
		const request = { ...signedRequest(constructedBody('deposit')), brokenSocket: true };
		const run = await runWebhook(node, setup(request, {}, { ipAllowlist: '203.0.113.0/24' }));
		expect(run.response.status).toBe(500);
		expect(run.items).toEqual([]);
	});

	it('reads the raw body when n8n has not kept it yet', async () => {
		const request = { ...signedRequest(constructedBody('withdrawal')), lazyRawBody: true };
		const run = await runWebhook(node, setup(request));
		expect(run.items[0]).toMatchObject({ event: 'withdrawal', orderId: 'payout/2024/0007', amount: '0.25000000' });
	});

	it('acknowledges unselected operation types and statuses with 200 and starts nothing', async () => {
		const service = setup(signedRequest(constructedBody('service')));
		service.parameters.operationTypes = ['deposit', 'withdrawal'];
		const skipped = await runWebhook(node, service);
		expect(skipped.response).toMatchObject({ status: 200, body: '{"received":true}' });
		expect(skipped.items).toEqual([]);

		const deposit = setup(signedRequest(constructedBody('deposit')));
		deposit.parameters.statuses = ['Failed'];
		expect((await runWebhook(node, deposit)).items).toEqual([]);
		deposit.parameters.statuses = ['Failed', 'SuccessFinalized'];
		expect((await runWebhook(node, deposit)).items).toHaveLength(1);
	});

	it('answers 400 to a validly signed body that is not JSON or not a known callback', async () => {
		for (const body of ['not json', '{"data":{"type":"Refund","id":1,"status":"Success"}}', '{"data":{"type":"Deposit"}}']) {
			const run = await runWebhook(node, setup(signedRequest(body)));
			expect(run.response.status).toBe(400);
			expect(run.items).toEqual([]);
		}
	});

	it('can hide the payload', async () => {
		const hidden = setup(signedRequest(constructedBody('deposit')));
		hidden.parameters = { ...hidden.parameters, options: { includePayload: false } };
		const run = await runWebhook(node, hidden);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).not.toHaveProperty('payload');
	});

	it('refuses addresses outside the IP allowlist with 403', async () => {
		const request = { ...signedRequest(constructedBody('deposit')), remoteAddress: '198.51.100.7' };
		const limited = setup(request, {}, { ipAllowlist: '203.0.113.0/24' });
		expectRejected(await runWebhook(node, limited), 403, 'ip_not_allowed');
	});
});

describe('credentials and configuration', () => {
	it('fails closed without a credential', async () => {
		expectRejected(await runWebhook(node, vectorSetup(vectorRequest, { credentials: {} })), 401, 'credential_missing');
	});

	it('fails closed (401) with a secret that is not base64, and logs why without the secret', async () => {
		const bad = vectorSetup(vectorRequest, { credentials: { crypto2bApi: { ...credentials, secretKey: `${V.secretKeyBase64}!` } } });
		const run = await runWebhook(node, bad);
		expectRejected(run, 401, 'configuration_error');
		expect(run.logs.some((line) => line.message.includes('not valid base64'))).toBe(true);
	});

	it('activates with valid keys', async () => {
		await expect(runActivation(node, vectorSetup(vectorRequest))).resolves.toBe(true);
	});

	it.each([
		['an empty public key', { credentials: { crypto2bApi: { ...credentials, publicKey: '' } } }, /Public Key is empty/],
		['a non-base64 secret', { credentials: { crypto2bApi: { ...credentials, secretKey: 'not-base64!' } } }, /not valid base64/],
		['a relative override', { options: { callbackUrlOverride: 'hooks/c2b' } }, /Callback URL Override/],
		['a zero window', { options: { defaultRecvWindowMs: 0 } }, /Receive Window/],
		['a maximum window over 60 s', { options: { maxRecvWindowMs: 60_001 } }, /Maximum Receive Window/],
		['a zero maximum window', { options: { maxRecvWindowMs: 0 } }, /Maximum Receive Window/],
		['a bad allowlist', { options: { ipAllowlist: '10.0.0.300' } }, /not an IP address/],
	])('refuses to activate with %s', async (_name, overrides, message) => {
		const { options, ...rest } = overrides as Partial<MockSetup> & { options?: Record<string, unknown> };
		await expect(runActivation(node, setup(vectorRequest, rest, options))).rejects.toThrow(message);
	});

	it('the credential test checks the keys locally', async () => {
		const check = node.methods.credentialTest.crypto2bKeyCheck;
		const ctx = {} as ICredentialTestFunctions;
		const ok = await check.call(ctx, { id: '1', name: 'c', type: 'crypto2bApi', data: credentials });
		expect(ok.status).toBe('OK');
		const bad = await check.call(ctx, { id: '1', name: 'c', type: 'crypto2bApi', data: { ...credentials, secretKey: 'x y' } });
		expect(bad).toEqual({ status: 'Error', message: expect.stringContaining('base64') });
	});
});

describe('contract (DESIGN.md)', () => {
	it('node, credential and field names', () => {
		const { description } = node;
		expect(description.name).toBe('crypto2bTrigger');
		expect(description.credentials).toEqual([{ name: 'crypto2bApi', required: true, testedBy: 'crypto2bKeyCheck' }]);
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
		]);
		const credential = new Crypto2bApi();
		expect(credential.name).toBe('crypto2bApi');
		expect(credential.properties.map((p) => p.name)).toEqual(['publicKey', 'secretKey']);
		expect(credential.properties.find((p) => p.name === 'secretKey')?.typeOptions).toEqual({ password: true });
	});
});
