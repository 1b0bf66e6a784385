/** Resource "Payment": create a payment, look one up, list them. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ActionOperation } from '../../../shared/actionNode';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';

export const paymentOperations: Record<string, ActionOperation> = { create, get, getMany };

export const paymentDescription: INodeProperties[] = [
	operationSelector(
		'payment',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payment',
				description: 'Create a payment with a deposit address and amount to show your customer',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment',
				description: 'Get a payment with its current status by its payment ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many payments',
				description: 'List the payments of your account, optionally between two dates or for one invoice',
			},
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
];
