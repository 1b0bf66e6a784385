import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { triggerPanel } from '../shared/triggerPanel';
import { activationChecks } from '../shared/activation';
import { commonTriggerOptions } from '../shared/triggerOptions';
import {
	acknowledgeOnly,
	credentialOrUndefined,
	emit,
	handleWebhook,
	JSON_ACK,
	POST_WEBHOOK,
	readRawBody,
	reject,
} from '../shared/webhookGlue';
import { CRYPTOMUS_EVENTS, normalizeCryptomus, PAYMENT_STATES, PAYOUT_STATES } from '../Cryptomus/payload';
import { checkCryptomusSign, readCryptomusWebhook, type CryptomusKeys } from '../Cryptomus/signature';

export const CRYPTOMUS_IP = '91.227.144.54';

const ALL_STATUSES = [...new Set([...Object.keys(PAYMENT_STATES), ...Object.keys(PAYOUT_STATES)])].sort();

async function readKeys(ctx: IWebhookFunctions | IHookFunctions): Promise<CryptomusKeys> {
	const credentials = await ctx.getCredentials('cryptomusApi');
	return {
		payment: String(credentials.paymentApiKey ?? '').trim(),
		payout: String(credentials.payoutApiKey ?? '').trim(),
	};
}

export class CryptomusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cryptomus Trigger',
		name: 'cryptomusTrigger',
		icon: { light: 'file:../Cryptomus/cryptomus.svg', dark: 'file:../Cryptomus/cryptomus.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Cryptomus sends a verified payment, payout or wallet webhook',
		defaults: { name: 'Cryptomus Trigger' },
		triggerPanel: triggerPanel({
			provider: 'Cryptomus',
			testEvent: "run a Cryptomus node's <b>Test Webhook</b> with this Test URL as its Callback URL (same credential): Cryptomus itself sends the signed webhook",
		}),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cryptomusApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: [
			{
				displayName:
					'Paste the Production URL above as <b>url_callback</b> when you create invoices, payouts or static wallets, or in the Cryptomus dashboard. Every webhook is checked against its <b>sign</b> with your Payment API key (and your Payout API key for payouts); anything else gets HTTP 401 and starts nothing.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Payment', value: 'payment', description: 'Invoice payments' },
					{ name: 'Payout', value: 'payout', description: 'Payouts you sent' },
					{ name: 'Wallet', value: 'wallet', description: 'Payments to static wallets' },
				],
				default: [...CRYPTOMUS_EVENTS],
				description: 'Which webhook types start the workflow. Others are acknowledged with HTTP 200 and ignored.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: ALL_STATUSES.map((status) => ({ name: status, value: status })),
				default: [],
				description:
					'Only start the workflow for these statuses. Leave empty to accept every status, including ones Cryptomus adds later.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: commonTriggerOptions(CRYPTOMUS_IP),
			},
		],
	};

	/** Nothing to register at Cryptomus; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = activationChecks(async (ctx) => {
		const keys = await readKeys(ctx);
		if (!keys.payment && !keys.payout) {
			throw new NodeOperationError(
				ctx.getNode(),
				'The Cryptomus credential has neither a Payment API key nor a Payout API key, so no webhook could be verified',
				{ description: 'Open the credential and paste your Payment API key from the Cryptomus dashboard.' },
			);
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {
			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');

			// What needs no key first: a malformed or unsigned body is refused before the credential is loaded
			// (in n8n that load is a database query plus an expression isolate, the dearest step of a request).
			const read = readCryptomusWebhook(rawBody);
			if (!read.ok) return read.reason === 'bad_format' ? reject(this, 400, 'bad_format') : reject(this, 401, read.reason);

			const keys = await credentialOrUndefined(async () => await readKeys(this));
			if (!keys) return reject(this, 401, 'credential_missing');
			const verified = checkCryptomusSign(read.value, keys);
			if (!verified.ok) return reject(this, 401, verified.reason);

			const fields = normalizeCryptomus(verified.value.parsed.root);
			if (!fields) return reject(this, 400, 'bad_body', 'unknown webhook type');

			const events = this.getNodeParameter('events', []) as string[];
			const statuses = this.getNodeParameter('statuses', []) as string[];
			if (!events.includes(fields.event)) return acknowledgeOnly(this, JSON_ACK, `event ${fields.event} not selected`);
			if (statuses.length > 0 && !statuses.includes(fields.status)) {
				return acknowledgeOnly(this, JSON_ACK, `status ${fields.status} not selected`);
			}

			return emit(this, JSON_ACK, fields, {
				includePayload: options.includePayload,
				extra: { signedWith: verified.value.key },
			});
		});
	}
}
