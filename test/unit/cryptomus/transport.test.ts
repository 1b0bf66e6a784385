/**
 * The Cryptomus action node against a misbehaving API (found by the hostile suite's action scenarios): an HTTP 500,
 * a body that is not JSON, an API that never answers. Each must end in a clear error naming what happened (or an
 * error item with Continue On Fail), never a crash or an execution that hangs forever.
 */
import { CryptomusApi } from '../../../credentials/CryptomusApi.credentials';
import { Cryptomus } from '../../../nodes/Cryptomus/Cryptomus.node';
import { NodeApiError, type IExecuteFunctions } from 'n8n-workflow';

import { CRYPTOMUS_REQUEST_TIMEOUT_MS, cryptomusRequest } from '../../../nodes/Cryptomus/transport';
import { cryptomusTestCredentials as keys } from '../../helpers/cryptomusFixtures';
import { runExecute } from '../../helpers/executeContext';
import { startMisbehavingCryptomus, type MisbehavingCryptomus } from '../../fake-cryptomus/misbehaving';

let fake: MisbehavingCryptomus;
beforeAll(async () => {
	fake = await startMisbehavingCryptomus();
});
afterAll(async () => await fake.close());

const item = (currency: string) => ({
	resource: 'testWebhook',
	operation: 'payment',
	urlCallback: 'https://shop.example/webhook',
	currency,
	network: 'tron',
	status: 'paid',
	additionalFields: {},
});
const run = (currencies: string[], continueOnFail = false) =>
	runExecute(new Cryptomus(), {
		nodeType: 'n8n-nodes-crypto-webhooks.cryptomus',
		items: currencies.map(item),
		credentialType: new CryptomusApi(),
		credentials: { ...keys, baseUrl: fake.baseUrl },
		continueOnFail,
		timeoutCapMs: 300,
	});

describe('Cryptomus action node against a misbehaving API', () => {
	it(`asks for a ${CRYPTOMUS_REQUEST_TIMEOUT_MS / 1000} s request timeout; a hung API → "did not answer within" error`, async () => {
		const started = Date.now();
		await expect(run(['HANG'])).rejects.toThrow(`Cryptomus did not answer within ${CRYPTOMUS_REQUEST_TIMEOUT_MS / 1000} s`);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('the request carries the timeout', async () => {
		const { sent } = await run(['USDT']);
		expect(sent[0].timeout).toBe(CRYPTOMUS_REQUEST_TIMEOUT_MS);
	});

	it.each([
		['HTTP 500 with an HTML page', 'E500HTML', /Cryptomus answered HTTP 500 with a body that is not Cryptomus JSON/],
		['HTTP 200 that is not JSON', 'NOTJSON', /Cryptomus answered HTTP 200 with a body that is not Cryptomus JSON/],
		['HTTP 500 with a JSON error', 'E500JSON', /Cryptomus rejected the request: Server Error/],
	])('%s → a clear error, without the page in the message', async (_name, currency, message) => {
		const error = await run([currency]).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toMatch(message);
		expect(error?.message).not.toContain('<html');
	});

	it('continue on fail: an error item per misbehaving call, the good items still run', async () => {
		const { output, sent } = await run(['USDT', 'E500HTML', 'NOTJSON', 'HANG', 'TRX'], true);
		expect(output[0].map((o) => o.json.success)).toEqual([true, false, false, false, true]);
		expect(output[0].map((o) => o.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(String(output[0][3].json.error)).toContain('did not answer within');
		expect(sent).toHaveLength(5);
		expect(fake.calls.slice(-5)).toEqual(['USDT', 'E500HTML', 'NOTJSON', 'HANG', 'TRX']);
	});
});

describe('timeouts as n8n 1.x reports them', () => {
	it('"The connection was aborted" (n8n 1.x NodeApiError for axios ECONNABORTED, no code left) → "did not answer within"', async () => {
		const node = { id: 'n1', name: 'Cryptomus', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
		const ctx = {
			getNode: () => node,
			getCredentials: async () => ({ ...keys, baseUrl: 'http://127.0.0.1:9' }),
			helpers: {
				httpRequestWithAuthentication: async () => {
					throw new NodeApiError(node, { message: 'aborted' }, { message: 'The connection was aborted, perhaps the server is offline' });
				},
			},
		} as unknown as IExecuteFunctions;
		await expect(cryptomusRequest.call(ctx, '/v1/test-webhook/payment', {}, 0)).rejects.toThrow(/did not answer within 10 s/);
	});
});
