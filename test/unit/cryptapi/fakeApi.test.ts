/**
 * The fake CryptAPI itself (test/fake-cryptapi), reached with raw requests: the documented error answers the node
 * never provokes, and callbacks signed the way CryptAPI signs them (checked with the package's verifier).
 */
import { createPublicKey } from 'node:crypto';

import { verifyCryptApiCallback } from '../../../nodes/CryptApi/signature';
import { startFakeCryptApi, type FakeCryptApi } from '../../fake-cryptapi/server';
import { startReceiver, type Receiver } from '../../helpers/fakeHttp';
import { TEST_PUBLIC_PEM } from './fixtures';

const BTC = '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP';
let fake: FakeCryptApi;
let receiver: Receiver;
beforeAll(async () => {
	fake = await startFakeCryptApi();
	receiver = await startReceiver('/hook', { contentType: 'text/plain', body: '*ok*' });
});
afterAll(async () => {
	await fake.close();
	await receiver.close();
});

const get = async (pathAndQuery: string, method = 'GET') => {
	const response = await fetch(`${fake.baseUrl}${pathAndQuery}`, { method });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('fake CryptAPI: documented errors', () => {
	it.each([
		['create without parameters', '/btc/create/', 400, 'You must provide a valid address and a callback'],
		['create with a callback that is no URL', `/btc/create/?${q({ address: BTC, callback: 'not a url' })}`, 400, 'Callback URL malformed, please provide a correct URL'],
		['create with 21 addresses', `/btc/create/?${q({ address: Array.from({ length: 21 }, () => `0.05@${BTC}`).join('|'), callback: 'https://a.b/c' })}`, 400, 'Maximum 20 output addresses'],
		['an unknown ticker', `/xyz/create/?${q({ address: BTC, callback: 'https://a.b/c' })}`, 400, 'Invalid ticker'],
		['logs of an unknown callback', `/btc/logs/?${q({ callback: 'https://never.created/x' })}`, 404, 'Callback not found'],
		['an unknown endpoint', '/btc/nothing/', 404, 'Resource not found'],
	])('%s → %i %s', async (_name, path, status, message) => {
		expect(await get(path)).toEqual({ status, body: { status: 'error', error: message } });
	});

	it('only GET is served', async () => {
		expect(await get('/btc/info/', 'POST')).toMatchObject({ status: 405, body: { status: 'error' } });
	});
});

describe('fake CryptAPI: callbacks', () => {
	const key = createPublicKey(TEST_PUBLIC_PEM);

	it.each([
		['GET', {}],
		['POST form', { post: '1' }],
		['POST JSON', { json: '1' }],
	])('%s callbacks verify with the test public key', async (_name, mode) => {
		const callback = `${receiver.url}?order_id=${encodeURIComponent(JSON.stringify(mode))}`;
		expect((await get(`/ltc/create/?${q({ callback, address: 'ltc1qg82tsqphr6pnse2hsf0vzu6ct8ur0un0xlhp0x', pending: '1', ...mode })}`)).status).toBe(200);
		const before = receiver.requests.length;
		await fake.pay({ callback }, '0.5');
		const sent = receiver.requests.slice(before);
		expect(sent).toHaveLength(2);
		for (const request of sent) {
			const rawQuery = request.url.slice(request.url.indexOf('?') + 1);
			const method = request.method === 'POST' ? 'POST' : 'GET';
			const verified = verifyCryptApiCallback(
				{ method, publicUrl: receiver.url, rawQuery, rawBody: Buffer.from(request.body), signature: String(request.headers['x-ca-signature']) },
				key,
			);
			expect(verified).toEqual({ ok: true, value: undefined });
		}
	});
});
