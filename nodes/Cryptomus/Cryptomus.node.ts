import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { CryptomusEvent } from './payload';
import { buildTestWebhookBody, testWebhookFields, testWebhookOperations } from './resources/testWebhook';
import { cryptomusRequest } from './transport';

export class Cryptomus implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cryptomus',
		name: 'cryptomus',
		icon: { light: 'file:cryptomus.svg', dark: 'file:cryptomus.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Call the Cryptomus merchant API: send signed test webhooks',
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
				options: [{ name: 'Test Webhook', value: 'testWebhook' }],
				default: 'testWebhook',
			},
			testWebhookOperations,
			...testWebhookFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const type = this.getNodeParameter('operation', itemIndex) as CryptomusEvent;
				const body = buildTestWebhookBody.call(this, type, itemIndex);
				const result = await cryptomusRequest.call(this, `/v1/test-webhook/${type}`, body, itemIndex);
				out.push({
					json: { success: true, webhookType: type, request: body, result: result ?? null },
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				if (!this.continueOnFail()) throw nodeError;
				out.push({ json: { success: false, error: nodeError.message }, pairedItem: { item: itemIndex } });
			}
		}
		return [out];
	}
}
