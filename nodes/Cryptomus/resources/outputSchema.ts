/**
 * The Cryptomus action node's output per resource and operation, for the editor's schema preview
 * (nodes/shared/outputSchema.ts). Cryptomus's own objects as it documents them (doc.cryptomus.com payments/
 * creating-invoice and payment-information, payments/list-of-services, payouts/payout-information, balance); they
 * stay open (Cryptomus may add members). The items this node builds itself (test webhook, resend) are closed.
 */
import {
	closedItem,
	flag,
	integer,
	list,
	nullable,
	nullableText,
	numberOrLiteral,
	object,
	text,
	type JsonSchema,
	type NodeOutput,
} from '../../shared/outputSchema';

/** An invoice as `POST /v1/payment` and `/v1/payment/info` return it (and each entry of the payment history). */
const invoice = object('A Cryptomus invoice', {
	uuid: text('uuid of the invoice'),
	order_id: text('Your order id'),
	amount: text('Invoice amount'),
	payment_amount: nullableText('Amount actually paid'),
	payer_amount: nullableText('Amount the payer has to pay, in payer_currency'),
	discount_percent: { type: ['integer', 'null'], description: 'Discount (negative: surcharge) in percent' },
	discount: text('Discount amount'),
	payer_currency: nullableText('Currency the payer pays in'),
	currency: text('Invoice currency'),
	comments: nullableText('Comments'),
	merchant_amount: nullableText('Amount added to your balance, commissions subtracted'),
	network: nullableText('Blockchain network'),
	address: nullableText('Payment address'),
	from: nullableText("Payer's address"),
	txid: nullableText('Transaction hash'),
	payment_status: text('Payment status'),
	url: text('Payment page for the payer'),
	expired_at: integer('When the invoice expires (Unix seconds)'),
	status: text('Invoice status, e.g. check, paid, cancel'),
	is_final: flag('Whether the invoice is final'),
	additional_data: nullableText('Your additional data'),
	created_at: text('Created (Cryptomus time)'),
	updated_at: text('Last updated (Cryptomus time)'),
});

/** What the node asked Cryptomus for, and its answer (an empty list): the item of the operations that only act. */
const acted = (description: string, request: { [key: string]: JsonSchema }, more: { [key: string]: JsonSchema } = {}) =>
	closedItem(description, {
		success: flag('true: Cryptomus accepted the request'),
		...more,
		request: object('The request body the node sent', request),
		result: { type: ['array', 'null'], description: "Cryptomus's answer: an empty list" },
	});

const testWebhook = acted(
	'Cryptomus accepted the request and sends a signed test webhook to the Callback URL',
	{
		url_callback: text('Where Cryptomus sends the webhook'),
		currency: text('Currency'),
		network: text('Network'),
		status: text('Status the test webhook carries'),
		uuid: text('uuid of an existing invoice, payout or wallet'),
		order_id: text('Order id of an existing invoice, payout or wallet'),
	},
	{ webhookType: { type: 'string', enum: ['payment', 'payout', 'wallet'], description: 'Which test webhook was asked for' } },
);

const lookup = { uuid: text('uuid asked for'), order_id: text('Order id asked for') };

const wallets = (description: string) =>
	list(
		description,
		object('A wallet', {
			uuid: text('uuid of the wallet'),
			balance: text('Balance'),
			currency_code: text('Currency'),
			balance_usd: text('Balance in USD'),
		}),
	);

export const cryptomusActionOutput: NodeOutput = {
	operations: {
		testWebhook: { payment: testWebhook, payout: testWebhook, wallet: testWebhook },
		payment: {
			create: invoice,
			get: invoice,
			getMany: invoice,
			getServices: object('A currency and network you can accept', {
				network: text('Network code'),
				currency: text('Currency code'),
				is_available: flag('Whether it can be used now'),
				limit: object('Amount limits', { min_amount: text('Minimum amount'), max_amount: text('Maximum amount') }),
				commission: object('Commission', { fee_amount: text('Fixed fee'), percent: text('Percent') }),
			}),
			resendWebhook: acted('Cryptomus sends the invoice\'s last webhook again to its Callback URL', lookup),
		},
		payout: {
			get: object('A Cryptomus payout', {
				uuid: text('uuid of the payout'),
				amount: text('Payout amount'),
				currency: text('Currency'),
				network: text('Network'),
				address: text('Address paid to'),
				txid: nullableText('Transaction hash'),
				status: nullableText('Payout status'),
				is_final: flag('Whether the payout is final'),
				balance: numberOrLiteral('Your balance after the payout'),
				payer_currency: nullableText('Currency actually sent'),
				payer_amount: nullable(numberOrLiteral('Amount in payer_currency')),
				order_id: nullableText('Your order id'),
			}),
		},
		balance: {
			get: object('Your balances', {
				balance: object('Balances per wallet', {
					merchant: wallets('Merchant wallets'),
					user: wallets('Personal wallets'),
				}),
			}),
		},
	},
};
