/** Resource "Test Webhook": makes Cryptomus send a signed test webhook (POST /v1/test-webhook/{type}). */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { TEST_WEBHOOK_STATUSES, type CryptomusEvent } from '../payload';

const showFor = (operations: CryptomusEvent[]) => ({
	show: { resource: ['testWebhook'], operation: operations },
});

const statusOptions = (type: CryptomusEvent) =>
	TEST_WEBHOOK_STATUSES[type].map((status) => ({ name: status, value: status }));

export const testWebhookOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['testWebhook'] } },
	options: [
		{
			name: 'Payment',
			value: 'payment',
			action: 'Send a test payment webhook',
			description: 'Make Cryptomus send a signed payment webhook to a URL',
		},
		{
			name: 'Payout',
			value: 'payout',
			action: 'Send a test payout webhook',
			description: 'Make Cryptomus send a signed payout webhook to a URL',
		},
		{
			name: 'Wallet',
			value: 'wallet',
			action: 'Send a test wallet webhook',
			description: 'Make Cryptomus send a signed static-wallet webhook to a URL',
		},
	],
	default: 'payment',
};

export const testWebhookFields: INodeProperties[] = [
	{
		displayName: 'Callback URL',
		name: 'urlCallback',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/webhook',
		description: "Where Cryptomus sends the webhook, e.g. a Cryptomus Trigger's Production URL (6–150 characters)",
		displayOptions: showFor(['payment', 'payout', 'wallet']),
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USDT',
		displayOptions: showFor(['payment', 'payout', 'wallet']),
	},
	{
		displayName: 'Network',
		name: 'network',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'tron',
		displayOptions: showFor(['payment', 'payout', 'wallet']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: statusOptions('payment'),
		default: 'paid',
		description: 'The status the test webhook carries',
		displayOptions: showFor(['payment', 'wallet']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: statusOptions('payout'),
		default: 'paid',
		description: 'The status the test webhook carries',
		displayOptions: showFor(['payout']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(['payment', 'payout', 'wallet']),
		options: [
			{
				displayName: 'UUID',
				name: 'uuid',
				type: 'string',
				default: '',
				description: 'UUID of an existing invoice, payout or wallet whose data the test webhook should carry',
			},
			{
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				description:
					'Order ID of an existing invoice, payout or wallet (1–32 characters: letters, digits, - and _)',
			},
		],
	},
];

const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** Builds and validates the request body with Cryptomus's documented limits, naming the offending field. */
export function buildTestWebhookBody(this: IExecuteFunctions, type: CryptomusEvent, itemIndex: number): IDataObject {
	const fail = (field: string, message: string) =>
		new NodeOperationError(this.getNode(), `${field}: ${message}`, { itemIndex });

	const urlCallback = (this.getNodeParameter('urlCallback', itemIndex) as string).trim();
	const currency = (this.getNodeParameter('currency', itemIndex) as string).trim();
	const network = (this.getNodeParameter('network', itemIndex) as string).trim();
	const status = this.getNodeParameter('status', itemIndex) as string;
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as { uuid?: string; orderId?: string };

	if (urlCallback.length < 6 || urlCallback.length > 150) throw fail('Callback URL', 'must be 6 to 150 characters long');
	if (!URL_PATTERN.test(urlCallback)) throw fail('Callback URL', 'must be an http(s) URL');
	if (currency === '') throw fail('Currency', 'is required');
	if (network === '') throw fail('Network', 'is required');
	if (!TEST_WEBHOOK_STATUSES[type].includes(status)) {
		throw fail('Status', `must be one of ${TEST_WEBHOOK_STATUSES[type].join(', ')} for ${type} webhooks`);
	}

	const body: IDataObject = { url_callback: urlCallback, currency, network, status };
	const uuid = (extra.uuid ?? '').trim();
	const orderId = (extra.orderId ?? '').trim();
	if (uuid !== '') {
		if (!UUID_PATTERN.test(uuid)) throw fail('UUID', 'must be a UUID');
		body.uuid = uuid;
	}
	if (orderId !== '') {
		if (!ORDER_ID_PATTERN.test(orderId)) throw fail('Order ID', 'must be 1 to 32 letters, digits, - or _');
		body.order_id = orderId;
	}
	return body;
}
