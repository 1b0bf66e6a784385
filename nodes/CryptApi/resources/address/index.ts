/** Resource "Address": payment addresses CryptAPI forwards to your wallet, and the log of their callbacks. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ActionOperation } from '../../../shared/actionNode';
import * as create from './create';
import * as getLogs from './getLogs';

export const addressOperations: Record<string, ActionOperation> = { create, getLogs };

/** The resource's Operation selector; the node puts the Ticker between it and the operations' fields. */
export const addressSelector: INodeProperties = operationSelector(
	'address',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a payment address',
			description:
				"Create the address a customer pays to; CryptAPI forwards the payment to your wallet and calls the CryptAPI Trigger's URL",
		},
		{
			name: 'Get Logs',
			value: 'getLogs',
			action: 'Get the logs of a payment address',
			description: 'Get the payments to an address and every callback CryptAPI made for them, by its callback URL',
		},
	],
	'create',
);

export const addressFields: INodeProperties[] = [
	...create.description,
	...getLogs.description,
];
