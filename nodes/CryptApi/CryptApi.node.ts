/**
 * The CryptAPI action node: the calls a workflow makes around CryptAPI callbacks — create the payment address whose
 * callbacks the CryptAPI Trigger receives, read its logs, and look up coin limits, fees, prices and QR codes.
 *
 * CryptAPI's API has no account and no key (docs.cryptapi.io), so the node has no credential; a Base URL option lets a
 * proxy or a fake API stand in. Parameters are checked (validate.ts) before anything is sent; each operation lives in
 * `resources/<resource>/<operation>.ts`, the per-item loop and the HTTP plumbing are the action nodes' shared ones
 * (nodes/shared/actionNode.ts, apiRequest.ts). Nothing here moves money, so the node is usable as an AI tool.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executeOperations, type OperationTable } from '../shared/actionNode';
import { addressFields, addressOperations, addressSelector } from './resources/address';
import { coinFields, coinOperations, coinSelector } from './resources/coin';
import { tickerField } from './resources/fields';
import { CRYPTAPI_BASE_URL } from './transport';

const operations: OperationTable = { address: addressOperations, coin: coinOperations };

export class CryptApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CryptAPI',
		name: 'cryptApi',
		icon: { light: 'file:cryptapi.svg', dark: 'file:cryptapi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Call the CryptAPI API: create payment addresses whose callbacks a CryptAPI Trigger receives, read their logs, get coin info, fees, conversions and QR codes',
		defaults: { name: 'CryptAPI' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Address', value: 'address' },
					{ name: 'Coin', value: 'coin' },
				],
				default: 'address',
			},
			addressSelector,
			coinSelector,
			tickerField,
			...addressFields,
			...coinFields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Base URL',
						name: 'baseUrl',
						type: 'string',
						default: CRYPTAPI_BASE_URL,
						description: "CryptAPI's API address. Change it only to go through a proxy or to test against a fake API.",
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, operations);
	}
}
