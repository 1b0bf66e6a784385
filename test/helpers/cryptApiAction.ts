/** The CryptAPI action node against the fake CryptAPI (test/fake-cryptapi); the receiver answers `*ok*` like the trigger. */
import { CryptApi } from '../../nodes/CryptApi/CryptApi.node';
import { startFakeCryptApi } from '../fake-cryptapi/server';
import { actionHarness } from './actionHarness';

export const cryptApiAction = () =>
	actionHarness({
		node: new CryptApi(),
		nodeType: 'n8n-nodes-crypto-webhooks.cryptApi',
		startFake: () => startFakeCryptApi(),
		receiver: { path: '/webhook/4f0c2b8e/webhook', contentType: 'text/plain; charset=utf-8', body: '*ok*' },
		itemDefaults: (fake) => ({ options: { baseUrl: fake.baseUrl } }),
	});
