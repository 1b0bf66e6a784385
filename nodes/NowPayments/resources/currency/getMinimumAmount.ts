/**
 * Currency → Get Minimum Amount: `GET /v1/min-amount` (NOWPayments "Get the minimum payment amount"). Output:
 * `{currency_from, currency_to, min_amount, fiat_equivalent?}`; a payment below it cannot be processed.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { nowPaymentsRequest } from '../../transport';
import * as check from '../../validate';

const show = showFor('currency', 'getMinimumAmount');

interface Options {
	fiatEquivalent?: string;
	isFixedRate?: boolean;
	isFeePaidByUser?: boolean;
}

export const description: INodeProperties[] = [
	{
		displayName: 'Currency From',
		name: 'currencyFrom',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'btc',
		description: 'The currency the customer pays in (a crypto ticker, or a fiat one for the minimum in fiat)',
		displayOptions: show,
	},
	{
		displayName: 'Currency To',
		name: 'currencyTo',
		type: 'string',
		default: '',
		placeholder: 'usdttrc20',
		description: 'The currency you receive. Empty: the payout currency of your payment settings.',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Fiat Equivalent',
				name: 'fiatEquivalent',
				type: 'string',
				default: '',
				placeholder: 'usd',
				description: 'Also return the minimum in this fiat currency (fiat_equivalent)',
			},
			{
				displayName: 'Fixed Rate',
				name: 'isFixedRate',
				type: 'boolean',
				default: false,
				description: 'Whether to get the minimum of fixed-rate payments (it may differ)',
			},
			{
				displayName: 'Fee Paid by User',
				name: 'isFeePaidByUser',
				type: 'boolean',
				default: false,
				description: 'Whether to get the minimum of payments whose fees the customer pays (it may differ)',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as Options;
	const qs: IDataObject = { currency_from: check.ticker('Currency From', this.getNodeParameter('currencyFrom', itemIndex, '')) };
	const to = check.optionalTicker('Currency To', this.getNodeParameter('currencyTo', itemIndex, ''));
	if (to !== undefined) qs.currency_to = to;
	const fiat = check.optionalTicker('Fiat Equivalent', options.fiatEquivalent);
	if (fiat !== undefined) qs.fiat_equivalent = fiat;
	if (options.isFixedRate !== undefined) qs.is_fixed_rate = String(options.isFixedRate);
	if (options.isFeePaidByUser !== undefined) qs.is_fee_paid_by_user = String(options.isFeePaidByUser);
	return [await nowPaymentsRequest.call(this, { method: 'GET', path: '/v1/min-amount', qs }, itemIndex)];
}
