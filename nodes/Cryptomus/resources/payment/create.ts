/** Payment → Create Invoice: `POST /v1/payment`. Output: the invoice (`uuid`, payment link `url`, `expired_at`, …). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cryptomusRequest } from '../../transport';
import * as check from '../../validate';
import { amountField, collection } from '../../../shared/actionNode';
import { resultItems, showFor } from '../operation';

const show = showFor('payment', 'create');

/** Exchanges Cryptomus can take the conversion rate from (`course_source`). */
export const COURSE_SOURCES = ['Binance', 'BinanceP2P', 'Exmo', 'Kucoin'] as const;

export const description: INodeProperties[] = [
	amountField('Cryptomus', show),
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USDT',
		description: 'Currency of the amount: a crypto code such as USDT or BTC, or a fiat code such as USD or EUR',
		displayOptions: show,
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'order-1042',
		description:
			'Your unique reference for this invoice (1–128 letters, digits, - or _). Creating again with an Order ID that already exists returns that invoice instead of a new one.',
		displayOptions: show,
	},
	collection(
		'additionalFields',
		[
			{
				displayName: 'Accuracy Payment Percent',
				name: 'accuracyPaymentPercent',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 5, numberPrecision: 2 },
				default: 0,
				description: 'Underpayment to accept as paid, in percent (0–5): with 5, paying 95% of the amount marks the invoice paid',
			},
			{
				displayName: 'Additional Data',
				name: 'additionalData',
				type: 'string',
				default: '',
				description: 'Your own note on the invoice (up to 255 characters), not shown to the payer; comes back in webhooks',
			},
			{
				displayName: 'Callback URL',
				name: 'urlCallback',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…/webhook',
				description:
					"Where Cryptomus sends this invoice's payment webhooks: paste the Cryptomus Trigger's Production URL (6–255 characters)",
			},
			{
				displayName: 'Course Source',
				name: 'courseSource',
				type: 'options',
				options: COURSE_SOURCES.map((source) => ({ name: source, value: source })),
				default: 'Binance',
				description: 'Exchange whose rate converts the amount; without it Cryptomus uses its own rate',
			},
			{
				displayName: 'Currencies',
				name: 'currencies',
				type: 'string',
				default: '',
				placeholder: 'USDT:tron, BTC',
				description:
					'Only these may be used to pay: comma-separated CURRENCY or CURRENCY:network (e.g. USDT:tron, BTC). Empty = all enabled in your merchant settings.',
			},
			{
				displayName: 'Discount Percent',
				name: 'discountPercent',
				type: 'number',
				typeOptions: { minValue: -99, maxValue: 100 },
				default: 0,
				description: 'Discount for the payer in percent (1–100), or a surcharge as a negative number (down to -99)',
			},
			{
				displayName: 'Except Currencies',
				name: 'exceptCurrencies',
				type: 'string',
				default: '',
				placeholder: 'BTC:btc, ETH',
				description: 'These may not be used to pay: comma-separated CURRENCY or CURRENCY:network',
			},
			{
				displayName: 'From Referral Code',
				name: 'fromReferralCode',
				type: 'string',
				default: '',
				description: "Referral code of the merchant that referred you, if Cryptomus gave you one (leave empty otherwise)",
			},
			{
				displayName: 'Is Payment Multiple',
				name: 'isPaymentMultiple',
				type: 'boolean',
				default: true,
				description:
					'Whether the payer may pay the rest in further transactions after paying too little. Off: the invoice ends with the first payment.',
			},
			{
				displayName: 'Is Refresh',
				name: 'isRefresh',
				type: 'boolean',
				default: false,
				description:
					'Whether to renew an expired invoice with the same Order ID: new address and lifetime, nothing else changes',
			},
			{
				displayName: 'Lifetime (Seconds)',
				name: 'lifetime',
				type: 'number',
				typeOptions: { minValue: 300, maxValue: 43200 },
				default: 3600,
				description: 'How long the invoice can be paid, in seconds (300–43200; Cryptomus default 3600 = 1 hour)',
			},
			{
				displayName: 'Network',
				name: 'network',
				type: 'string',
				default: '',
				placeholder: 'tron',
				description: 'Blockchain network code for the payment, e.g. tron, eth, bsc. Empty = the payer chooses.',
			},
			{
				displayName: 'Return URL',
				name: 'urlReturn',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/cart',
				description: 'Page the payer can go back to from the payment form before paying (6–255 characters)',
			},
			{
				displayName: 'Subtract',
				name: 'subtract',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 0,
				description:
					'Share of the Cryptomus fee the payer pays, in percent (0–100): with a 1% fee and 100, a 100 USDT invoice costs the payer 101 USDT',
			},
			{
				displayName: 'Success URL',
				name: 'urlSuccess',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/thanks',
				description: 'Page the payer can go to from the payment form after paying (6–255 characters)',
			},
			{
				displayName: 'To Currency',
				name: 'toCurrency',
				type: 'string',
				default: '',
				placeholder: 'BTC',
				description:
					'Crypto the payer pays in when Amount is in another currency: 20 USD with To Currency BTC asks for the BTC equivalent',
			},
		],
		show,
	),
];

interface AdditionalFields {
	accuracyPaymentPercent?: number;
	additionalData?: string;
	courseSource?: string;
	currencies?: string;
	discountPercent?: number;
	exceptCurrencies?: string;
	fromReferralCode?: string;
	isPaymentMultiple?: boolean;
	isRefresh?: boolean;
	lifetime?: number;
	network?: string;
	subtract?: number;
	toCurrency?: string;
	urlCallback?: string;
	urlReturn?: string;
	urlSuccess?: string;
}

/** The request body, validated with Cryptomus's documented limits; optional fields only when set. */
export function buildCreateInvoiceBody(
	amount: unknown,
	currency: unknown,
	orderId: unknown,
	extra: AdditionalFields,
): IDataObject {
	const body: IDataObject = {
		amount: check.amount('Amount', check.required('Amount', amount)),
		currency: check.required('Currency', currency),
		order_id: check.orderId('Order ID', check.required('Order ID', orderId), 128),
	};
	const optionalText = (key: string, value: unknown, validate: (v: string) => string = (v) => v) => {
		const v = check.text(value);
		if (v !== '') body[key] = validate(v);
	};
	optionalText('network', extra.network);
	optionalText('url_callback', extra.urlCallback, (v) => check.url('Callback URL', v, 6, 255));
	optionalText('url_return', extra.urlReturn, (v) => check.url('Return URL', v, 6, 255));
	optionalText('url_success', extra.urlSuccess, (v) => check.url('Success URL', v, 6, 255));
	if (extra.lifetime !== undefined) body.lifetime = check.integer('Lifetime', extra.lifetime, 300, 43200);
	optionalText('to_currency', extra.toCurrency);
	optionalText('additional_data', extra.additionalData, (v) => check.maxLength('Additional Data', v, 255));
	if (extra.isPaymentMultiple !== undefined) body.is_payment_multiple = extra.isPaymentMultiple === true;
	if (extra.subtract !== undefined) body.subtract = check.integer('Subtract', extra.subtract, 0, 100);
	if (extra.accuracyPaymentPercent !== undefined) {
		body.accuracy_payment_percent = check.decimal('Accuracy Payment Percent', extra.accuracyPaymentPercent, 0, 5);
	}
	const currencies = check.currencyList('Currencies', check.text(extra.currencies));
	if (currencies.length > 0) body.currencies = currencies;
	const except = check.currencyList('Except Currencies', check.text(extra.exceptCurrencies));
	if (except.length > 0) body.except_currencies = except;
	optionalText('course_source', extra.courseSource, (v) => check.oneOf('Course Source', v, COURSE_SOURCES));
	optionalText('from_referral_code', extra.fromReferralCode);
	if (extra.discountPercent !== undefined) {
		body.discount_percent = check.integer('Discount Percent', extra.discountPercent, -99, 100);
	}
	if (extra.isRefresh !== undefined) body.is_refresh = extra.isRefresh === true;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = buildCreateInvoiceBody(
		this.getNodeParameter('amount', itemIndex),
		this.getNodeParameter('currency', itemIndex),
		this.getNodeParameter('orderId', itemIndex),
		this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields,
	);
	return resultItems(await cryptomusRequest.call(this, '/v1/payment', body, itemIndex));
}
