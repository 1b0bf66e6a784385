/**
 * Runs the Cryptomus action node against the fake Cryptomus API (test/fake-cryptomus), with a loopback receiver
 * for the webhooks the fake sends. One per test file: `const h = cryptomusAction()` inside a `describe`.
 */
import { CryptomusApi } from '../../credentials/CryptomusApi.credentials';
import { Cryptomus } from '../../nodes/Cryptomus/Cryptomus.node';
import { startFakeCryptomus, type FakeCryptomus, type FakeCryptomusOptions } from '../fake-cryptomus/server';
import { startReceiver, type Receiver } from './fakeHttp';
import { cryptomusTestCredentials } from './cryptomusFixtures';
import { runExecute } from './executeContext';

export interface CryptomusActionHarness {
	fake: FakeCryptomus;
	/** URL of the webhook receiver (answers 200). */
	receiverUrl: string;
	/** Raw bodies the receiver got. */
	received: string[];
	/** Runs the node once with one parameter object per input item. */
	run(items: Array<Record<string, unknown>>, options?: { continueOnFail?: boolean; credentials?: Record<string, string> }): ReturnType<typeof runExecute>;
}

export function cryptomusAction(fakeOptions: Partial<FakeCryptomusOptions> = {}): CryptomusActionHarness {
	let receiver: Receiver;
	const h = {} as CryptomusActionHarness;

	beforeAll(async () => {
		h.fake = await startFakeCryptomus({ ...cryptomusTestCredentials, ...fakeOptions });
		receiver = await startReceiver('/webhook/x/webhook', { contentType: 'application/json', body: '{"received":true}' });
		h.receiverUrl = receiver.url;
		Object.defineProperty(h, 'received', { get: () => receiver.requests.map((r) => r.body) });
		h.run = (items, options = {}) =>
			runExecute(new Cryptomus(), {
				nodeType: 'n8n-nodes-crypto-webhooks.cryptomus',
				items,
				credentialType: new CryptomusApi(),
				credentials: { ...cryptomusTestCredentials, baseUrl: h.fake.baseUrl, ...options.credentials },
				continueOnFail: options.continueOnFail ?? false,
			});
	});

	afterAll(async () => {
		await h.fake?.close();
		await receiver?.close();
	});

	return h;
}
