/** The CoinPayments Trigger's parameters, and how its settings are read from them. */
import type { IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { commonTriggerOptions } from '../shared/triggerOptions';
import { COINPAYMENTS_IPN_TYPES, COINPAYMENTS_WEBHOOK_EVENTS } from './payload';
import { COINPAYMENTS_MAX_REPLAY_WINDOW_SECONDS, COINPAYMENTS_REPLAY_WINDOW_SECONDS } from './signature';

export type CoinPaymentsMode = 'ipn' | 'webhook';

/** Where CoinPayments sends API webhooks from (a-docs.coinpayments.net/api/webhooks); none is published for IPNs. */
export const COINPAYMENTS_WEBHOOK_IPS = '23.183.244.249, 23.183.244.250, 23.183.244.98';

const IPN = { show: { mode: ['ipn'] } };
const WEBHOOK = { show: { mode: ['webhook'] } };

const IPN_TYPE_LABELS: Record<(typeof COINPAYMENTS_IPN_TYPES)[number], [string, string]> = {
	button: ['Button', 'Advanced Buy Now buttons'],
	simple: ['Simple', 'Simple buttons'],
	cart: ['Cart', 'Shopping cart buttons'],
	donation: ['Donation', 'Donation buttons'],
	deposit: ['Deposit', 'Payments to callback addresses'],
	withdrawal: ['Withdrawal', 'Withdrawals you made'],
	api: ['API', 'Transactions created with create_transaction'],
};

const EVENT_LABELS: Record<(typeof COINPAYMENTS_WEBHOOK_EVENTS)[number], [string, string]> = {
	invoiceCreated: ['Invoice Created', 'A new invoice (state unpaid)'],
	invoicePending: ['Invoice Pending', 'Payment seen on chain, waiting for confirmations'],
	invoicePaid: ['Invoice Paid', 'All confirmations received, funds obtained by CoinPayments'],
	invoiceCompleted: ['Invoice Completed', 'Funds in your CoinPayments balance'],
	invoiceCancelled: ['Invoice Cancelled', 'You cancelled the invoice'],
	invoiceTimedOut: ['Invoice Timed Out', 'The invoice expired'],
	paymentCreated: ['Payment Created', 'A temporary payment address was created'],
	paymentTimedOut: ['Payment Timed Out', 'The temporary payment address expired'],
};

export const coinPaymentsTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Set the Production URL above as the <b>IPN URL</b> in CoinPayments (Account Settings → Merchant Settings), or as <b>ipn_url</b> of your API transactions and buttons. Every IPN is checked against its <b>HMAC</b> header with your IPN Secret, and its <b>merchant</b> against your Merchant ID; anything else gets HTTP 401 and starts nothing.',
		name: 'notice',
		type: 'notice',
		default: '',
		displayOptions: IPN,
	},
	{
		displayName:
			'Register the Production URL above as the webhook URL of your CoinPayments API integration (Integrations → API integrations). Every webhook is checked against its <b>X-CoinPayments-Signature</b> with the integration\'s Client ID and Client Secret over this exact URL and a fresh timestamp; anything else gets HTTP 401 and starts nothing.',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: WEBHOOK,
	},
	{
		displayName: 'Notifications',
		name: 'mode',
		type: 'options',
		options: [
			{
				name: 'IPN (Classic API)',
				value: 'ipn',
				description: 'Instant Payment Notifications of the classic merchant API: a form POST signed in the HMAC header',
			},
			{
				name: 'API Webhooks (Newer API)',
				value: 'webhook',
				description: 'Webhooks of an API integration (client ID and secret): JSON signed in X-CoinPayments-Signature',
			},
		],
		default: 'ipn',
		description: 'Which kind of CoinPayments notification this trigger receives',
	},
	{
		displayName: 'IPN Types',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: COINPAYMENTS_IPN_TYPES.map((value) => ({ name: IPN_TYPE_LABELS[value][0], value, description: IPN_TYPE_LABELS[value][1] })),
		default: [...COINPAYMENTS_IPN_TYPES],
		description: 'Which IPN types (ipn_type) start the workflow. Others are answered IPN OK and ignored.',
		displayOptions: IPN,
	},
	{
		// Not "Events": n8n's node creator turns a trigger parameter called Events into "On …" entries, and picking one
		// would add the node in API-webhook mode, not in the IPN mode most merchants use.
		displayName: 'Webhook Events',
		name: 'webhookEvents',
		type: 'multiOptions',
		required: true,
		options: COINPAYMENTS_WEBHOOK_EVENTS.map((value) => ({ name: EVENT_LABELS[value][0], value, description: EVENT_LABELS[value][1] })),
		default: [...COINPAYMENTS_WEBHOOK_EVENTS],
		description:
			'Which webhook events start the workflow. Others are acknowledged with HTTP 200 and ignored; an event CoinPayments adds later starts it only when all events are selected.',
		displayOptions: WEBHOOK,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Public Webhook URL',
				name: 'publicWebhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/hooks/coinpayments',
				description:
					'Only behind a proxy that changes the URL: the webhook URL exactly as registered at CoinPayments. Its signature covers the full URL; by default it is this node\'s Production URL, built from n8n\'s WEBHOOK_URL.',
				displayOptions: { show: { '/mode': ['webhook'] } },
			},
			{
				displayName: 'Replay Window (Seconds)',
				name: 'replayWindowSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: COINPAYMENTS_MAX_REPLAY_WINDOW_SECONDS },
				default: 300,
				description:
					'How far X-CoinPayments-Timestamp may be from this server\'s clock, either way. Older (or future) webhooks are refused, so a captured one cannot be replayed later.',
				displayOptions: { show: { '/mode': ['webhook'] } },
			},
			...commonTriggerOptions(COINPAYMENTS_WEBHOOK_IPS, ' (for API webhooks; CoinPayments publishes none for IPNs)'),
		],
	},
];

export interface CoinPaymentsSettings {
	mode: CoinPaymentsMode;
	publicWebhookUrl: string;
	replayWindowSeconds: number;
}

/** The mode and the API-webhook options, as set in the node (defaults for a fresh node). */
export function readCoinPaymentsSettings(ctx: IWebhookFunctions | IHookFunctions): CoinPaymentsSettings {
	const options = ctx.getNodeParameter('options', {}) as { publicWebhookUrl?: string; replayWindowSeconds?: number };
	return {
		mode: ctx.getNodeParameter('mode', 'ipn') === 'webhook' ? 'webhook' : 'ipn',
		publicWebhookUrl: (options.publicWebhookUrl ?? '').trim(),
		replayWindowSeconds: options.replayWindowSeconds ?? COINPAYMENTS_REPLAY_WINDOW_SECONDS,
	};
}
