/**
 * The Cryptomus action node: the merchant API calls a workflow makes around Cryptomus webhooks.
 *
 * Programmatic rather than declarative: every request is signed over the exact body bytes (the credential's
 * `authenticate`), Cryptomus reports errors as `state != 0` even with HTTP 200, the payment list pages with a cursor
 * taken from the answer, and parameters are checked (validate.ts) before anything is sent. Each operation lives in
 * `resources/<resource>/<operation>.ts` (n8n-nodes-starter's layout) and returns the JSON of its output items.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { actionNodeDescription, executeWith } from '../shared/actionNode';
import { balanceDescription, balanceOperations } from './resources/balance';
import { paymentDescription, paymentOperations } from './resources/payment';
import { payoutDescription, payoutOperations } from './resources/payout';
import { testWebhookDescription, testWebhookOperations } from './resources/testWebhook';

export class Cryptomus implements INodeType {
	description: INodeTypeDescription = {
		icon: { light: 'file:cryptomus.svg', dark: 'file:cryptomus.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		group: ['transform'],
		usableAsTool: true,
		...actionNodeDescription({
			displayName: 'Cryptomus',
			name: 'cryptomus',
			description:
				'Call the Cryptomus merchant API: create and look up invoices, list payments, resend webhooks, read payouts and balances, send test webhooks',
			credentials: [{ name: 'cryptomusApi', required: true }],
			resources: [
				{ name: 'Balance', value: 'balance' },
				{ name: 'Payment', value: 'payment' },
				{ name: 'Payout', value: 'payout' },
				{ name: 'Test Webhook', value: 'testWebhook' },
			],
			defaultResource: 'testWebhook',
			properties: [...paymentDescription, ...payoutDescription, ...balanceDescription, ...testWebhookDescription],
		}),
	};

	execute = executeWith({
		payment: paymentOperations,
		payout: payoutOperations,
		balance: balanceOperations,
		testWebhook: testWebhookOperations,
	});
}
