/**
 * The CryptAPI Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as
 * CryptAPI documents them (docs.cryptapi.io webhooks; the WooCommerce plugin's controllers/CryptAPI.php). GET and form
 * callbacks carry every value as text; JSON callbacks send numbers (kept as their literal text when JavaScript would
 * change them). In GET mode your own parameters (e.g. order_id) are in the payload too.
 */
import { object, text, triggerOutput, type JsonSchema, type PropertiesOf } from '../shared/outputSchema';
import { CRYPTAPI_EVENTS, type CryptApiCallback } from './payload';

const textOrNumber = (description: string): JsonSchema => ({ type: ['string', 'number'], description });

const extra: PropertiesOf<Pick<CryptApiCallback, 'delivery' | 'customParams' | 'customParamsSigned'>> = {
	delivery: {
		type: 'string',
		enum: ['get', 'post-form', 'post-json'] satisfies Array<CryptApiCallback['delivery']>,
		description: 'How CryptAPI delivered the callback: get (default), post-form (post=1) or post-json (post=1&json=1)',
	},
	customParams: {
		type: 'object',
		description: 'Your own query parameters of the callback URL (e.g. order_id), as text',
		additionalProperties: { type: 'string' },
	},
	customParamsSigned: {
		type: 'boolean',
		description: 'Whether CryptAPI signed your own parameters: true for GET callbacks, false with post=1',
	},
};

const convert = (description: string) =>
	object(`${description}, per fiat currency (sent as a JSON string, decoded here)`, {
		USD: text('Value in US dollars'),
		EUR: text('Value in euros'),
	});

export const cryptApiTriggerOutput = triggerOutput({
	provider: 'cryptapi',
	events: [...CRYPTAPI_EVENTS, 'unknown'],
	statuses: [...CRYPTAPI_EVENTS, 'unknown'],
	fields: {
		event: 'pending (seen in the mempool, only with pending=1) or confirmed (confirmed and forwarded), from pending',
		status: 'the same as event',
		id: 'uuid of the payment',
		orderId: 'your order_id parameter, only when the signature covers it (GET callbacks)',
		amount: 'value_coin',
		currency: "CryptAPI's ticker (coin), e.g. trc20_usdt",
		network: "the ticker's prefix, e.g. trc20",
		txHash: 'txid_in',
		confirmations: 'confirmations',
		dedupeKey: 'uuid:pending',
	},
	extra,
	payload: {
		description: 'The signed part of the callback (the query of a GET callback, else the body), parsed',
		properties: {
			uuid: text('Unique id of the payment'),
			address_in: text('The payment address the customer paid to'),
			address_out: {
				type: ['string', 'object'],
				description: 'Your address the funds go to, or for split payments a map of address → share',
			},
			txid_in: text('Hash of the transaction the customer sent'),
			txid_out: text('Hash of the forwarding transaction (confirmed callbacks)'),
			confirmations: textOrNumber('Confirmations of the payment'),
			value_coin: textOrNumber('Amount paid, in the coin, before fees'),
			value_coin_convert: convert('value_coin converted'),
			value_forwarded_coin: textOrNumber('Amount forwarded to you, in the coin, after fees (confirmed callbacks)'),
			value_forwarded_coin_convert: convert('value_forwarded_coin converted'),
			fee_coin: textOrNumber("CryptAPI's fee, in the coin"),
			coin: text('Ticker of the coin, e.g. btc, trc20_usdt'),
			price: textOrNumber('Price of the coin in USD at the time of the callback'),
			pending: textOrNumber('1 = seen in the mempool, 0 = confirmed and forwarded'),
			value: textOrNumber('Legacy: amount paid in the smallest unit'),
			value_forwarded: textOrNumber('Legacy: amount forwarded in the smallest unit'),
			fee: textOrNumber("Legacy: CryptAPI's fee in the smallest unit"),
			result: text('Legacy: sent'),
		},
	},
});

