/**
 * The CryptAPI action node's output per resource and operation, for the editor's schema preview
 * (nodes/shared/outputSchema.ts): CryptAPI's answers as it documents them (docs.cryptapi.io api/tickercreate,
 * tickerlogs, tickerinfo, tickerestimate, tickerconvert, tickerqrcode; docs/providers/cryptapi.md). CryptAPI writes
 * amounts as JSON numbers or as decimal text; numbers JavaScript would change come out as their literal text. The
 * objects stay open (CryptAPI may add members).
 */
import {
	flag,
	integer,
	list,
	numberOrLiteral,
	object,
	text,
	type JsonSchema,
	type NodeOutput,
} from '../../shared/outputSchema';

const success: JsonSchema = { type: 'string', enum: ['success'], description: 'success (CryptAPI\'s errors stop the item instead)' };

const addressOut: JsonSchema = {
	type: ['string', 'object'],
	description: 'Your address the payments are forwarded to, or for a split payment a map of address → share',
};

/** Values per fiat currency, e.g. {"USD": "1.00", "EUR": "0.85"}. */
const perFiat = (description: string) =>
	object(description, { USD: numberOrLiteral('In US dollars'), EUR: numberOrLiteral('In euros') });

const callLog = object("One of CryptAPI's calls to your callback URL (the last 10 are kept)", {
	request_url: text('The URL CryptAPI called, its fields included'),
	responses: text('What your URL answered (the CryptAPI Trigger answers *ok*)'),
	response_status: text('HTTP status of your answer'),
	next_try: text('When CryptAPI tries again, empty once answered *ok*'),
	pending: text('1 for the pending callback, 0 for the confirmed one'),
	confirmed: integer('1 when the payment was confirmed at the time of the call'),
});

const payment = object('A payment to the address, with the callbacks CryptAPI made for it', {
	txid_in: text('Hash of the transaction the customer sent'),
	txid_out: text('Hash of the forwarding transaction'),
	value_coin: numberOrLiteral('Amount paid, in the coin'),
	value_forwarded_coin: numberOrLiteral('Amount forwarded to you, in the coin, after fees'),
	confirmations: integer('Confirmations of the payment'),
	last_update: text('When CryptAPI last updated the payment'),
	result: text('pending (not confirmed), sent (callback sent, not yet answered *ok*) or done'),
	fee_percent: numberOrLiteral("CryptAPI's fee, in percent"),
	fee_coin: numberOrLiteral("CryptAPI's fee, in the coin"),
	logs: list("CryptAPI's calls to your callback URL, newest first", callLog),
});

export const cryptApiActionOutput: NodeOutput = {
	operations: {
		address: {
			create: object('The payment address CryptAPI created (the same callback URL gives the same address)', {
				address_in: text('The address the customer pays to'),
				address_out: addressOut,
				callback_url: text('The callback URL CryptAPI calls, with your order_id and parameters'),
				priority: text('Fee priority for forwarding'),
				minimum_transaction_coin: numberOrLiteral('Smallest payment CryptAPI accepts, in the coin (less is ignored)'),
				status: success,
			}),
			getLogs: object('The payment address, its settings and every payment to it', {
				address_in: text('The address the customer pays to'),
				address_out: addressOut,
				callback_url: text('The callback URL the address was created with'),
				notify_pending: flag('Whether CryptAPI also calls back when a payment is first seen'),
				notify_confirmations: integer('Confirmations before the confirmed callback'),
				priority: text('Fee priority for forwarding'),
				callbacks: list('Every payment to the address', payment),
				status: success,
			}),
		},
		coin: {
			getInfo: object("What CryptAPI knows about the ticker's coin", {
				coin: text('Name of the coin, e.g. Bitcoin'),
				logo: text('URL of the coin\'s logo'),
				ticker: text('The ticker, e.g. btc or trc20/usdt'),
				minimum_transaction_coin: numberOrLiteral('Smallest payment CryptAPI accepts, in the coin (less is ignored)'),
				minimum_fee_coin: numberOrLiteral("CryptAPI's minimum fee, in the coin"),
				fee_percent: numberOrLiteral("CryptAPI's fee, in percent"),
				network_fee_estimation: numberOrLiteral('Estimated blockchain fee for forwarding, in the coin'),
				prices: perFiat('Price of the coin per fiat currency (only with Include Prices)'),
				prices_updated: text('When the prices were updated (only with Include Prices)'),
				status: success,
			}),
			estimateFees: object('Estimated blockchain fee for forwarding a payment (without CryptAPI\'s own fee)', {
				estimated_cost: numberOrLiteral("Estimated fee, in the chain's own coin"),
				estimated_cost_currency: perFiat('Estimated fee per fiat currency'),
				status: success,
			}),
			convert: object("The value in the ticker's coin", {
				value_coin: numberOrLiteral("The value converted to the ticker's coin"),
				exchange_rate: numberOrLiteral('The rate used (prices are updated every 5 minutes)'),
				status: success,
			}),
			getQrCode: object('The payment URI the QR code encodes; the PNG image itself is in the binary field (data by default)', {
				payment_uri: text('The payment URI in the QR code, e.g. bitcoin:<address>?amount=0.0015'),
				status: success,
			}),
		},
	},
};
