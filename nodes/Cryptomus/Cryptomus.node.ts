/**
 * The Cryptomus action node: the merchant API calls a workflow makes around Cryptomus webhooks.
 *
 * Programmatic rather than declarative: every request is signed over the exact body bytes (the credential's
 * `authenticate`), Cryptomus reports errors as `state != 0` even with HTTP 200, the payment list pages with a cursor
 * taken from the answer, and parameters are checked (validate.ts) before anything is sent. Each operation lives in
 * `resources/<resource>/<operation>.ts` (n8n-nodes-starter's layout) and returns the JSON of its output items.
 */
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { balanceDescription, balanceOperations } from './resources/balance';
import type { CryptomusOperation } from './resources/operation';
import { paymentDescription, paymentOperations } from './resources/payment';
import { payoutDescription, payoutOperations } from './resources/payout';
import { testWebhookDescription, testWebhookOperations } from './resources/testWebhook';
import { CryptomusParameterError } from './validate';

const operations: Record<string, Record<string, CryptomusOperation>> = {
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
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const run = operations[resource]?.[operation];
				if (!run) {
					throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, {
						itemIndex,
					});
				}
				const results = await run.execute.call(this, itemIndex);
				for (const json of results) out.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: error instanceof CryptomusParameterError
							? new NodeOperationError(this.getNode(), error.message, { itemIndex })
							: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				if (!this.continueOnFail()) throw nodeError;
				out.push({ json: { success: false, error: nodeError.message }, pairedItem: { item: itemIndex } });
			}
		}
		return [out];
	}
}
