/**
 * Address → Create: `GET /{ticker}/create/?callback=…&address=…[&pending=1][&confirmations=N][&post=1|&json=1]
 * [&priority=…][&multi_token=1][&convert=1]` (docs.cryptapi.io/api/tickercreate). Output: CryptAPI's answer
 * (`address_in` to show the payer, `address_out`, `callback_url`, `minimum_transaction_coin`, `priority`, `status`).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, showFor } from '../../../shared/actionNode';
import * as check from '../../../shared/params';
import type { QueryPair } from '../../../shared/query';
import { cryptApiRequest } from '../../transport';
import { destination } from '../../validate';
import { callbackFields, readCallbackUrl, readTicker } from '../fields';

const show = showFor('address', 'create');

/** How CryptAPI delivers callbacks: GET (default; the signature covers your parameters), `post=1` form or `json=1`. */
export const CALLBACK_METHODS = ['get', 'post', 'json'] as const;

export const description: INodeProperties[] = [
	{
		displayName: 'Destination Address',
		name: 'destination',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP',
		description:
			'Your wallet address that CryptAPI forwards the payment to. To split it, list shares that add up to 1: 0.7@address_1|0.3@address_2 (up to 20 addresses).',
		displayOptions: show,
	},
	...callbackFields('create'),
	collection(
		'additionalFields',
		[
			{
				displayName: 'Callback Method',
				name: 'callbackMethod',
				type: 'options',
				options: [
					{
						name: 'GET (Recommended)',
						value: 'get',
						description: 'Callback fields in the URL; the signature covers your Order ID and parameters',
					},
					{
						name: 'POST Form',
						value: 'post',
						description: 'Callback fields in a form body. The signature covers only the body, not your Order ID and parameters.',
					},
					{
						name: 'POST JSON',
						value: 'json',
						description: 'Callback fields in a JSON body. The signature covers only the body, not your Order ID and parameters.',
					},
				],
				default: 'get',
				description:
					'How CryptAPI sends the callbacks. Keep GET: only then does the CryptAPI Trigger output orderId (your parameters are signed).',
			},
			{
				displayName: 'Confirmations',
				name: 'confirmations',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Blockchain confirmations before CryptAPI sends the confirmed callback (at least 1)',
			},
			{
				displayName: 'Convert',
				name: 'convert',
				type: 'boolean',
				default: false,
				description: 'Whether callbacks also carry the value in fiat currencies (value_coin_convert)',
			},
			{
				displayName: 'Multi Token',
				name: 'multiToken',
				type: 'boolean',
				default: false,
				description:
					'Whether to accept any token CryptAPI supports on this chain (TRC-20 and EVM chains), not just the ticker\'s. Your wallet must support them all.',
			},
			{
				displayName: 'Pending Callback',
				name: 'pending',
				type: 'boolean',
				default: false,
				description: 'Whether CryptAPI also calls back when the payment is first seen, before it is confirmed',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'string',
				default: '',
				placeholder: 'default',
				description:
					'Fee priority for forwarding the funds to you (Bitcoin, Ethereum/ERC-20 and Litecoin only), e.g. default, fast. Empty: CryptAPI\'s default.',
			},
		],
		show,
	),
];

interface AdditionalFields {
	callbackMethod?: string;
	confirmations?: number;
	convert?: boolean;
	multiToken?: boolean;
	pending?: boolean;
	priority?: string;
}

/** The query CryptAPI's create endpoint takes, checked, in the order of its documentation. */
export function createQuery(callback: string, address: string, extra: AdditionalFields): QueryPair[] {
	const query: QueryPair[] = [
		['callback', callback],
		['address', address],
	];
	if (extra.pending === true) query.push(['pending', '1']);
	if (extra.confirmations !== undefined) {
		query.push(['confirmations', String(check.integer('Confirmations', extra.confirmations, 1, 1_000_000))]);
	}
	const method = check.oneOf('Callback Method', check.text(extra.callbackMethod) || 'get', CALLBACK_METHODS);
	if (method !== 'get') query.push([method, '1']);
	const priority = check.text(extra.priority);
	if (priority !== '') {
		if (!/^[a-z0-9_-]{1,32}$/i.test(priority)) check.fail('Priority', 'must be a priority name such as default or fast');
		query.push(['priority', priority]);
	}
	if (extra.multiToken === true) query.push(['multi_token', '1']);
	if (extra.convert === true) query.push(['convert', '1']);
	return query;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ticker = readTicker.call(this, itemIndex);
	const address = destination('Destination Address', this.getNodeParameter('destination', itemIndex));
	const callback = readCallbackUrl.call(this, itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	return [await cryptApiRequest.call(this, ticker, 'create', createQuery(callback, address, extra), itemIndex)];
}
