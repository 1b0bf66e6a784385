/** Resource "Payment": look a payment up by its track ID. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ActionOperation } from '../../../shared/actionNode';
import * as get from './get';

export const paymentOperations: Record<string, ActionOperation> = { get };

export const paymentDescription: INodeProperties[] = [
	operationSelector(
		'payment',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment',
				description: 'Get one payment (invoice) with its current status and transactions by its track ID',
			},
		],
		'get',
	),
	...get.description,
];
