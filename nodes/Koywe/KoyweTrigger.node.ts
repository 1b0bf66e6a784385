import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { quickStartLink, triggerPanel } from '../shared/triggerPanel';
import { activationChecks } from '../shared/activation';
import { commonTriggerOptions } from '../shared/triggerOptions';
import { tryParseJsonLossless } from '../shared/losslessJson';
import type { NormalizedFields } from '../shared/types';
import {
	acknowledgeOnly,
	credentialOrUndefined,
	emit,
	handleWebhook,
	header,
	JSON_ACK,
	POST_WEBHOOK,
	readRawBody,
	reject,
} from '../shared/webhookGlue';
import { readWebhookSecret, testKoyweApi } from './credentials';
import {
	KOYWE_BODY_EVENTS,
	normalizeKoyweBodyEvent,
	normalizeKoyweHeaderEvent,
	parseEventTypeFilter,
} from './payload';
import { checkKoyweBody, KOYWE_SIGNATURE_HEADER, readKoyweBody, verifyKoyweHeaderSignature } from './signature';

type SignatureMode = 'body' | 'header';

const MS_PER_SECOND = 1000;

interface KoyweOptions {
	replayWindowSeconds?: number;
}

export class KoyweTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Koywe Trigger',
		name: 'koyweTrigger',
		icon: { light: 'file:koywe.svg', dark: 'file:koywe.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["signatureMode"] === "header" ? "Payments API" : "Ramp API"}}',
		description: 'Starts the workflow when Koywe sends a verified order event',
		defaults: { name: 'Koywe Trigger' },
		triggerPanel: triggerPanel({
			provider: 'Koywe',
			testEvent: `send the ${quickStartLink("README's quick-start request")}: an event signed with your webhook secret (HMAC-SHA256)`,
		}),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'koyweApi', required: true, testedBy: 'koyweApiTest' }],
		webhooks: POST_WEBHOOK,
		properties: [
			{
				displayName:
					'Give Koywe the Production URL above as your event webhook URL, with the secret stored in the credential. Every event is checked against its signature; anything else gets HTTP 401 and starts nothing.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Signature Mode',
				name: 'signatureMode',
				type: 'options',
				options: [
					{
						name: 'Body Signature (Ramp API)',
						value: 'body',
						description: 'Events like payment_received with a "signature" member in the JSON body',
					},
					{
						name: 'Koywe-Signature Header (Payments API)',
						value: 'header',
						description: 'Events like order.paid signed in the Koywe-Signature header',
					},
				],
				default: 'body',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				displayOptions: { show: { signatureMode: ['body'] } },
				options: [
					{ name: 'Crypto Delivered', value: 'crypto_delivered', description: 'On-ramp: confirmed on chain' },
					{ name: 'Crypto Transaction Failed', value: 'crypto_tx_failed', description: 'On-ramp: failed on chain' },
					{ name: 'Crypto Transaction Sent', value: 'crypto_tx_sent', description: 'On-ramp: sent to the chain' },
					{ name: 'Payment Expired', value: 'payment_expired', description: 'Expired before the payment was confirmed' },
					{ name: 'Payment Received', value: 'payment_received', description: 'Payment confirmed' },
					{ name: 'Payment Rejected', value: 'payment_rejected', description: 'Payment cancelled or rejected' },
				],
				default: [...KOYWE_BODY_EVENTS],
				description: 'Which events start the workflow. Others are acknowledged with HTTP 200 and ignored.',
			},
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'string',
				displayOptions: { show: { signatureMode: ['header'] } },
				default: '',
				placeholder: 'order.paid, order.completed, contact.*',
				description:
					'Which event types start the workflow, comma-separated; "order.*" matches every order event. Empty accepts all. Others are acknowledged with HTTP 200 and ignored.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Replay Window (Seconds)',
						name: 'replayWindowSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						displayOptions: { show: { '/signatureMode': ['body'] } },
						description:
							'Reject events whose signed timeStamp is further than this from now (0 = off). Koywe does not document redelivery delays, so leave it off unless you know them.',
					},
					...commonTriggerOptions(''),
				],
			},
		],
	};

	methods = { credentialTest: { koyweApiTest: testKoyweApi } };

	/** Nothing to register at Koywe; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = activationChecks(async (ctx) => {
		if ((await readWebhookSecret(ctx)) === '') {
			throw new NodeOperationError(ctx.getNode(), 'The Koywe credential has no webhook secret, so no event could be verified', {
				description: 'Open the credential and paste the secret you set up with Koywe.',
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {
			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');

			// What needs no secret first: a malformed or unsigned event is refused before the credential is loaded
			// (in n8n that load is a database query plus an expression isolate, the dearest step of a request).
			const mode = this.getNodeParameter('signatureMode', 'body') as SignatureMode;
			const signatureHeader = header(this, KOYWE_SIGNATURE_HEADER);
			const read = mode === 'body' ? readKoyweBody(rawBody) : undefined;
			if (read && !read.ok) return read.reason === 'bad_format' ? reject(this, 400, 'bad_format') : reject(this, 401, read.reason);
			if (mode === 'header' && (signatureHeader ?? '').trim() === '') return reject(this, 401, 'missing_signature');

			const secret = await credentialOrUndefined(async () => await readWebhookSecret(this));
			if (secret === undefined) return reject(this, 401, 'credential_missing');
			if (secret === '') return reject(this, 401, 'credential_missing', 'empty webhook secret');

			let fields: NormalizedFields | undefined;
			let isSelected: (event: string) => boolean;
			if (!read) {
				const verified = verifyKoyweHeaderSignature(rawBody, signatureHeader, secret);
				if (!verified.ok) return reject(this, 401, verified.reason);
				const parsed = tryParseJsonLossless(rawBody);
				if (!parsed) return reject(this, 400, 'bad_format');
				fields = normalizeKoyweHeaderEvent(parsed.root);
				isSelected = parseEventTypeFilter(this.getNodeParameter('eventTypes', '') as string);
			} else {
				const { replayWindowSeconds = 0 } = this.getNodeParameter('options', {}) as KoyweOptions;
				const verified = checkKoyweBody(read.value, secret, { replayWindowMs: replayWindowSeconds * MS_PER_SECOND });
				if (!verified.ok) return reject(this, 401, verified.reason);
				fields = normalizeKoyweBodyEvent(verified.value.parsed.root);
				const events = this.getNodeParameter('events', []) as string[];
				isSelected = (event) => events.includes(event);
			}
			if (!fields) return reject(this, 400, 'bad_body', 'no event name');
			if (!isSelected(fields.event)) return acknowledgeOnly(this, JSON_ACK, `event ${fields.event} not selected`);
			return emit(this, JSON_ACK, fields, { includePayload: options.includePayload });
		});
	}
}
