/** Resource "Coin": what CryptAPI knows about a coin or token (limits, fees, prices) and payment QR codes. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ActionOperation } from '../../../shared/actionNode';
import * as convert from './convert';
import * as estimateFees from './estimateFees';
import * as getInfo from './getInfo';
import * as getQrCode from './getQrCode';

export const coinOperations: Record<string, ActionOperation> = { getInfo, estimateFees, convert, getQrCode };

/** The resource's Operation selector; the node puts the Ticker between it and the operations' fields. */
export const coinSelector: INodeProperties = operationSelector(
	'coin',
	[
		{
			name: 'Convert',
			value: 'convert',
			action: 'Convert a value to a coin',
			description: 'Convert an amount in USD, EUR or another coin into the ticker\'s coin at the current rate',
		},
		{
			name: 'Estimate Fees',
			value: 'estimateFees',
			action: 'Estimate forwarding fees',
			description: 'Estimate the blockchain fee CryptAPI pays to forward a payment to your address(es)',
		},
		{
			name: 'Get Info',
			value: 'getInfo',
			action: 'Get coin info',
			description: "Get a coin's minimum payment, CryptAPI's fee percentage and, optionally, its prices",
		},
		{
			name: 'Get QR Code',
			value: 'getQrCode',
			action: 'Get a payment QR code',
			description: 'Get a QR code image (binary PNG) for a payment address, optionally with the amount',
		},
	],
	'getInfo',
);

export const coinFields: INodeProperties[] = [
	...getInfo.description,
	...estimateFees.description,
	...convert.description,
	...getQrCode.description,
];
