import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { tryParseJsonLossless } from '../shared/losslessJson';
import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { commonTriggerOptions } from '../shared/triggerOptions';
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
import { readBtcPayConnection } from '../BtcPayServer/connection';
import { BTCPAY_EVENTS, EVERY_EVENT, isSelected } from '../BtcPayServer/events';
import { normalizeBtcPay } from '../BtcPayServer/payload';
import { btcPayWebhookMethods, registrationMode, type RegisteredWebhook } from '../BtcPayServer/registration';
import { checkBtcPaySignatureShape, verifyBtcPayDelivery } from '../BtcPayServer/signature';

/** The secret and store a delivery is checked against: the registered webhook's, or the credential's (manual mode). */
async function expectedSender(ctx: IWebhookFunctions): Promise<{ secret: string; storeId: string } | undefined> {
	if (registrationMode(ctx) === 'automatic') {
		const data = ctx.getWorkflowStaticData('node') as IDataObject & RegisteredWebhook;
		return { secret: data.webhookSecret ?? '', storeId: data.storeId ?? '' };
	}
	const credentials = await credentialOrUndefined(async () => await ctx.getCredentials('btcPayServerApi'));
	if (!credentials) return undefined;
	const connection = readBtcPayConnection(credentials);
	return { secret: connection.webhookSecret, storeId: connection.storeId };
}

export class BtcPayServerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BTCPay Server Trigger',
		name: 'btcPayServerTrigger',
		icon: { light: 'file:../BtcPayServer/btcpay.svg', dark: 'file:../BtcPayServer/btcpay.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when BTCPay Server sends a verified invoice, payout or payment request webhook',
		defaults: { name: 'BTCPay Server Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'btcPayServerApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: [
			{
				displayName:
					'<b>Automatic</b>: activating the workflow creates a webhook for this node in your BTCPay store (API key permission <b>btcpay.store.webhooks.canmodifywebhooks</b>); deactivating deletes it. Every delivery is checked against its <b>BTCPay-Sig</b>; anything else gets HTTP 401 and starts nothing.',
				name: 'notice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['automatic'] } },
			},
			{
				displayName:
					'<b>Manual</b>: in BTCPay Server open Store → Settings → Webhooks → Create Webhook, paste the Production URL above as Payload URL, choose the same events, and copy its secret into the credential\'s <b>Webhook Secret</b>.',
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Automatic',
						value: 'automatic',
						description: 'The node creates and deletes its own webhook in the store through the API key',
					},
					{
						name: 'Manual',
						value: 'manual',
						description: 'You create the webhook in BTCPay Server and put its secret into the credential',
					},
				],
				default: 'automatic',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Every Event', value: EVERY_EVENT, description: 'Everything BTCPay sends for the store, including event types added later' },
					...BTCPAY_EVENTS.map(({ value, name, description }) => ({ name, value, description })),
				],
				default: [EVERY_EVENT],
				description:
					'Which deliveries start the workflow. In automatic mode these are the webhook\'s authorized events, so BTCPay sends nothing else; other deliveries are acknowledged with HTTP 200 and ignored.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: commonTriggerOptions(''),
			},
		],
	};

	webhookMethods = btcPayWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {
			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');

			// What needs no secret first: a delivery without a well-formed BTCPay-Sig is refused before any is loaded.
			const signature = header(this, 'btcpay-sig');
			const shape = checkBtcPaySignatureShape(signature);
			if (!shape.ok) return reject(this, 401, shape.reason);

			const sender = await expectedSender(this);
			if (!sender) return reject(this, 401, 'credential_missing');
			if (sender.secret === '') {
				const why = registrationMode(this) === 'automatic' ? 'no registered webhook: activate the workflow again' : 'the credential has no Webhook Secret';
				return reject(this, 401, 'no_key_configured', why);
			}
			const verified = verifyBtcPayDelivery(rawBody, signature, sender.secret);
			if (!verified.ok) return reject(this, 401, verified.reason);

			const parsed = tryParseJsonLossless(rawBody);
			const delivery = parsed ? normalizeBtcPay(parsed.root) : undefined;
			if (!delivery) return reject(this, 400, 'bad_body', 'not a BTCPay Server event');

			const { fields, extra } = delivery;
			if (sender.storeId !== '' && extra.storeId !== null && extra.storeId !== sender.storeId) {
				// Signed with this secret, but for another store (the same secret reused there): acknowledged, not started.
				this.logger.warn('BTCPay Server Trigger: delivery for another store than the credential\'s Store ID acknowledged and ignored', {
					node: this.getNode().name,
					reason: 'store_mismatch',
				});
				return acknowledgeOnly(this, JSON_ACK, 'store_mismatch');
			}
			const events = this.getNodeParameter('events', []) as string[];
			if (!isSelected(events, fields.status)) return acknowledgeOnly(this, JSON_ACK, `event ${fields.status} not selected`);

			return emit(this, JSON_ACK, fields, { includePayload: options.includePayload, extra });
		});
	}
}
