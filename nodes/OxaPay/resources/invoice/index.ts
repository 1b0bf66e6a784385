/** Resource "Invoice": payment invoices with a payment link, whose callbacks the OxaPay Trigger receives. */
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
				description:
					"Create a payment invoice and get its payment link; give the OxaPay Trigger's URL as Callback URL to receive its payment callbacks",
			},
		],
		'create',
	),
	...create.description,
];
