/** Resource "Test Webhook": makes Cryptomus send a signed test webhook (POST /v1/test-webhook/{type}). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TEST_WEBHOOK_STATUSES, type CryptomusEvent } from '../../payload';
import { cryptomusRequest } from '../../transport';
import * as check from '../../validate';
import { operationSelector, type CryptomusOperation } from '../operation';

const showOnlyFor = (operations: CryptomusEvent[]) => ({
	show: { resource: ['testWebhook'], operation: operations },
});

const statusOptions = (type: CryptomusEvent) =>
	TEST_WEBHOOK_STATUSES[type].map((status) => ({ name: status, value: status }));

const operations = operationSelector(
	'testWebhook',
	[
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
	'payment',
);

const fields: INodeProperties[] = [
	{
		displayName: 'Callback URL',
		name: 'urlCallback',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/webhook',
		description: "Where Cryptomus sends the webhook, e.g. a Cryptomus Trigger's Production URL (6–150 characters)",
		displayOptions: showOnlyFor(['payment', 'payout', 'wallet']),
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USDT',
		displayOptions: showOnlyFor(['payment', 'payout', 'wallet']),
	},
	{
		displayName: 'Network',
		name: 'network',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'tron',
		displayOptions: showOnlyFor(['payment', 'payout', 'wallet']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: statusOptions('payment'),
		default: 'paid',
		description: 'The status the test webhook carries',
		displayOptions: showOnlyFor(['payment', 'wallet']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: statusOptions('payout'),
		default: 'paid',
		description: 'The status the test webhook carries',
		displayOptions: showOnlyFor(['payout']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showOnlyFor(['payment', 'payout', 'wallet']),
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

/** Builds and validates the request body with Cryptomus's documented limits, naming the offending field. */
export function buildTestWebhookBody(this: IExecuteFunctions, type: CryptomusEvent, itemIndex: number): IDataObject {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as { uuid?: string; orderId?: string };
	const body: IDataObject = {
		url_callback: check.url('Callback URL', check.text(this.getNodeParameter('urlCallback', itemIndex)), 6, 150),
		currency: check.required('Currency', this.getNodeParameter('currency', itemIndex)),
		network: check.required('Network', this.getNodeParameter('network', itemIndex)),
		status: this.getNodeParameter('status', itemIndex) as string,
	};
	if (!TEST_WEBHOOK_STATUSES[type].includes(String(body.status))) {
		throw new check.CryptomusParameterError(
			'Status',
			`must be one of ${TEST_WEBHOOK_STATUSES[type].join(', ')} for ${type} webhooks`,
		);
	}
	const uuid = check.text(extra.uuid);
	const orderId = check.text(extra.orderId);
	if (uuid !== '') body.uuid = check.uuid('UUID', uuid);
	if (orderId !== '') body.order_id = check.orderId('Order ID', orderId, 32);
	return body;
}

/** One executor for the three operations (payment, payout, wallet): the operation is the webhook type. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = this.getNodeParameter('operation', itemIndex) as CryptomusEvent;
	const body = buildTestWebhookBody.call(this, type, itemIndex);
	const result = await cryptomusRequest.call(this, `/v1/test-webhook/${type}`, body, itemIndex);
	return [{ success: true, webhookType: type, request: body, result: (result ?? null) as IDataObject }];
}

const send: CryptomusOperation = { description: [], execute };

export const testWebhookOperations: Record<string, CryptomusOperation> = { payment: send, payout: send, wallet: send };

export const testWebhookDescription: INodeProperties[] = [operations, ...fields];
