/**
 * The OxaPay action node's output per resource and operation, for the editor's schema preview
 * (nodes/shared/outputSchema.ts): OxaPay's `data` as it documents it (docs.oxapay.com api-reference/payment/
 * generate-invoice and payment-information). Amounts are JSON numbers, kept as their literal text where JavaScript
 * would change them (`1000.50`); the objects stay open (OxaPay may add members).
 */
import { flag, integer, list, numberOrLiteral, object, text, type NodeOutput } from '../../shared/outputSchema';

const transaction = object('A blockchain transaction paying the invoice', {
	tx_hash: text('Transaction hash'),
	amount: numberOrLiteral('Amount of the transaction, in currency'),
	currency: text('Coin paid, e.g. ETH'),
	network: text('Blockchain network, e.g. Ethereum Network'),
	address: text('The address paid to'),
	status: text('Status of the transaction, e.g. confirming, confirmed'),
	confirmations: integer('Block confirmations'),
	auto_convert: object('Auto-conversion of the received coins', {
		processed: flag('Whether the coins were converted'),
		amount: numberOrLiteral('Converted amount'),
		currency: text('Currency converted to, e.g. USDT'),
	}),
	auto_withdrawal: object('Auto-withdrawal to your address list', {
		processed: flag('Whether the coins were withdrawn'),
	}),
	date: integer('When the transaction was seen (Unix seconds)'),
});

export const oxaPayActionOutput: NodeOutput = {
	operations: {
		invoice: {
			create: object('The invoice OxaPay created', {
				track_id: text("OxaPay's id of the invoice: the OxaPay Trigger outputs it as id"),
				payment_url: text('Payment page to send the payer to'),
				expired_at: integer('When the invoice expires (Unix seconds)'),
				date: integer('When the invoice was created (Unix seconds)'),
			}),
		},
		payment: {
			get: object('The payment as OxaPay has it now', {
				track_id: text("OxaPay's id of the payment"),
				type: text('Kind of payment, e.g. invoice, white_label, static_address'),
				amount: numberOrLiteral('Invoice amount, in currency'),
				currency: text('Currency of the amount, e.g. USD, USDT'),
				status: text('Payment status: new, waiting, paying, paid, manual_accept, underpaid, refunding, refunded or expired'),
				mixed_payment: flag('Whether the payer may pay the rest in another coin'),
				fee_paid_by_payer: numberOrLiteral('1 when the payer pays the fee, else 0'),
				under_paid_coverage: numberOrLiteral('Underpayment still accepted as paid, in percent'),
				lifetime: integer('How long the invoice can be paid, in minutes'),
				callback_url: text('Where OxaPay sends the callbacks'),
				return_url: text('Page the payer is sent to after paying'),
				email: text("The payer's email"),
				order_id: text('Your order id'),
				description: text('Your description of the invoice'),
				thanks_message: text('Note shown to the payer after paying'),
				expired_at: integer('When the invoice expires (Unix seconds)'),
				date: integer('When the invoice was created (Unix seconds)'),
				txs: list('Every blockchain transaction paying the invoice', transaction),
			}),
		},
	},
};
