/**
 * The Cryptofuse Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as
 * Cryptofuse documents them (cryptofuse-docs.pages.dev webhook-reference, docs.cryptofuse.io webhook-flow-guide; v0.9:
 * guides/implementing-callbacks). The documents disagree with each other, so both documented `data` shapes are
 * listed and types are loose (amounts arrive as text or as JSON numbers).
 */
import { list, object, text, triggerOutput, type JsonSchema, type PropertiesOf } from '../shared/outputSchema';
import { CRYPTOFUSE_STATES, KNOWN_EVENTS, type CryptofuseExtra } from './payload';

const loose = (description: string): JsonSchema => ({ type: ['string', 'number', 'null'], description });

const extra: PropertiesOf<CryptofuseExtra> = {
	webhookVersion: {
		type: 'string',
		enum: ['1.0', '0.9'] satisfies Array<CryptofuseExtra['webhookVersion']>,
		description: 'Which webhook format arrived: 1.0 (signed) or 0.9 (legacy, unsigned)',
	},
	previousStatus: { type: ['string', 'null'], description: 'The status before this one (previous_status)' },
	priceAmount: { type: ['string', 'null'], description: 'The invoice price as a decimal string (price_amount)' },
	priceCurrency: { type: ['string', 'null'], description: 'Currency of the price (price_currency)' },
	amountUsd: { type: ['string', 'null'], description: 'The amount in USD as a decimal string (amount_usd)' },
};

export const cryptofuseTriggerOutput = triggerOutput({
	provider: 'cryptofuse',
	statuses: Object.keys(CRYPTOFUSE_STATES),
	fields: {
		event: `event (1.0) or event_type (0.9), e.g. ${KNOWN_EVENTS.join(', ')}`,
		id: 'transaction_id (0.9: payment_id)',
		orderId: 'order_id (0.9: custom_id)',
		amount: 'what the payer sends in crypto: pay_amount or amount_crypto (0.9: crypto_amount)',
		currency: 'pay_currency or currency (0.9: token)',
		network: 'blockchain',
		txHash: 'transaction_hash',
		confirmations: 'confirmations',
		dedupeKey: 'transaction_id:status (a body without an id: sha256 of the body)',
	},
	extra,
	payload: {
		description: 'The webhook Cryptofuse sent, parsed and unchanged',
		properties: {
			event: text('1.0: the event, e.g. payment_status_update'),
			timestamp: text('1.0: when the webhook was sent (ISO 8601)'),
			transaction_id: text('1.0: the transaction (some examples repeat it at the top level)'),
			status: text('The status (1.0: some examples repeat it at the top level)'),
			data: object('1.0: the payment or withdrawal', {
				transaction_id: text('Id of the transaction'),
				status: text('waiting, confirming, completed, partially_completed, expired or failed'),
				previous_status: loose('The status before'),
				payment_type: loose('Kind of payment'),
				order_id: loose('Your order id'),
				price_amount: loose('Invoice price'),
				price_currency: loose('Currency of the price'),
				pay_amount: loose('Amount the payer sends, in crypto'),
				pay_currency: loose('Crypto the payer sends, e.g. USDTERC20'),
				amount_usd: loose('Amount in USD'),
				amount_crypto: loose('Amount in crypto'),
				blockchain: loose('Blockchain'),
				token: loose('Token'),
				currency: loose('Currency'),
				address: loose('Payment address'),
				blockchain_address: loose('Payment address'),
				transaction_hash: loose('Transaction hash'),
				confirmations: loose('Confirmations'),
				merchant_received_usd: loose('What you received, in USD'),
				total_paid_amount: loose('Total paid so far'),
				payment_history: list(
					'Deposits towards this payment',
					object('A deposit', {
						deposit_id: loose('Id of the deposit'),
						amount: loose('Amount'),
						transaction_hash: loose('Transaction hash'),
						confirmations: loose('Confirmations'),
						timestamp: loose('When'),
					}),
				),
			}),
			event_type: text('0.9: the event, e.g. payment.status_updated'),
			payment_id: text('0.9: the payment'),
			crypto_amount: loose('0.9: amount in crypto'),
			token: loose('0.9: token, e.g. USDT'),
			blockchain: loose('0.9: blockchain, e.g. ETH'),
			transaction_hash: loose('0.9: transaction hash'),
			confirmations: loose('0.9: confirmations'),
			custom_id: loose('0.9: your order id'),
			created_at: loose('0.9: created'),
			updated_at: loose('0.9: updated'),
		},
	},
});
