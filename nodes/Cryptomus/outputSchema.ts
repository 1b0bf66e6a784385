/**
 * The Cryptomus Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as
 * Cryptomus documents them: doc.cryptomus.com payments/webhook (payment and static wallet) and payouts/webhook.
 * Amounts are decimal strings; optional members may be null or absent.
 */
import {
	flag,
	nullable,
	nullableText,
	object,
	text,
	triggerOutput,
	type PropertiesOf,
} from '../shared/outputSchema';
import { CRYPTOMUS_EVENTS, PAYMENT_STATES, PAYOUT_STATES } from './payload';
import type { CryptomusKeyName } from './signature';

const extra: PropertiesOf<{ signedWith: CryptomusKeyName }> = {
	signedWith: {
		type: 'string',
		enum: ['payment', 'payout'] satisfies CryptomusKeyName[],
		description: 'Which API key of the credential verified the sign: payment (payments, wallets, test webhooks) or payout',
	},
};

export const cryptomusTriggerOutput = triggerOutput({
	provider: 'cryptomus',
	events: CRYPTOMUS_EVENTS,
	statuses: [...new Set([...Object.keys(PAYMENT_STATES), ...Object.keys(PAYOUT_STATES)])],
	fields: {
		event: 'payment (invoice), wallet (static wallet) or payout (type)',
		id: 'uuid of the invoice or payout',
		orderId: 'order_id',
		amount: 'the invoice or payout amount (amount)',
		currency: 'the invoice currency (currency)',
		txHash: 'txid',
		confirmations: 'Cryptomus sends none',
		dedupeKey: 'uuid:status',
	},
	extra,
	payload: {
		description: 'The webhook Cryptomus sent, parsed and unchanged',
		properties: {
			type: text('Kind of webhook: payment, wallet or payout'),
			uuid: text('uuid of the invoice or payout'),
			order_id: nullableText('Order ID in your system'),
			amount: nullableText('Amount of the invoice or payout'),
			payment_amount: nullableText('Amount actually paid by the customer'),
			payment_amount_usd: nullableText('Amount actually paid by the customer, in USD'),
			merchant_amount: nullableText(
				'Payments: the amount added to your balance, commissions subtracted. Payouts: the amount debited from your balance, commissions included',
			),
			commission: nullableText('Cryptomus commission'),
			is_final: flag('Whether the invoice or payout is final (paid, expired or failed)'),
			status: text('Payment or payout status'),
			fail_reason: nullableText('Payouts: why the payout failed (aml, system_error, address_error)'),
			from: nullableText("The payer's wallet address"),
			wallet_address_uuid: nullableText('uuid of the static wallet'),
			network: nullableText('Blockchain network of the payment'),
			currency: nullableText('Invoice currency'),
			payer_currency: nullableText('The currency the customer actually paid in (payouts: the currency sent)'),
			payer_amount: nullableText('Amount in payer_currency'),
			payer_amount_exchange_rate: nullableText('Exchange rate applied when the payment was made'),
			transfer_id: nullableText('Id of an internal P2P transfer (local payments)'),
			additional_data: nullableText('The additional data you gave when creating the invoice'),
			convert: nullable(
				object('Auto-conversion of the payment, when enabled for payer_currency', {
					to_currency: text('Currency converted to'),
					commission: nullableText('Conversion commission'),
					rate: text('Conversion rate'),
					amount: text('Converted amount'),
				}),
			),
			txid: nullableText('Transaction hash on the blockchain'),
			sign: text('The signature the trigger verified'),
		},
	},
});
