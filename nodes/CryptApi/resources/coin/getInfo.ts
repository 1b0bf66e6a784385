/**
 * Coin → Get Info: `GET /{ticker}/info/?prices=0|1` (docs.cryptapi.io/api/tickerinfo). Output: `coin`, `ticker`,
 * `minimum_transaction_coin` (payments below it are ignored by CryptAPI), `fee_percent`, `network_fee_estimation`,
 * and with prices `prices` (fiat rates) and `prices_updated`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { cryptApiRequest } from '../../transport';
import { readTicker } from '../fields';

export const description: INodeProperties[] = [
	{
		displayName: 'Include Prices',
		name: 'includePrices',
		type: 'boolean',
		default: false,
		description: "Whether to include the coin's price in fiat currencies (prices, updated every 5 minutes)",
		displayOptions: showFor('coin', 'getInfo'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ticker = readTicker.call(this, itemIndex);
	const prices = this.getNodeParameter('includePrices', itemIndex, false) === true ? '1' : '0';
	return [await cryptApiRequest.call(this, ticker, 'info', [['prices', prices]], itemIndex)];
}
