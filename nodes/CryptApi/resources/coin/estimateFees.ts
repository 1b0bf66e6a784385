/**
 * Coin → Estimate Fees: `GET /{ticker}/estimate/?addresses=N&priority=…` (docs.cryptapi.io/api/tickerestimate).
 * Output: `estimated_cost` (in the chain's own coin) and `estimated_cost_currency` (fiat). An estimate of the
 * blockchain fee for forwarding, without CryptAPI's own fee.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import * as check from '../../../shared/params';
import { cryptApiRequest } from '../../transport';
import { MAX_DESTINATIONS } from '../../validate';
import { readTicker } from '../fields';

const show = showFor('coin', 'estimateFees');

export const description: INodeProperties[] = [
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_DESTINATIONS },
		default: 1,
		description: 'How many addresses the payment is forwarded to (as in Destination Address); more addresses cost more',
		displayOptions: show,
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'string',
		default: 'default',
		description: 'Forwarding fee priority (Bitcoin, Ethereum/ERC-20 and Litecoin), e.g. default, fast',
		displayOptions: show,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ticker = readTicker.call(this, itemIndex);
	const addresses = check.integer('Addresses', this.getNodeParameter('addresses', itemIndex, 1), 1, MAX_DESTINATIONS);
	const priority = check.text(this.getNodeParameter('priority', itemIndex, '')) || 'default';
	if (!/^[a-z0-9_-]{1,32}$/i.test(priority)) check.fail('Priority', 'must be a priority name such as default or fast');
	return [
		await cryptApiRequest.call(this, ticker, 'estimate', [['addresses', String(addresses)], ['priority', priority]], itemIndex),
	];
}
