/**
 * What creating a payment and creating an invoice share: the price, the pay currency, where the IPNs go (the
 * NOWPayments Trigger's Production URL) and the merchant's order reference — the parameters and how they are read.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/actionNode';
import type { ExactJson } from '../../shared/exactJson';
import * as check from '../validate';

/** Members of a request body; `undefined` ones are left out (../../shared/exactJson.ts). */
export type BodyMembers = Record<string, ExactJson | undefined>;

/** The order fields of `resource`'s create operation; `payCurrencyRequired`: NOWPayments needs it for a payment. */
export function orderFields(resource: string, payCurrencyRequired: boolean): INodeProperties[] {
	const show = showFor(resource, 'create');
	return [
		{
			displayName: 'Price Amount',
			name: 'priceAmount',
			type: 'string',
			required: true,
			default: '',
			placeholder: '49.99',
			description:
				'The price, digits with a dot for decimals (e.g. 49.99). Sent to NOWPayments as this exact number, never rounded.',
			displayOptions: show,
		},
		{
			displayName: 'Price Currency',
			name: 'priceCurrency',
			type: 'string',
			required: true,
			default: 'usd',
			placeholder: 'usd',
			description: 'Currency of the price: a fiat ticker such as usd or eur (or a crypto ticker)',
			displayOptions: show,
		},
		{
			displayName: 'Pay Currency',
			name: 'payCurrency',
			type: 'string',
			required: payCurrencyRequired,
			default: '',
			placeholder: 'btc',
			description: payCurrencyRequired
				? 'The crypto the customer pays in, as a NOWPayments ticker (btc, eth, usdttrc20 …)'
				: 'The crypto the customer pays in (btc, usdttrc20 …). Empty lets the customer choose on the invoice page.',
			displayOptions: show,
		},
		{
			displayName: 'IPN Callback URL',
			name: 'ipnCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…/webhook',
			description:
				"Where NOWPayments sends this payment's status updates: paste the NOWPayments Trigger's Production URL. Empty uses the IPN URL of your dashboard settings.",
			displayOptions: show,
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			placeholder: 'RGDBP-21314',
			description: 'Your own order reference; it comes back in every IPN as order_id',
			displayOptions: show,
		},
		{
			displayName: 'Order Description',
			name: 'orderDescription',
			type: 'string',
			default: '',
			placeholder: 'Apple Macbook Pro 2019 x 1',
			description: 'Your own description of the order; it comes back in every IPN',
			displayOptions: show,
		},
	];
}

/** The order members of the request body, checked (names as the node shows them). */
export function readOrderFields(this: IExecuteFunctions, itemIndex: number, payCurrencyRequired: boolean): BodyMembers {
	const param = (name: string) => this.getNodeParameter(name, itemIndex, '');
	const payCurrency = param('payCurrency');
	return {
		price_amount: check.jsonDecimal('Price Amount', param('priceAmount')),
		price_currency: check.ticker('Price Currency', param('priceCurrency')),
		pay_currency: payCurrencyRequired ? check.ticker('Pay Currency', payCurrency) : check.optionalTicker('Pay Currency', payCurrency),
		ipn_callback_url: check.optionalUrl('IPN Callback URL', param('ipnCallbackUrl')),
		order_id: check.optionalText(param('orderId')),
		order_description: check.optionalText(param('orderDescription')),
	};
}

/** The fixed-rate switches both create operations offer (NOWPayments: a frozen rate for 20 minutes). */
export const rateOptions: INodeProperties[] = [
	{
		displayName: 'Fixed Rate',
		name: 'isFixedRate',
		type: 'boolean',
		default: false,
		description: 'Whether to freeze the exchange rate for 20 minutes; without a payment in that time the payment expires',
	},
	{
		displayName: 'Fee Paid by User',
		name: 'isFeePaidByUser',
		type: 'boolean',
		default: false,
		description: 'Whether the customer pays all fees (implies a fixed rate)',
	},
];

export interface RateFields {
	isFixedRate?: boolean;
	isFeePaidByUser?: boolean;
}

export const readRateFields = (extra: RateFields): BodyMembers => ({
	is_fixed_rate: extra.isFixedRate,
	is_fee_paid_by_user: extra.isFeePaidByUser,
});

