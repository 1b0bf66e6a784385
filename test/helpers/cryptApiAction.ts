/**
 * Runs the CryptAPI action node against the fake CryptAPI (test/fake-cryptapi), with a loopback receiver standing in
 * for the CryptAPI Trigger's URL (it answers `*ok*` like the trigger). One per test file: `const h = cryptApiAction()`
 * inside a `describe`.
 */
import { CryptApi } from '../../nodes/CryptApi/CryptApi.node';
import { startFakeCryptApi, type FakeCryptApi } from '../fake-cryptapi/server';
import { runExecute } from './executeContext';
import { startReceiver, type Receiver } from './fakeHttp';

export interface CryptApiActionHarness {
	fake: FakeCryptApi;
	receiver: Receiver;
	/** Runs the node once with one parameter object per input item (Base URL = the fake unless an item sets options). */
	run(items: Array<Record<string, unknown>>, options?: { continueOnFail?: boolean; timeoutCapMs?: number }): ReturnType<typeof runExecute>;
}

export function cryptApiAction(): CryptApiActionHarness {
	const h = {} as CryptApiActionHarness;

	beforeAll(async () => {
		h.fake = await startFakeCryptApi();
		h.receiver = await startReceiver('/webhook/4f0c2b8e/webhook', { contentType: 'text/plain; charset=utf-8', body: '*ok*' });
		h.run = (items, options = {}) =>
			runExecute(new CryptApi(), {
				nodeType: 'n8n-nodes-crypto-webhooks.cryptApi',
				items: items.map((item) => ({ options: { baseUrl: h.fake.baseUrl }, ...item })),
				continueOnFail: options.continueOnFail ?? false,
				timeoutCapMs: options.timeoutCapMs,
			});
	});

	afterAll(async () => {
		await h.fake?.close();
		await h.receiver?.close();
	});

	return h;
}
