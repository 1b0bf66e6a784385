/**
 * Payment → Get: `GET /v1/payment/{track_id}` (https://docs.oxapay.com/api-reference/payment/payment-information).
 * Output: OxaPay's `data` — the invoice with its current `status`, amounts, `order_id`, and `txs[]` (each
 * transaction's `tx_hash`, `amount`, `currency`, `network`, `confirmations`, …).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import * as check from '../../../shared/params';
import { oxaPayRequest } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Track ID',
		name: 'trackId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '151811887',
		description: "OxaPay's ID of the payment: the track ID from Invoice → Create, or the OxaPay Trigger's ID field",
		displayOptions: showFor('payment', 'get'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const trackId = check.required('Track ID', this.getNodeParameter('trackId', itemIndex));
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(trackId)) check.fail('Track ID', 'must be an OxaPay track ID such as 151811887');
	return [await oxaPayRequest.call(this, 'GET', `/payment/${trackId}`, undefined, itemIndex)];
}
