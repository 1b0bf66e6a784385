/**
 * The NOWPayments action node against the fake NOWPayments API (test/fake-nowpayments); the receiver answers like the
 * NOWPayments Trigger. One per test file: `const h = nowPaymentsAction()` inside a `describe`.
 */
import { NowPaymentsApi } from '../../credentials/NowPaymentsApi.credentials';
import { NowPayments } from '../../nodes/NowPayments/NowPayments.node';
import { startFakeNowPayments } from '../fake-nowpayments/server';
import { actionHarness } from './actionHarness';
import { nowPaymentsTestCredentials as creds } from './nowpaymentsFixtures';

export const nowPaymentsAction = () =>
	actionHarness({
		node: new NowPayments(),
		nodeType: 'n8n-nodes-crypto-webhooks.nowPayments',
		startFake: () => startFakeNowPayments(creds),
		receiver: { path: '/webhook/5f0c/webhook', contentType: 'application/json; charset=utf-8', body: '{"received":true}' },
		credentialType: new NowPaymentsApi(),
		credentials: (fake) => ({ ...creds, baseUrl: fake.baseUrl }),
	});
