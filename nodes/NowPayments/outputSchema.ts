/**
 * The NOWPayments Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as
 * NOWPayments documents them (API documentation, "Webhooks Examples" for payments, withdrawals and custodial
 * recurring payments, "Get payment status", "Create payout"; docs/providers/nowpayments.md) and as genuine IPNs carry
 * them (`fee`, `parent_payment_id`, `payment_extra_ids`, `updated_at` in ms). Numbers are JSON numbers, kept as their
 * literal text where JavaScript would change them (`1.0`, a 20-digit `purchase_id`).
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
import { NOWPAYMENTS_EVENTS, NOWPAYMENTS_STATUSES, type NowPaymentsExtras } from './payload';
import { NOWPAYMENTS_SIGNATURE_FORMS, type NowPaymentsSignatureForm } from './signature';

const extra: PropertiesOf<NowPaymentsExtras & { signedWith: NowPaymentsSignatureForm }> = {
	parentPaymentId: {
		type: ['string', 'null'],
		description:
			'Payments: parent_payment_id, the original payment of a repeated deposit (NOWPayments asks integrations to track it); null otherwise',
	},
	actuallyPaid: {
		type: ['string', 'null'],
		description: 'Payments: actually_paid, what the payer really sent, in payCurrency, exactly as sent; null for payouts and custody',
	},
	payCurrency: { type: ['string', 'null'], description: 'Payments: pay_currency, the crypto the payer sent; null otherwise' },
	signedWith: {
		type: 'string',
		enum: NOWPAYMENTS_SIGNATURE_FORMS,
		description:
			'Which serialization the signature matched: sortedDeep (keys sorted at every depth, what NOWPayments signs) or listsAsObjects (opt-in)',
	},
};

/** A JSON number as NOWPayments printed it; some members are sometimes null. */
const nullableNumber = (description: string): JsonSchema => ({ type: ['number', 'string', 'null'], description });

export const nowPaymentsTriggerOutput = triggerOutput({
	provider: 'nowpayments',
	events: NOWPAYMENTS_EVENTS,
	statuses: NOWPAYMENTS_STATUSES,
	fields: {
		event: 'payment (has payment_id), payout (has batch_withdrawal_id) or custody (id and status)',
		status: 'payment_status (payments), status (payouts and custody, in upper case, e.g. FINISHED)',
		id: 'payment_id (payments), id (payouts and custody)',
		orderId: 'order_id (payments), unique_external_id (payouts)',
		amount: 'price_amount, the order\'s price (payments); amount (payouts and custody)',
		currency: 'price_currency (payments), currency (payouts and custody)',
		network: 'NOWPayments sends none (the ticker says it, e.g. usdttrc20)',
		txHash: 'payin_hash (payments), hash (payouts)',
		confirmations: 'NOWPayments sends none',
		dedupeKey: 'payment_id:payment_status (payments), payout:id:status, custody:id:status',
	},
	extra,
	payload: {
		description: 'The IPN NOWPayments sent, parsed and unchanged',
		properties: {
			// payments (and invoices paid)
			payment_id: numberOrLiteral('Payments: id of the payment'),
			parent_payment_id: nullableNumber('Payments: the original payment of a repeated deposit'),
			invoice_id: nullableNumber('Payments: the invoice the payment was made on'),
			payment_status: text('Payments: waiting, confirming, confirmed, sending, partially_paid, finished, failed, refunded or expired'),
			pay_address: text('Payments: the address the payer sends to'),
			payin_extra_id: nullableText('Payments: memo or destination tag of pay_address'),
			payin_hash: nullableText('Payments: hash of the payer\'s transaction'),
			price_amount: numberOrLiteral('Payments: the price of the order, in price_currency'),
			price_currency: text('Payments: currency of the price'),
			pay_amount: numberOrLiteral('Payments: the amount the payer has to send, in pay_currency'),
			actually_paid: numberOrLiteral('Payments: what the payer actually sent, in pay_currency'),
			actually_paid_at_fiat: numberOrLiteral('Payments: actually_paid in the fiat price currency'),
			pay_currency: text('Payments: the crypto the payer pays in'),
			order_id: nullableText('Payments: your order id'),
			order_description: nullableText('Payments: your order description'),
			purchase_id: numberOrLiteral('Payments: id of the purchase'),
			outcome_amount: numberOrLiteral('Payments: what you receive, in outcome_currency'),
			outcome_currency: text('Payments: the currency you receive'),
			payment_extra_ids: nullable(list('Payments: the repeated deposits of this payment', numberOrLiteral('A payment id'))),
			fee: nullable(
				object('Payments: the fees', {
					currency: text('Currency of the fees'),
					depositFee: numberOrLiteral('Deposit fee'),
					withdrawalFee: numberOrLiteral('Withdrawal fee'),
					serviceFee: numberOrLiteral('Service fee'),
				}),
			),
			// payouts (withdrawals) and custody
			id: numberOrLiteral('Payouts and custody: id of the withdrawal or custody operation'),
			batch_withdrawal_id: numberOrLiteral('Payouts: id of the payout batch'),
			status: text('Payouts: CREATING, WAITING, PROCESSING, SENDING, FINISHED, FAILED, REJECTED. Custody: e.g. FINISHED, WAITING_PAY, PAID'),
			error: nullableText('Payouts: why the withdrawal failed'),
			currency: text('Payouts and custody: currency'),
			amount: numberOrLiteral('Payouts and custody: amount (payouts send it as a string)'),
			address: text('Payouts: the address paid to'),
			extra_id: nullableText('Payouts: memo or destination tag of the address'),
			hash: nullableText('Payouts: hash of the transaction'),
			unique_external_id: nullableText('Payouts: your own id of the withdrawal'),
			ipn_callback_url: text('Payouts: where this IPN was sent'),
			created_at: text('Payouts: when the withdrawal was created'),
			requested_at: nullableText('Payouts: when the withdrawal was requested'),
			// both
			updated_at: numberOrLiteral('When the payment or withdrawal last changed: payments in Unix milliseconds, payouts as ISO text'),
		},
	},
});
