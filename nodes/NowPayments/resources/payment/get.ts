/** Payment → Get: `GET /v1/payment/{payment_id}` (NOWPayments "Get payment status"). Output: the payment. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { nowPaymentsRequest } from '../../transport';
import * as check from '../../validate';

export const description: INodeProperties[] = [
	{
		displayName: 'Payment ID',
		name: 'paymentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '5745459419',
		description:
			'The payment_id NOWPayments gave the payment (in the Create answer and in every IPN). NOWPayments answers only for payments created with the same API key.',
		displayOptions: showFor('payment', 'get'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = check.numericId('Payment ID', this.getNodeParameter('paymentId', itemIndex, ''));
	return [await nowPaymentsRequest.call(this, { method: 'GET', path: `/v1/payment/${id}` }, itemIndex)];
}
