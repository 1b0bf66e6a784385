/** Resource "Balance": the merchant's and user's wallet balances. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type CryptomusOperation } from '../operation';
import * as get from './get';

export const balanceOperations: Record<string, CryptomusOperation> = { get };

export const balanceDescription: INodeProperties[] = [
	operationSelector(
		'balance',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get the balance',
				description: 'Get the balance of every merchant and personal wallet, per currency, with its USD value',
			},
		],
		'get',
	),
	...get.description,
];
