/**
 * The OxaPay Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as OxaPay
 * documents them (docs.oxapay.com/webhook: payment and payout callbacks; the payment-information response for the
 * members of each transaction in `txs`; OxaPay's WooCommerce plugin, which reads `status` capitalised and
 * `txs[0].tx_hash`). Amounts are JSON numbers, kept as their literal text where JavaScript would change them
 * (`10.50`); members OxaPay adds later pass through.
 */
import {
	flag,
	integer,
	list,
	numberOrLiteral,
	object,
	text,
	triggerOutput,
	type JsonSchema,
	type PropertiesOf,
} from '../shared/outputSchema';
import type { OxaPayKeyName } from './signature';
import { OXAPAY_EVENTS, PAYMENT_STATES, PAYOUT_STATES } from './payload';

/** Text as OxaPay documents it; a number (legacy bodies) passes through as sent. */
const textOrNumber = (description: string): JsonSchema => ({ type: ['string', 'number'], description });

const extra: PropertiesOf<{ signedWith: OxaPayKeyName }> = {
	signedWith: {
		type: 'string',
		enum: ['merchant', 'payout'] satisfies OxaPayKeyName[],
		description: 'Which API key of the credential verified the HMAC header: merchant (payments) or payout (payouts)',
	},
};

const transaction = object('A blockchain transaction of the payment', {
	status: text('Status of the transaction, e.g. confirming, confirmed'),
	tx_hash: text('Transaction hash'),
	sent_amount: numberOrLiteral('Amount the payer sent, in currency'),
	received_amount: numberOrLiteral('Amount received after network fees, in currency'),
	amount: numberOrLiteral('Amount of the transaction, in currency'),
	value: numberOrLiteral('Value of the transaction (OxaPay\'s value; its unit is not documented)'),
	sent_value: numberOrLiteral('Value actually received (OxaPay\'s sent_value; its unit is not documented)'),
	currency: text('Coin paid, e.g. USDT'),
	network: text('Blockchain network, e.g. Tron Network'),
	sender_address: text("The payer's address"),
	address: text('The address paid to'),
	rate: numberOrLiteral('Exchange rate OxaPay applied to the transaction'),
	confirmations: integer('Block confirmations'),
	auto_convert: object('Auto-conversion of the received coins', {
		processed: flag('Whether the coins were converted'),
		amount: numberOrLiteral('Converted amount'),
		currency: text('Currency converted to'),
	}),
	auto_withdrawal: object('Auto-withdrawal to your address list', {
		processed: flag('Whether the coins were withdrawn'),
	}),
	date: integer('When the transaction was seen (Unix seconds)'),
});

export const oxaPayTriggerOutput = triggerOutput({
	provider: 'oxapay',
	statuses: [...new Set([...Object.keys(PAYMENT_STATES), ...Object.keys(PAYOUT_STATES)])],
	fields: {
		event: `the callback's type: ${OXAPAY_EVENTS.join(', ')} (a type OxaPay adds later passes through; unknown when missing)`,
		status: 'as sent, usually capitalised (Paying, Paid, Confirmed): compare it ignoring case, or use state',
		id: 'track_id',
		orderId: 'order_id',
		amount: 'the invoice or payout amount (amount), e.g. 10.50',
		currency: 'currency of the amount (currency)',
		network: "the payout's network, or the payment's first transaction's (txs[0].network)",
		txHash: "the payout's tx_hash, or the payment's first transaction's (txs[0].tx_hash)",
		confirmations: "the payout's, or the payment's first transaction's (txs[0].confirmations)",
		dedupeKey: 'track_id:status in lower case',
	},
	extra,
	payload: {
		description: 'The callback OxaPay sent, parsed and unchanged (payment callbacks carry txs, payouts address and tx_hash)',
		properties: {
			track_id: textOrNumber('OxaPay\'s id of the payment or payout'),
			status: text('Status as OxaPay sent it, e.g. Paying, Paid; payouts Confirmed'),
			type: text(`Kind of callback: ${OXAPAY_EVENTS.join(', ')}`),
			module_name: text('Which OxaPay service made the payment'),
			amount: numberOrLiteral('Invoice or payout amount, in currency'),
			value: numberOrLiteral('Value of the amount (OxaPay\'s value; its unit is not documented)'),
			sent_value: numberOrLiteral('Value the payer actually sent (OxaPay\'s sent_value)'),
			currency: text('Currency of the amount'),
			order_id: text('Your order id, as given when creating the invoice'),
			email: text("The payer's email, as given when creating the invoice"),
			note: text('Note'),
			fee_paid_by_payer: numberOrLiteral('1 when the payer pays the fee, else 0'),
			under_paid_coverage: numberOrLiteral('Underpayment still accepted as paid, in percent'),
			description: text('Your description of the invoice or payout'),
			date: integer('When the payment or payout was created (Unix seconds)'),
			txs: list('Payments: every blockchain transaction paying the invoice', transaction),
			address: text('Payouts: the address paid to'),
			network: text('Payouts: blockchain network'),
			fee: numberOrLiteral('Payouts: the fee'),
			tx_hash: text('Payouts: transaction hash'),
			confirmations: integer('Payouts: block confirmations'),
		},
	},
});
