/** Payout → Get Info: `POST /v1/payout/info` by UUID or Order ID, signed with the payout key. Output: the payout. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cryptomusRequest } from '../../transport';
import { lookupFields, readLookup, resultItems } from '../operation';

export const description: INodeProperties[] = lookupFields('payout', 'get', 'payout');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = readLookup.call(this, itemIndex);
	return resultItems(await cryptomusRequest.call(this, '/v1/payout/info', body, itemIndex));
}
