/** Parameters several CryptAPI operations share: the ticker, and the callback URL that identifies a payment address. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/actionNode';
import { callbackUrl, ticker, type CallbackParameter } from '../validate';

export const tickerField: INodeProperties = {
	displayName: 'Ticker',
	name: 'ticker',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'btc',
	description:
		'CryptAPI ticker of the coin or token: btc, ltc, eth, trc20/usdt, bep20/usdt, … (see cryptapi.io/cryptocurrencies). trc20_usdt is accepted too.',
};

/** Reads and checks the Ticker parameter (`trc20_usdt` → `trc20/usdt`). */
export function readTicker(this: IExecuteFunctions, itemIndex: number): string {
	return ticker('Ticker', this.getNodeParameter('ticker', itemIndex));
}

/**
 * Callback URL, Order ID and Callback Parameters: Create Address builds the callback from them, and Get Logs must send
 * the identical URL (CryptAPI looks the address up by it), so both operations read the same fields.
 */
export const callbackFields = (...operations: string[]): INodeProperties[] => [
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/4f0c…/webhook',
		description:
			"Where CryptAPI sends its payment callbacks: paste the CryptAPI Trigger's Production URL. Order ID and Callback Parameters are added to it.",
		displayOptions: showFor('address', ...operations),
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		placeholder: 'order-1042',
		description:
			'Your reference for this payment, added to the callback URL as order_id. CryptAPI sends it back in every callback; the CryptAPI Trigger outputs it as orderId (signed in GET callbacks). The same Order ID gives the same payment address again.',
		displayOptions: showFor('address', ...operations),
	},
	{
		displayName: 'Callback Parameters',
		name: 'callbackParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description:
			'More of your own parameters for the callback URL (e.g. customer ID). CryptAPI returns them in every callback; the CryptAPI Trigger shows them in customParams.',
		displayOptions: showFor('address', ...operations),
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'customer_id' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

/** The callback URL built from the three fields (see `callbackUrl` in validate.ts). */
export function readCallbackUrl(this: IExecuteFunctions, itemIndex: number): string {
	const parameters = this.getNodeParameter('callbackParameters', itemIndex, {}) as { parameter?: CallbackParameter[] };
	return callbackUrl(
		this.getNodeParameter('callbackUrl', itemIndex),
		this.getNodeParameter('orderId', itemIndex, ''),
		parameters.parameter ?? [],
	);
}
