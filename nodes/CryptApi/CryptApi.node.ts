/**
 * The CryptAPI action node: the calls a workflow makes around CryptAPI callbacks — create the payment address whose
 * callbacks the CryptAPI Trigger receives, read its logs, and look up coin limits, fees, prices and QR codes.
 *
 * CryptAPI's API has no account and no key (docs.cryptapi.io), so the node has no credential; a Base URL option lets a
 * proxy or a fake API stand in. Parameters are checked (validate.ts) before anything is sent; each operation lives in
 * `resources/<resource>/<operation>.ts`, the per-item loop and the HTTP plumbing are the action nodes' shared ones
 * (nodes/shared/actionNode.ts, apiRequest.ts). Nothing here moves money, so the node is usable as an AI tool.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { actionNodeDescription, collection, executeWith } from '../shared/actionNode';
import { addressFields, addressOperations, addressSelector } from './resources/address';
import { coinFields, coinOperations, coinSelector } from './resources/coin';
import { tickerField } from './resources/fields';
import { CRYPTAPI_BASE_URL } from './transport';

export class CryptApi implements INodeType {
	description: INodeTypeDescription = {
		icon: { light: 'file:cryptapi.svg', dark: 'file:cryptapi.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		group: ['transform'],
		usableAsTool: true,
		...actionNodeDescription({
			displayName: 'CryptAPI',
			name: 'cryptApi',
			description:
				'Call the CryptAPI API: create payment addresses whose callbacks a CryptAPI Trigger receives, read their logs, get coin info, fees, conversions and QR codes',
			resources: [
				{ name: 'Address', value: 'address' },
				{ name: 'Coin', value: 'coin' },
			],
			properties: [
				addressSelector,
				coinSelector,
				tickerField,
				...addressFields,
				...coinFields,
				collection('options', [
					{
						displayName: 'Base URL',
						name: 'baseUrl',
						type: 'string',
						default: CRYPTAPI_BASE_URL,
						description: "CryptAPI's API address. Change it only to go through a proxy or to test against a fake API.",
					},
				]),
			],
		}),
	};

	execute = executeWith({ address: addressOperations, coin: coinOperations });
}
