/**
 * Runs the Cryptomus action node against the fake Cryptomus API (test/fake-cryptomus), with a loopback receiver
 * for the webhooks the fake sends. One per test file: `const h = cryptomusAction()` inside a `describe`.
 */
import { CryptomusApi } from '../../credentials/CryptomusApi.credentials';
import { Cryptomus } from '../../nodes/Cryptomus/Cryptomus.node';
import { startFakeCryptomus, type FakeCryptomus, type FakeCryptomusOptions } from '../fake-cryptomus/server';
import { actionHarness, type ActionHarness } from './actionHarness';
import { cryptomusTestCredentials } from './cryptomusFixtures';

export interface CryptomusActionHarness extends ActionHarness<FakeCryptomus> {
	/** URL of the webhook receiver (answers 200). */
	receiverUrl: string;
	/** Raw bodies the receiver got. */
	received: string[];
}

export function cryptomusAction(fakeOptions: Partial<FakeCryptomusOptions> = {}): CryptomusActionHarness {
	const h = actionHarness({
		node: new Cryptomus(),
		nodeType: 'n8n-nodes-crypto-webhooks.cryptomus',
		startFake: () => startFakeCryptomus({ ...cryptomusTestCredentials, ...fakeOptions }),
		receiver: { path: '/webhook/x/webhook', contentType: 'application/json', body: '{"received":true}' },
		credentialType: new CryptomusApi(),
		credentials: (fake) => ({ ...cryptomusTestCredentials, baseUrl: fake.baseUrl }),
	});
	return Object.defineProperties(h, {
		receiverUrl: { get: () => h.receiver.url },
		received: { get: () => h.receiver.requests.map((r) => r.body) },
	}) as CryptomusActionHarness;
}
