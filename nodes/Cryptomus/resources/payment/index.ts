/** Resource "Payment": invoices (create, look up, list, re-deliver their webhook) and the accepted currencies. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type CryptomusOperation } from '../operation';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';
import * as getServices from './getServices';
import * as resendWebhook from './resendWebhook';

export const paymentOperations: Record<string, CryptomusOperation> = { create, get, getMany, resendWebhook, getServices };

export const paymentDescription: INodeProperties[] = [
	operationSelector(
		'payment',
		[
			{
				name: 'Create Invoice',
				value: 'create',
				action: 'Create an invoice',
				description:
					'Create a payment invoice and get its payment link; give a Callback URL to receive its webhooks in a Cryptomus Trigger',
			},
			{
				name: 'Get Info',
				value: 'get',
				action: 'Get an invoice',
				description: 'Get one invoice and its current payment status by UUID or Order ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many invoices',
				description: 'List invoices from the payment history, optionally between two creation dates',
			},
			{
				name: 'Get Services',
				value: 'getServices',
				action: 'Get payment services',
				description: 'List the currencies and networks you can accept, with their limits and commission',
			},
			{
				name: 'Resend Webhook',
				value: 'resendWebhook',
				action: 'Resend an invoice webhook',
				description: "Make Cryptomus send a finished invoice's last webhook again to its Callback URL",
			},
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
	...resendWebhook.description,
	...getServices.description,
];
