/**
 * The Cryptomus action node: the merchant API calls a workflow makes around Cryptomus webhooks.
 *
 * Programmatic rather than declarative: every request is signed over the exact body bytes (the credential's
 * `authenticate`), Cryptomus reports errors as `state != 0` even with HTTP 200, the payment list pages with a cursor
 * taken from the answer, and parameters are checked (validate.ts) before anything is sent. Each operation lives in
 * `resources/<resource>/<operation>.ts` (n8n-nodes-starter's layout) and returns the JSON of its output items.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executeOperations, type OperationTable } from '../shared/actionNode';
import { balanceDescription, balanceOperations } from './resources/balance';
import { paymentDescription, paymentOperations } from './resources/payment';
import { payoutDescription, payoutOperations } from './resources/payout';
import { testWebhookDescription, testWebhookOperations } from './resources/testWebhook';

const operations: OperationTable = {
	payment: paymentOperations,
	payout: payoutOperations,
	balance: balanceOperations,
	testWebhook: testWebhookOperations,
};

export class Cryptomus implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cryptomus',
		name: 'cryptomus',
		icon: { light: 'file:cryptomus.svg', dark: 'file:cryptomus.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Call the Cryptomus merchant API: create and look up invoices, list payments, resend webhooks, read payouts and balances, send test webhooks',
		defaults: { name: 'Cryptomus' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'cryptomusApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Balance', value: 'balance' },
					{ name: 'Payment', value: 'payment' },
					{ name: 'Payout', value: 'payout' },
					{ name: 'Test Webhook', value: 'testWebhook' },
				],
				default: 'testWebhook',
			},
			...paymentDescription,
			...payoutDescription,
			...balanceDescription,
			...testWebhookDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, operations);
	}
}
