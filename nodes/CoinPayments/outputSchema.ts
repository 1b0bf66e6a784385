/**
 * The CoinPayments Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). One item shape for
 * both modes (the node parameter Notifications): the top level is the same, `payload` is what the mode receives —
 * - IPN (v1 API): the form's fields, every value a string, as CoinPayments' IPN page lists them
 *   (https://www.coinpayments.net/merchant-tools-ipn, "IPN POST Fields"; which fields come depends on ipn_type);
 * - API webhooks (newer API): `{id, type, timestamp, invoice}` as CoinPayments' example notification writes it
 *   (CoinPaymentsNet/CoinPaymentsNET.github.io openapi/paths/webhooks/webhooks.md). Amounts are sent as JSON numbers
 *   or strings (the docs say string, their example shows numbers): both are described.
 * Sources in docs/providers/coinpayments.md.
 */
import {
	list,
	nullable,
	nullableText,
	numberOrLiteral,
	object,
	text,
	triggerOutput,
	type JsonSchema,
	type PropertiesOf,
} from '../shared/outputSchema';
import { COINPAYMENTS_PAYMENT_STATUSES, COINPAYMENTS_WEBHOOK_EVENTS, type CoinPaymentsFields } from './payload';

type SignedWith = 'ipnSecret' | 'clientSecret';

const extra: PropertiesOf<Pick<CoinPaymentsFields, 'ipnId' | 'statusText'> & { signedWith: SignedWith }> = {
	ipnId: { type: ['string', 'null'], description: 'IPN: ipn_id, the unique identifier of this IPN (null for API webhooks)' },
	statusText: {
		type: ['string', 'null'],
		description: 'IPN: status_text, the status in words, e.g. Complete (null for API webhooks)',
	},
	signedWith: {
		type: 'string',
		enum: ['ipnSecret', 'clientSecret'] satisfies SignedWith[],
		description: 'What verified the notification: ipnSecret (IPN, HMAC header) or clientSecret (API webhook, X-CoinPayments-Signature)',
	},
};

/** A form field of the IPN: always text. */
const ipn = (description: string): JsonSchema => text(`IPN: ${description}`);
/** A time of the newer API: Unix seconds in their example notification, a text in their schema. */
const time = (description: string): JsonSchema => ({ type: ['integer', 'string', 'null'], description });

const invoice: JsonSchema = {
	type: ['object', 'string'],
	description:
		'API webhooks: the invoice the notification is about. IPN: invoice, your own passthru text (not visible to the buyer)',
	properties: {
		id: text('Invoice id assigned by CoinPayments'),
		invoiceId: nullableText('Your own invoice number (the item\'s orderId)'),
		invoiceNumber: nullableText('Invoice number'),
		invoiceNumberSuffix: nullableText('Suffix of the invoice number'),
		merchantId: text('Id of the merchant that created the invoice'),
		merchantClientId: nullableText('Id of the API integration that created the invoice'),
		description: nullableText('Description of the invoice'),
		state: text('Invoice state: Unpaid, Pending, Paid, Completed, Cancelled, TimedOut'),
		createdAt: time('When the invoice was created'),
		expiresDate: time('When the invoice expires'),
		confirmedAt: time('When the payment was confirmed'),
		completedAt: time('When the invoice was completed'),
		canceledAt: time('When the invoice was cancelled'),
		customData: { type: ['object', 'null'], description: 'Your custom data (not shown to buyers)' },
		notes: nullableText('Notes for the merchant only'),
		metadata: nullable(
			object('Where the invoice came from', {
				integration: nullableText('Integration name'),
				hostname: nullableText('Server name of the integration'),
			}),
		),
		amount: object('Invoice amount', {
			currency: object('Currency of the amount', {
				id: numberOrLiteral('Currency id (CoinPayments identifies currencies by number, e.g. 5057)'),
				smartContract: nullableText('Token contract, for tokens'),
			}),
			currencyId: numberOrLiteral('Currency id (older notifications)'),
			subtotal: numberOrLiteral('Subtotal of the purchase'),
			shippingTotal: numberOrLiteral('Shipping amount'),
			handlingTotal: numberOrLiteral('Handling amount'),
			discountTotal: numberOrLiteral('Discount amount'),
			taxTotal: numberOrLiteral('Tax amount'),
			total: numberOrLiteral('Total amount of the invoice (the item\'s amount)'),
		}),
		lineItems: list(
			'Purchased items',
			object('A line item', {
				name: text('Item name'),
				quantity: numberOrLiteral('Quantity'),
				amount: numberOrLiteral('Item cost'),
				originalAmount: numberOrLiteral('Item cost before changes'),
				sku: nullableText('SKU'),
				customId: nullableText('Your id of the item'),
				type: nullableText('Item type, e.g. Quantity'),
			}),
		),
		payments: list('Payments of the invoice', { type: 'object', description: 'A payment', additionalProperties: true }),
	},
	additionalProperties: true,
};

export const coinPaymentsTriggerOutput = triggerOutput({
	provider: 'coinpayments',
	statuses: [...Object.keys(COINPAYMENTS_PAYMENT_STATUSES), 'Unpaid', 'Pending', 'Paid', 'Completed', 'Cancelled', 'TimedOut'],
	fields: {
		event: `IPN: ipn_type (button, simple, cart, donation, deposit, withdrawal, api). API webhooks: the event (${COINPAYMENTS_WEBHOOK_EVENTS.join(', ')}; a type CoinPayments adds later is kept as sent)`,
		status: 'IPN: the numeric status as sent, e.g. "100", "-1". API webhooks: invoice.state, e.g. Completed',
		id: 'IPN: txn_id (payments), deposit_id (deposits), id (withdrawals). API webhooks: invoice.id',
		orderId: 'IPN: the first of invoice, item_number, custom. API webhooks: invoice.invoiceId (else invoiceNumber)',
		amount:
			'IPN: amount1, the price in your currency (deposits and withdrawals: amount, in the coin). API webhooks: invoice.amount.total',
		currency: 'IPN: currency1 (deposits and withdrawals: currency, the coin). API webhooks: the currency id, e.g. 5057',
		network: 'CoinPayments sends none (the coin code says it, e.g. USDT.TRC20)',
		txHash: 'IPN: send_tx (payments: your payout transaction, once sent), txn_id (deposits, withdrawals)',
		confirmations: 'IPN: received_confirms (payments), confirms (deposits)',
		dedupeKey: 'IPN: ipn_type:id:status. API webhooks: invoice id:event',
	},
	extra,
	payload: {
		description:
			'What CoinPayments sent, parsed: the IPN form (every value a string) or the API webhook\'s JSON (unchanged)',
		properties: {
			// IPN: the fields of every IPN
			ipn_version: ipn('1.0'),
			ipn_type: ipn('simple, button, cart, donation, deposit, withdrawal or api'),
			ipn_mode: ipn('hmac'),
			ipn_id: ipn('The unique identifier of this IPN'),
			merchant: ipn('Your merchant ID'),
			status: ipn('Numeric status (payments: <0 failed, 0–99 pending, ≥100 complete, 2 = queued for nightly payout; withdrawals: 0 waiting for email confirmation, 1 pending, 2 sent)'),
			status_text: ipn('The status in words'),
			// IPN: payments (button, simple, cart, donation, api)
			txn_id: ipn('Payments: the unique ID of the payment. Deposits and withdrawals: the coin transaction ID'),
			currency1: ipn('Payments: the original currency/coin of your button or transaction'),
			currency2: ipn('Payments: the coin the buyer chose to pay with'),
			amount1: ipn('Payments: the total amount in your original currency/coin'),
			amount2: ipn("Payments: the total amount in the buyer's coin"),
			fee: ipn("The fee (payments: in the buyer's coin; deposits: deducted by CoinPayments, only when status >= 100)"),
			net: ipn("Buttons: the net amount you received of the buyer's coin"),
			subtotal: ipn('Buttons: the subtotal before shipping and tax'),
			shipping: ipn('Buttons: the shipping charged'),
			tax: ipn('Buttons: the tax'),
			item_name: ipn('Payments: the name of the item purchased'),
			item_number: ipn('Payments: your passthru variable [visible to buyer]'),
			item_amount: ipn('Buttons: the amount of the item in the original currency'),
			quantity: ipn('Buttons: the quantity bought'),
			custom: ipn('Your passthru variable [not visible to buyer]'),
			invoice,
			first_name: ipn("Buttons: the buyer's first name"),
			last_name: ipn("Buttons: the buyer's last name"),
			email: ipn("Buttons and API: the buyer's email address"),
			buyer_name: ipn("API: the buyer's name"),
			send_tx: ipn('Payments: the TX ID of the payment to you (status >= 100, payout mode ASAP or Nightly)'),
			received_amount: ipn('Payments: the amount of currency2 received when the IPN was generated'),
			received_confirms: ipn("Payments: the confirms of received_amount when the IPN was generated"),
			// IPN: deposits and withdrawals
			deposit_id: ipn('Deposits: unique ID of the deposit (use it for duplicate checks)'),
			address: ipn('Deposits: the address the payment was received on. Withdrawals: the address sent to'),
			dest_tag: ipn('Deposits: extra tag for coins that use one (Ripple destination tag, …)'),
			currency: ipn('Deposits: the coin the buyer paid with. Withdrawals: the coin of the withdrawal'),
			confirms: ipn('Deposits: the number of confirms'),
			amount: ipn('Deposits and withdrawals: the total amount'),
			amounti: ipn('Deposits and withdrawals: the total amount in Satoshis'),
			fiat_coin: ipn('Deposits: the fiat currency of your merchant settings'),
			fiat_amount: ipn('Deposits: the amount in fiat_coin'),
			// API webhooks
			id: text('API webhooks: the notification id. IPN withdrawals: the withdrawal id'),
			type: text('API webhooks: the event type as sent, e.g. invoiceCompleted or InvoiceCompleted'),
			timestamp: text('API webhooks: when the event was produced'),
		},
	},
});
