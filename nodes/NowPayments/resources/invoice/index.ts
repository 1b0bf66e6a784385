/** Resource "Invoice": a NOWPayments payment page to send the customer. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ActionOperation } from '../../../shared/actionNode';
import * as create from './create';

export const invoiceOperations: Record<string, ActionOperation> = { create };

export const invoiceDescription: INodeProperties[] = [
	operationSelector(
		'invoice',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create an invoice',
				description: 'Create a payment page (invoice_url) where the customer chooses a coin and pays',
			},
		],
		'create',
	),
	...create.description,
];
