/**
 * Address → Get Logs: `GET /{ticker}/logs/?callback=…` (docs.cryptapi.io/api/tickerlogs). CryptAPI finds the address
 * by the callback URL it was created with, so this reads the same Callback URL, Order ID and Callback Parameters as
 * Create and builds the identical URL. Output: the address with `callbacks[]` (each payment: `txid_in`, `value_coin`,
 * `confirmations`, `result`, and `logs[]` of CryptAPI's calls to your URL with your answers).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cryptApiRequest } from '../../transport';
import { callbackFields, readCallbackUrl, readTicker } from '../fields';

export const description: INodeProperties[] = callbackFields('getLogs');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ticker = readTicker.call(this, itemIndex);
	const callback = readCallbackUrl.call(this, itemIndex);
	return [await cryptApiRequest.call(this, ticker, 'logs', [['callback', callback]], itemIndex)];
}
