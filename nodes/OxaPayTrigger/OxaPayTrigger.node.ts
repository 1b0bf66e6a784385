import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { activationChecks } from '../shared/activation';
import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { commonTriggerOptions } from '../shared/triggerOptions';
import {
	acknowledgeOnly,
	credentialOrUndefined,
	emit,
	handleWebhook,
	header,
	POST_WEBHOOK,
	readRawBody,
	reject,
	type Acknowledgement,
} from '../shared/webhookGlue';
import { normalizeOxaPay, OXAPAY_EVENTS, PAYMENT_STATES, PAYOUT_STATES } from '../OxaPay/payload';
import { OXAPAY_SCHEME, readOxaPayCallback, verifyOxaPayCallback, type OxaPayKeys } from '../OxaPay/signature';

/** OxaPay counts a callback as delivered only on HTTP 200 with the body `ok`; else it retries (5 attempts, ~3.5 h). */
export const OXAPAY_ACK: Acknowledgement = { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' };

const EVENT_LABELS: Record<(typeof OXAPAY_EVENTS)[number], [string, string]> = {
	invoice: ['Invoice', 'Invoices created through the API or the dashboard'],
	white_label: ['White Label', 'White-label payments (your own checkout page)'],
	static_address: ['Static Address', 'Payments to static addresses'],
	payment_link: ['Payment Link', 'Payment links'],
	donation: ['Donation', 'Donations'],
	payout: ['Payout', 'Payouts you sent (verified with the Payout API key)'],
};

const ALL_STATUSES = [...new Set([...Object.keys(PAYMENT_STATES), ...Object.keys(PAYOUT_STATES)])].sort();

async function readKeys(ctx: IWebhookFunctions | IHookFunctions): Promise<OxaPayKeys> {
	const credentials = await ctx.getCredentials('oxaPayApi');
	return {
		merchant: String(credentials.merchantApiKey ?? '').trim(),
		payout: String(credentials.payoutApiKey ?? '').trim(),
	};
}

export class OxaPayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OxaPay Trigger',
		name: 'oxaPayTrigger',
		icon: { light: 'file:../OxaPay/oxapay.svg', dark: 'file:../OxaPay/oxapay.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when OxaPay sends a verified payment or payout callback',
		defaults: { name: 'OxaPay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oxaPayApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: [
			{
				displayName:
					'Paste the Production URL above as <b>callback_url</b> when you create invoices, white-label payments, static addresses or payouts. Every callback is checked against its <b>HMAC</b> header with your Merchant API key (your Payout API key for payouts); anything else gets HTTP 401 and starts nothing.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: OXAPAY_EVENTS.map((value) => ({ name: EVENT_LABELS[value][0], value, description: EVENT_LABELS[value][1] })),
				default: [...OXAPAY_EVENTS],
				description:
					'Which callback types start the workflow. Others are answered "ok" (so OxaPay stops resending them) and ignored.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: ALL_STATUSES.map((status) => ({ name: status, value: status })),
				default: [],
				description:
					'Only start the workflow for these statuses (compared ignoring case: OxaPay sends e.g. "Paid"). Leave empty to accept every status, including ones OxaPay adds later.',
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

	/** Nothing to register at OxaPay; activation only refuses a credential that can verify nothing. */
	webhookMethods = activationChecks(async (ctx) => {
		const keys = await readKeys(ctx);
		if (!keys.merchant && !keys.payout) {
			throw new NodeOperationError(
				ctx.getNode(),
				'The OxaPay credential has neither a Merchant API key nor a Payout API key, so no callback could be verified',
				{ description: 'Open the credential and paste your Merchant API key (OxaPay dashboard → Merchant Service).' },
			);
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {
			// Unsigned requests are refused before the body or the credential is read (the cheap path for junk).
			const signature = header(this, OXAPAY_SCHEME.header);
			if (signature === undefined || signature.trim() === '') return reject(this, 401, 'missing_signature');
			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');

			const read = readOxaPayCallback(rawBody);
			const keys = await credentialOrUndefined(async () => await readKeys(this));
			if (!keys) return reject(this, 401, 'credential_missing');
			const verified = verifyOxaPayCallback(rawBody, signature, read, keys);
			if (!verified.ok) return reject(this, 401, verified.reason, `${read.key} key`);

			const fields = read.root && normalizeOxaPay(read.root);
			if (!fields) return reject(this, 400, 'bad_body', 'not an OxaPay callback (JSON object with track_id)');

			const events = this.getNodeParameter('events', []) as string[];
			const statuses = (this.getNodeParameter('statuses', []) as string[]).map((s) => s.toLowerCase());
			const selected = (OXAPAY_EVENTS as readonly string[]).includes(fields.event)
				? events.includes(fields.event)
				: OXAPAY_EVENTS.every((event) => events.includes(event));
			if (!selected) return acknowledgeOnly(this, OXAPAY_ACK, `event ${fields.event} not selected`);
			if (statuses.length > 0 && !statuses.includes(fields.status.toLowerCase())) {
				return acknowledgeOnly(this, OXAPAY_ACK, `status ${fields.status} not selected`);
			}

			return emit(this, OXAPAY_ACK, fields, {
				includePayload: options.includePayload,
				extra: { signedWith: verified.value.key },
			});
		});
	}
}
