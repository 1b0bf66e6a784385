/**
 * Invoice → Create: `POST /api/v1/stores/{storeId}/invoices` (permission btcpay.store.cancreateinvoice). Output: the
 * invoice (`id`, `checkoutLink` to send the payer, `status` New, `amount`, `currency`, `metadata`, `checkout`, …).
 *
 * The body is built as text: `amount` is sent as the JSON string typed ("10.50" stays "10.50"; BTCPay reads it with
 * its NumericStringJsonConverter), and the members of the Metadata JSON keep their exact text. Order ID, Buyer Email,
 * Item Description and Order URL become `metadata.orderId`, `buyerEmail`, `itemDesc`, `orderUrl` (the invoice
 * metadata BTCPay documents: swagger.template.invoices.json `InvoiceMetadata`); the BTCPay Server Trigger reads the
 * order id back from every invoice event's `metadata`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { amountField, collection, resultItems, showFor } from '../../../shared/actionNode';
import * as check from '../../../shared/params';
import { storePath } from '../../greenfield';
import * as btcpay from '../../validate';
import { callBtcPay } from '../call';

const show = showFor('invoice', 'create');

export const SPEED_POLICIES = ['HighSpeed', 'MediumSpeed', 'LowMediumSpeed', 'LowSpeed'] as const;

export const description: INodeProperties[] = [
	amountField('BTCPay Server', show, ' (the invoice\'s price)'),
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'USD',
		description: "Currency of the amount (USD, EUR, BTC, SATS, …); empty means the store's default currency",
		displayOptions: show,
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		placeholder: 'order-1042',
		description:
			"Your order's reference, stored as the invoice's metadata.orderId: BTCPay lets you search by it, and every webhook of the invoice carries it (the trigger's orderId)",
		displayOptions: show,
	},
	collection(
		'additionalFields',
		[
			{
				displayName: 'Buyer Email',
				name: 'buyerEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Stored as metadata.buyerEmail; BTCPay can send the buyer a receipt',
			},
			{
				displayName: 'Default Language',
				name: 'defaultLanguage',
				type: 'string',
				default: '',
				placeholder: 'en',
				description: "Language of the checkout page (en, de, fr-FR, …). Empty = the store's default.",
			},
			{
				displayName: 'Default Payment Method',
				name: 'defaultPaymentMethod',
				type: 'string',
				default: '',
				placeholder: 'BTC-LN',
				description: 'Payment method the checkout shows first: BTC-CHAIN (on-chain), BTC-LN (Lightning), …',
			},
			{
				displayName: 'Expiration (Minutes)',
				name: 'expirationMinutes',
				type: 'number',
				typeOptions: { minValue: 0.5, numberPrecision: 2 },
				default: 15,
				description: "Minutes until the invoice expires (at least 0.5). Without it the store's setting applies (15 by default).",
			},
			{
				displayName: 'Item Description',
				name: 'itemDesc',
				type: 'string',
				default: '',
				placeholder: 'Coffee beans, 1 kg',
				description: 'Stored as metadata.itemDesc; shown on the checkout page and the invoice',
			},
			{
				displayName: 'Metadata (JSON)',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description:
					'More invoice metadata as a JSON object, sent as written, e.g. {"posData": {"customer": 42}}. Must not repeat a key set by the fields above.',
			},
			{
				displayName: 'Monitoring (Minutes)',
				name: 'monitoringMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1440,
				description: "Minutes after expiry during which BTCPay still watches for payments. Without it the store's setting applies (1440).",
			},
			{
				displayName: 'Order URL',
				name: 'orderUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/orders/1042',
				description: "Stored as metadata.orderUrl: a link back to the order, shown in BTCPay's invoice details",
			},
			{
				displayName: 'Payment Methods',
				name: 'paymentMethods',
				type: 'string',
				default: '',
				placeholder: 'BTC-CHAIN, BTC-LN',
				description: 'Only these payment methods, comma-separated. Empty = every method the store has enabled.',
			},
			{
				displayName: 'Payment Tolerance (%)',
				name: 'paymentTolerance',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
				default: 0,
				description: 'Underpayment to accept as paid, in percent (0–100)',
			},
			{
				displayName: 'Redirect Automatically',
				name: 'redirectAutomatically',
				type: 'boolean',
				default: false,
				description: 'Whether the checkout goes to the Redirect URL by itself once paid',
			},
			{
				displayName: 'Redirect URL',
				name: 'redirectURL',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/thanks?order={OrderId}',
				description: 'Where the payer returns after paying; {InvoiceId} and {OrderId} are replaced by BTCPay',
			},
			{
				displayName: 'Speed Policy',
				name: 'speedPolicy',
				type: 'options',
				options: [
					{ name: 'High Speed (0 Confirmations)', value: 'HighSpeed' },
					{ name: 'Medium Speed (1 Confirmation)', value: 'MediumSpeed' },
					{ name: 'Low-Medium Speed (2 Confirmations)', value: 'LowMediumSpeed' },
					{ name: 'Low Speed (6 Confirmations)', value: 'LowSpeed' },
				],
				default: 'MediumSpeed',
				description: 'How many on-chain confirmations settle the invoice',
			},
		],
		show,
	),
];

export interface CreateInvoiceFields {
	buyerEmail?: string;
	defaultLanguage?: string;
	defaultPaymentMethod?: string;
	expirationMinutes?: number;
	itemDesc?: string;
	metadata?: string | IDataObject;
	monitoringMinutes?: number;
	orderUrl?: string;
	paymentMethods?: string;
	paymentTolerance?: number;
	redirectAutomatically?: boolean;
	redirectURL?: string;
	speedPolicy?: string;
}

const member = (key: string, value: unknown): string => `${JSON.stringify(key)}:${JSON.stringify(value)}`;

/** The metadata object as text: the named fields first, then the JSON's members as written. */
function metadataText(orderId: string, extra: CreateInvoiceFields): string | undefined {
	const named: Array<[string, string, string]> = [];
	const add = (key: string, field: string, value: string) => {
		if (value !== '') named.push([key, field, value]);
	};
	add('orderId', 'Order ID', check.maxLength('Order ID', orderId, 255));
	add('buyerEmail', 'Buyer Email', check.text(extra.buyerEmail) && btcpay.email('Buyer Email', check.text(extra.buyerEmail)));
	add('itemDesc', 'Item Description', check.maxLength('Item Description', check.text(extra.itemDesc), 1000));
	const orderUrl = check.text(extra.orderUrl);
	add('orderUrl', 'Order URL', orderUrl && check.url('Order URL', orderUrl, 10, 2000));
	const json = typeof extra.metadata === 'object' && extra.metadata !== null ? JSON.stringify(extra.metadata) : check.text(extra.metadata);
	const given = json === '' ? [] : btcpay.jsonObjectMembers('Metadata (JSON)', json);
	for (const [key, field] of named) {
		if (given.some((m) => m.key === key)) check.fail('Metadata (JSON)', `sets "${key}", which ${field} sets too: use one of them`);
	}
	const members = [...named.map(([key, , value]) => member(key, value)), ...given.map((m) => m.text)];
	return members.length > 0 ? `{${members.join(',')}}` : undefined;
}

/** The `checkout` options, or undefined when none is set. */
function checkoutOptions(extra: CreateInvoiceFields): IDataObject | undefined {
	const checkout: IDataObject = {};
	if (extra.speedPolicy !== undefined) checkout.speedPolicy = check.oneOf('Speed Policy', check.text(extra.speedPolicy), SPEED_POLICIES);
	const methods = btcpay.paymentMethods('Payment Methods', check.text(extra.paymentMethods));
	if (methods.length > 0) checkout.paymentMethods = methods;
	const defaultMethod = check.text(extra.defaultPaymentMethod);
	if (defaultMethod !== '') checkout.defaultPaymentMethod = btcpay.paymentMethods('Default Payment Method', defaultMethod)[0];
	if (extra.expirationMinutes !== undefined) checkout.expirationMinutes = check.decimal('Expiration (Minutes)', extra.expirationMinutes, 0.5, 525_600);
	if (extra.monitoringMinutes !== undefined) checkout.monitoringMinutes = check.decimal('Monitoring (Minutes)', extra.monitoringMinutes, 0, 525_600);
	if (extra.paymentTolerance !== undefined) checkout.paymentTolerance = check.decimal('Payment Tolerance (%)', extra.paymentTolerance, 0, 100);
	const redirect = check.text(extra.redirectURL);
	if (redirect !== '') checkout.redirectURL = check.url('Redirect URL', redirect, 10, 2000);
	if (extra.redirectAutomatically !== undefined) checkout.redirectAutomatically = extra.redirectAutomatically === true;
	const language = check.text(extra.defaultLanguage);
	if (language !== '') checkout.defaultLanguage = btcpay.language('Default Language', language);
	return Object.keys(checkout).length > 0 ? checkout : undefined;
}

/** The request body's exact text, validated; throws ParameterError naming the field. */
export function buildCreateInvoiceBody(amount: unknown, currency: unknown, orderId: unknown, extra: CreateInvoiceFields): string {
	const members = [member('amount', check.amount('Amount', check.required('Amount', amount)))];
	const code = check.text(currency);
	if (code !== '') members.push(member('currency', btcpay.currency('Currency', code)));
	const metadata = metadataText(check.text(orderId), extra);
	if (metadata !== undefined) members.push(`"metadata":${metadata}`);
	const checkout = checkoutOptions(extra);
	if (checkout) members.push(member('checkout', checkout));
	return `{${members.join(',')}}`;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = buildCreateInvoiceBody(
		this.getNodeParameter('amount', itemIndex),
		this.getNodeParameter('currency', itemIndex, ''),
		this.getNodeParameter('orderId', itemIndex, ''),
		this.getNodeParameter('additionalFields', itemIndex, {}) as CreateInvoiceFields,
	);
	return resultItems(await callBtcPay(this, itemIndex, (c) => ({ method: 'POST', path: storePath(c.storeId, '/invoices'), body })));
}
