/**
 * Payment → Create: `POST /v1/payment` (NOWPayments "Create payment"). Output: the payment NOWPayments created
 * (`payment_id`, `pay_address`, `pay_amount`, `payment_status` "waiting", …): show the customer the address and amount.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { stringifyExact } from '../../../shared/exactJson';
import { nowPaymentsRequest } from '../../transport';
import * as check from '../../validate';
import { orderFields, rateOptions, readOrderFields, readRateFields, type RateFields } from '../order';

interface AdditionalFields extends RateFields {
	payAmount?: string;
	payoutAddress?: string;
	payoutCurrency?: string;
	payoutExtraId?: string;
}

export const description: INodeProperties[] = [
	...orderFields('payment', true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('payment', 'create'),
		options: [
			...rateOptions,
			{
				displayName: 'Pay Amount',
				name: 'payAmount',
				type: 'string',
				default: '',
				placeholder: '0.0017',
				description: 'The amount of Pay Currency the customer must send, if you set it yourself (otherwise NOWPayments converts the price)',
			},
			{
				displayName: 'Payout Address',
				name: 'payoutAddress',
				type: 'string',
				default: '',
				description: 'Send this payment to this address instead of the payout wallet of your account (needs Payout Currency)',
			},
			{
				displayName: 'Payout Currency',
				name: 'payoutCurrency',
				type: 'string',
				default: '',
				placeholder: 'usdttrc20',
				description: 'Currency of the Payout Address',
			},
			{
				displayName: 'Payout Extra ID',
				name: 'payoutExtraId',
				type: 'string',
				default: '',
				description: 'Memo or destination tag of the Payout Address, if its network needs one',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	const payoutAddress = check.optionalText(extra.payoutAddress);
	const payoutCurrency = check.optionalTicker('Payout Currency', extra.payoutCurrency);
	if (payoutAddress !== undefined && payoutCurrency === undefined) {
		check.ticker('Payout Currency', '');
	}
	const payAmount = check.optionalText(extra.payAmount);
	const body = stringifyExact({
		...readOrderFields.call(this, itemIndex, true),
		pay_amount: payAmount === undefined ? undefined : check.jsonDecimal('Pay Amount', payAmount),
		payout_address: payoutAddress,
		payout_currency: payoutCurrency,
		payout_extra_id: check.optionalText(extra.payoutExtraId),
		...readRateFields(extra),
	});
	return [await nowPaymentsRequest.call(this, { method: 'POST', path: '/v1/payment', body }, itemIndex)];
}
