/**
 * Coin → Convert: `GET /{ticker}/convert/?value=…&from=…` (docs.cryptapi.io/api/tickerconvert): how much of the
 * ticker's coin a value in another currency (fiat such as USD, or a crypto ticker) is worth. Output: `value_coin`,
 * `exchange_rate`. Prices come from CoinMarketCap every 5 minutes.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import * as check from '../../../shared/params';
import { cryptApiRequest } from '../../transport';
import { readTicker } from '../fields';

const show = showFor('coin', 'convert');

export const description: INodeProperties[] = [
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: '49.90',
		description: 'Amount to convert, digits with a dot for decimals. Sent exactly as entered, never rounded.',
		displayOptions: show,
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		required: true,
		default: 'USD',
		placeholder: 'USD',
		description: 'Currency of the value: a fiat code (USD, EUR, GBP, …) or a CryptAPI ticker',
		displayOptions: show,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ticker = readTicker.call(this, itemIndex);
	const value = check.amount('Value', check.required('Value', this.getNodeParameter('value', itemIndex)));
	const from = check.required('From', this.getNodeParameter('from', itemIndex));
	if (!/^[A-Za-z0-9]{2,12}(?:[/_][A-Za-z0-9]{2,12})?$/.test(from)) {
		check.fail('From', 'must be a currency code such as USD or a ticker such as btc');
	}
	return [await cryptApiRequest.call(this, ticker, 'convert', [['value', value], ['from', from]], itemIndex)];
}
