/** The OxaPay action node against the fake OxaPay (test/fake-oxapay); the receiver answers `ok` like the trigger. */
import { OxaPayApi } from '../../credentials/OxaPayApi.credentials';
import { OxaPay } from '../../nodes/OxaPay/OxaPay.node';
import { startFakeOxaPay } from '../fake-oxapay/server';
import { actionHarness } from './actionHarness';
import { oxaPayTestKeys } from './oxapayFixtures';

export const oxaPayAction = () =>
	actionHarness({
		node: new OxaPay(),
		nodeType: 'n8n-nodes-crypto-webhooks.oxaPay',
		startFake: () => startFakeOxaPay({ merchantApiKey: oxaPayTestKeys.merchantApiKey }),
		receiver: { path: '/webhook/7a1e9c3d/webhook', contentType: 'text/plain; charset=utf-8', body: 'ok' },
		credentialType: new OxaPayApi(),
		credentials: (fake) => ({ ...oxaPayTestKeys, baseUrl: fake.baseUrl }),
	});
