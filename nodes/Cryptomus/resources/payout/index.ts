/**
 * Resource "Payout": read-only. Creating payouts is left out on purpose: it sends money out of the merchant's
 * account irreversibly, and this node is usable as an AI tool (README, "Cryptomus (action node)").
 */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type CryptomusOperation } from '../operation';
import * as get from './get';

export const payoutOperations: Record<string, CryptomusOperation> = { get };

export const payoutDescription: INodeProperties[] = [
	operationSelector(
		'payout',
		[
			{
				name: 'Get Info',
				value: 'get',
				action: 'Get a payout',
				description: 'Get one payout and its current status by UUID or Order ID (read-only)',
			},
		],
		'get',
	),
	...get.description,
];
