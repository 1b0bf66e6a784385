/**
 * Runs the Cryptomus action node against the fake Cryptomus API (test/fake-cryptomus), with a loopback receiver
 * for the webhooks the fake sends. One per test file: `const h = cryptomusAction()` inside a `describe`.
 */
import { createServer, type Server } from 'node:http';

import { CryptomusApi } from '../../credentials/CryptomusApi.credentials';
import { Cryptomus } from '../../nodes/Cryptomus/Cryptomus.node';
import { startFakeCryptomus, type FakeCryptomus, type FakeCryptomusOptions } from '../fake-cryptomus/server';
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
	let receiver: Server;
	const h = { received: [] as string[] } as unknown as CryptomusActionHarness;

	beforeAll(async () => {
		h.fake = await startFakeCryptomus({ ...cryptomusTestCredentials, ...fakeOptions });
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				h.received.push(Buffer.concat(chunks).toString('utf8'));
				res.end('{"received":true}');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const address = receiver.address();
		h.receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhook/x/webhook`;
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
		await new Promise<void>((resolve) => receiver?.close(() => resolve()));
	});

	return h;
}
