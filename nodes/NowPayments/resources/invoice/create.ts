/**
 * Invoice → Create: `POST /v1/invoice` (NOWPayments "Create invoice"). Output: the invoice, with the payment page
 * `invoice_url` to send the customer; the payment made there reports to the IPN Callback URL.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { stringifyExact } from '../../../shared/exactJson';
import { nowPaymentsRequest } from '../../transport';
import * as check from '../../validate';
import { orderFields, rateOptions, readOrderFields, readRateFields, type RateFields } from '../order';

interface AdditionalFields extends RateFields {
	successUrl?: string;
	cancelUrl?: string;
	partiallyPaidUrl?: string;
}

export const description: INodeProperties[] = [
	...orderFields('invoice', false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('invoice', 'create'),
		options: [
			...rateOptions,
			{
				displayName: 'Cancel URL',
				name: 'cancelUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/cart',
				description: 'Page the customer is sent to when the payment fails',
			},
			{
				displayName: 'Partially Paid URL',
				name: 'partiallyPaidUrl',
				type: 'string',
				default: '',
				description: 'Page the customer is sent to when they paid too little',
			},
			{
				displayName: 'Success URL',
				name: 'successUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/thanks',
				description: 'Page the customer is sent to after paying',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	const body = stringifyExact({
		...readOrderFields.call(this, itemIndex, false),
		success_url: check.optionalUrl('Success URL', extra.successUrl),
		cancel_url: check.optionalUrl('Cancel URL', extra.cancelUrl),
		partially_paid_url: check.optionalUrl('Partially Paid URL', extra.partiallyPaidUrl),
		...readRateFields(extra),
	});
	return [await nowPaymentsRequest.call(this, { method: 'POST', path: '/v1/invoice', body }, itemIndex)];
}
