/** Payment → Get Info: `POST /v1/payment/info` by UUID or Order ID. Output: the invoice with its current status. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cryptomusRequest } from '../../transport';
import { lookupFields, readLookup, resultItems } from '../operation';

export const description: INodeProperties[] = lookupFields('payment', 'get', 'invoice');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = readLookup.call(this, itemIndex);
	return resultItems(await cryptomusRequest.call(this, '/v1/payment/info', body, itemIndex));
}
