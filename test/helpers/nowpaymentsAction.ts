/**
 * Runs the NOWPayments action node against the fake NOWPayments API (test/fake-nowpayments). One per test file:
 * `const h = nowPaymentsAction()` inside a `describe`.
 */
import { NowPaymentsApi } from '../../credentials/NowPaymentsApi.credentials';
import { NowPayments } from '../../nodes/NowPayments/NowPayments.node';
import { startFakeNowPayments, type FakeNowPayments } from '../fake-nowpayments/server';
import { runExecute } from './executeContext';
import { nowPaymentsTestCredentials as creds } from './nowpaymentsFixtures';

export interface NowPaymentsActionHarness {
	fake: FakeNowPayments;
	/** Runs the node once with one parameter object per input item. */
	run(
		items: Array<Record<string, unknown>>,
		options?: { continueOnFail?: boolean; credentials?: Record<string, string> },
	): ReturnType<typeof runExecute>;
}

export function nowPaymentsAction(): NowPaymentsActionHarness {
	const h = {} as NowPaymentsActionHarness;
	beforeAll(async () => {
		h.fake = await startFakeNowPayments(creds);
		h.run = (items, options = {}) =>
			runExecute(new NowPayments(), {
				nodeType: 'n8n-nodes-crypto-webhooks.nowPayments',
				items,
				credentialType: new NowPaymentsApi(),
				credentials: { ...creds, baseUrl: h.fake.baseUrl, ...options.credentials },
				continueOnFail: options.continueOnFail ?? false,
			});
	});
	afterAll(async () => {
		await h.fake?.close();
	});
	return h;
}
