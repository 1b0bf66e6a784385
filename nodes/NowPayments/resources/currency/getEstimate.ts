/**
 * Currency → Get Estimate: `GET /v1/estimate` (NOWPayments "Get estimated price"). Output:
 * `{currency_from, amount_from, currency_to, estimated_amount}`: about what a price costs in a crypto.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { nowPaymentsRequest } from '../../transport';
import * as check from '../../validate';

const show = showFor('currency', 'getEstimate');

export const description: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3999.50',
		description: 'The amount to convert, digits with a dot for decimals. Sent exactly as entered.',
		displayOptions: show,
	},
	{
		displayName: 'Currency From',
		name: 'currencyFrom',
		type: 'string',
		required: true,
		default: 'usd',
		placeholder: 'usd',
		description: 'Currency of the amount (usd, eur, … or a crypto ticker)',
		displayOptions: show,
	},
	{
		displayName: 'Currency To',
		name: 'currencyTo',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'btc',
		description: 'The crypto to estimate the amount in',
		displayOptions: show,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const param = (name: string) => this.getNodeParameter(name, itemIndex, '');
	const qs: IDataObject = {
		amount: check.decimal('Amount', param('amount')),
		currency_from: check.ticker('Currency From', param('currencyFrom')),
		currency_to: check.ticker('Currency To', param('currencyTo')),
	};
	return [await nowPaymentsRequest.call(this, { method: 'GET', path: '/v1/estimate', qs }, itemIndex)];
}
