/** The Crypto2B Trigger's parameters (kept beside the node file so that stays thin). */
import type { INodeProperties } from 'n8n-workflow';

import { commonTriggerOptions } from '../shared/triggerOptions';
import { CRYPTO2B_EVENTS, CRYPTO2B_STATES } from './payload';
import { DEFAULT_MAX_RECV_WINDOW_MS, DEFAULT_RECV_WINDOW_MS, MAX_RECV_WINDOW_LIMIT_MS } from './signature';

export const crypto2bTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Paste the Production URL above as the <b>callback URL</b> in your Crypto2B account (it must be https with a domain name). Every callback is checked against its <b>X-Processing-Signature</b> with your secret key and its timestamp; anything else gets HTTP 401 and starts nothing. Keep this server\'s clock in sync (NTP).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Operation Types',
		name: 'operationTypes',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Deposit', value: 'deposit', description: 'Incoming transfers to your addresses' },
			{ name: 'Withdrawal', value: 'withdrawal', description: 'Payouts you requested' },
			{ name: 'Service', value: 'service', description: 'Service operations such as collections' },
		],
		default: [...CRYPTO2B_EVENTS],
		description: 'Which callbacks start the workflow. Others are acknowledged with HTTP 200 and ignored.',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: Object.keys(CRYPTO2B_STATES).map((status) => ({ name: status, value: status })),
		default: [],
		description:
			'Only start the workflow for these statuses. Leave empty to accept every status, including ones Crypto2B adds later (AML checks, holds).',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Callback URL Override',
				name: 'callbackUrlOverride',
				type: 'string',
				default: '',
				placeholder: 'https://pay.example.com/hooks/crypto2b',
				description:
					'The URL exactly as registered at Crypto2B, when a proxy in front of n8n rewrites the path. The signature covers the path and query, so they must be the ones Crypto2B called. Empty uses this node\'s Production URL.',
			},
			...commonTriggerOptions(''),
			{
				displayName: 'Default Receive Window (Ms)',
				name: 'defaultRecvWindowMs',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_RECV_WINDOW_MS,
				description:
					'How far (either way) a callback\'s timestamp may be from this server\'s clock when Crypto2B sends no X-Processing-RecvWindow header (never more than the Maximum Receive Window). Raise it only if clock skew rejects genuine callbacks.',
			},
			{
				displayName: 'Maximum Receive Window (Ms)',
				name: 'maxRecvWindowMs',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_RECV_WINDOW_LIMIT_MS },
				default: DEFAULT_MAX_RECV_WINDOW_MS,
				description:
					'The longest a callback stays valid here, whatever X-Processing-RecvWindow Crypto2B signed: older (or newer) callbacks get HTTP 401, so a captured callback cannot be replayed later. Default 5000 ms, Crypto2B\'s documented default window; at most 60000.',
			},
		],
	},
];
