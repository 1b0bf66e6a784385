/** Resource "Invoice": create an invoice (its checkout link goes to the payer), look one up, list them. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ActionOperation } from '../../../shared/actionNode';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';

export const invoiceOperations: Record<string, ActionOperation> = { create, get, getMany };

export const invoiceDescription: INodeProperties[] = [
	operationSelector(
		'invoice',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create an invoice',
				description: 'Create an invoice and get its checkout link; its events reach a BTCPay Server Trigger for the store',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an invoice',
				description: 'Get one invoice with its current status and amounts by ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many invoices',
				description: 'List the store\'s invoices, newest first, optionally by order ID, status or date',
			},
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
];
