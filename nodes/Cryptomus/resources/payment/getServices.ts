/**
 * Payment → Get Services: `POST /v1/payment/services`. Output: one item per currency/network the merchant can accept,
 * with `is_available`, `limit` (min/max amount) and `commission`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cryptomusRequest } from '../../transport';
import { resultItems } from '../operation';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return resultItems(await cryptomusRequest.call(this, '/v1/payment/services', undefined, itemIndex));
}
