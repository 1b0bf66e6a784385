/**
 * Balance → Get: `POST /v1/balance`. Output: Cryptomus's `result` entries, each `{ balance: { merchant: [...],
 * user: [...] } }` with one `{ uuid, balance, currency_code, balance_usd }` per wallet.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cryptomusRequest } from '../../transport';
import { resultItems } from '../operation';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return resultItems(await cryptomusRequest.call(this, '/v1/balance', undefined, itemIndex));
}
