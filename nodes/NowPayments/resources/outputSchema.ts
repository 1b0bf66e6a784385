/**
 * The NOWPayments action node's output per resource and operation, for the editor's schema preview
 * (nodes/shared/outputSchema.ts). NOWPayments' own objects as its API documentation shows them ("Create payment",
 * "Get payment status", "Get list of payments", "Create invoice", "Get the minimum payment amount", "Get estimated
 * price"; docs/providers/nowpayments.md); they stay open (NOWPayments adds members). NOWPayments writes some numbers
 * as strings in some answers (`payment_id` "5745459419" when created, a number when read; an invoice's
 * `price_amount` "1000"): those members are described as number or text.
 */
import { flag, list, nullable, nullableText, object, text, type JsonSchema, type NodeOutput } from '../../shared/outputSchema';

/** A number NOWPayments sends as a JSON number or as text, depending on the endpoint. */
const numeric = (description: string): JsonSchema => ({ type: ['number', 'string'], description });
const nullableNumeric = (description: string): JsonSchema => ({ type: ['number', 'string', 'null'], description });

/** A payment as `POST /v1/payment`, `GET /v1/payment/{id}` and each entry of `GET /v1/payment/` return it. */
const payment = object('A NOWPayments payment', {
	payment_id: numeric('Id of the payment (the IPNs carry it too)'),
	payment_status: text('waiting, confirming, confirmed, sending, partially_paid, finished, failed, refunded or expired'),
	pay_address: text('The address the customer sends pay_amount of pay_currency to'),
	payin_extra_id: nullableText('Memo or destination tag of pay_address, where the network needs one'),
	price_amount: numeric('The price, in price_currency'),
	price_currency: text('Currency of the price'),
	pay_amount: numeric('What the customer has to send, in pay_currency'),
	amount_received: nullableNumeric('What you receive after the conversion, as estimated'),
	actually_paid: nullableNumeric('What the customer actually sent, in pay_currency'),
	actually_paid_at_fiat: nullableNumeric('actually_paid in the fiat price currency'),
	pay_currency: text('The crypto the customer pays in'),
	order_id: nullableText('Your order id'),
	order_description: nullableText('Your order description'),
	ipn_callback_url: nullableText("Where NOWPayments sends this payment's IPNs"),
	created_at: text('When the payment was created (ISO 8601)'),
	updated_at: text('When the payment last changed (ISO 8601)'),
	purchase_id: numeric('Id of the purchase'),
	parent_payment_id: nullableNumeric('A repeated deposit: the original payment'),
	invoice_id: nullableNumeric('The invoice the payment belongs to'),
	smart_contract: nullableText('Token contract of pay_currency, for tokens'),
	network: nullableText('Network of pay_currency'),
	network_precision: nullableNumeric('Decimal places of the network'),
	time_limit: nullableNumeric('Time limit of the payment'),
	burning_percent: nullableNumeric('Burning percent, for tokens that burn'),
	expiration_estimate_date: nullableText('When the payment expires, about (ISO 8601)'),
	valid_until: nullableText('Fixed-rate payments: until when the rate holds'),
	is_fixed_rate: flag('Whether the exchange rate is fixed'),
	is_fee_paid_by_user: flag('Whether the customer pays the fees'),
	type: nullableText('Kind of payment, e.g. crypto2crypto'),
	outcome_amount: nullableNumeric('What you receive, in outcome_currency'),
	outcome_currency: nullableText('The currency you receive'),
	payin_hash: nullableText("Hash of the customer's transaction"),
	payout_hash: nullableText('Hash of the transaction to your wallet'),
	payment_extra_ids: nullable(list('The repeated deposits of this payment', numeric('A payment id'))),
	fee: nullable(
		object('The fees', {
			currency: text('Currency of the fees'),
			depositFee: numeric('Deposit fee'),
			withdrawalFee: numeric('Withdrawal fee'),
			serviceFee: numeric('Service fee'),
		}),
	),
});

const invoice = object('A NOWPayments invoice: a payment page for the customer', {
	id: numeric('Id of the invoice (the invoice_id of the payments made on it)'),
	token_id: nullableText('Token of the payment page'),
	order_id: nullableText('Your order id'),
	order_description: nullableText('Your order description'),
	price_amount: numeric('The price, in price_currency'),
	price_currency: text('Currency of the price'),
	pay_currency: nullableText('The crypto the customer pays in; null lets the customer choose'),
	ipn_callback_url: nullableText("Where NOWPayments sends the payment's IPNs"),
	invoice_url: text('The payment page to send the customer to'),
	success_url: nullableText('Where the customer goes after paying'),
	cancel_url: nullableText('Where the customer goes when the payment fails'),
	partially_paid_url: nullableText('Where the customer goes after paying too little'),
	is_fixed_rate: flag('Whether the exchange rate is fixed'),
	is_fee_paid_by_user: flag('Whether the customer pays the fees'),
	created_at: text('When the invoice was created (ISO 8601)'),
	updated_at: text('When the invoice last changed (ISO 8601)'),
});

export const nowPaymentsActionOutput: NodeOutput = {
	operations: {
		payment: { create: payment, get: payment, getMany: payment },
		invoice: { create: invoice },
		currency: {
			getMinimumAmount: object('The smallest payment NOWPayments processes for the pair', {
				currency_from: text('The currency the customer pays in'),
				currency_to: text('The currency you receive'),
				min_amount: numeric('The minimum, in currency_from'),
				fiat_equivalent: numeric('The minimum in the fiat currency asked for (only when Fiat Equivalent is set)'),
			}),
			getEstimate: object('About what an amount costs in a crypto', {
				currency_from: text('Currency of the amount'),
				amount_from: numeric('The amount'),
				currency_to: text('The crypto estimated in'),
				estimated_amount: numeric('The amount in currency_to, estimated'),
			}),
		},
	},
};
