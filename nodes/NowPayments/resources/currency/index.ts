/** Resource "Currency": minimum amounts and price estimates, before creating a payment. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ActionOperation } from '../../../shared/actionNode';
import * as getEstimate from './getEstimate';
import * as getMinimumAmount from './getMinimumAmount';

export const currencyOperations: Record<string, ActionOperation> = { getMinimumAmount, getEstimate };

export const currencyDescription: INodeProperties[] = [
	operationSelector(
		'currency',
		[
			{
				name: 'Get Estimate',
				value: 'getEstimate',
				action: 'Get a price estimate',
				description: 'Estimate what an amount in one currency costs in a crypto',
			},
			{
				name: 'Get Minimum Amount',
				value: 'getMinimumAmount',
				action: 'Get the minimum payment amount',
				description: 'Get the smallest payment NOWPayments processes for a currency pair',
			},
		],
		'getMinimumAmount',
	),
	...getMinimumAmount.description,
	...getEstimate.description,
];
