import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { NOWPAYMENTS_EVENTS, NOWPAYMENTS_STATUSES, normalizeNowPayments } from '../NowPayments/payload';
import {
	checkNowPaymentsSignature,
	DEFAULT_SIGNATURE_FORMS,
	NOWPAYMENTS_SIGNATURE_HEADER,
	readNowPaymentsIpn,
	type NowPaymentsSignatureForm,
} from '../NowPayments/signature';
import { activationChecks } from '../shared/activation';
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

/** The addresses NOWPayments' help center lists for its IPN server (zendesk article 21395546303389). */
export const NOWPAYMENTS_IPS = '51.89.194.21, 51.75.77.69, 138.201.172.58, 65.21.158.36';

async function readIpnSecret(ctx: IWebhookFunctions | IHookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials('nowPaymentsApi');
	return String(credentials.ipnSecret ?? '').trim();
}

function signatureForms(ctx: IWebhookFunctions | IHookFunctions): NowPaymentsSignatureForm[] {
	const options = ctx.getNodeParameter('options', {}) as { signatureForms?: NowPaymentsSignatureForm[] };
	return options.signatureForms ?? [...DEFAULT_SIGNATURE_FORMS];
}

export class NowPaymentsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NOWPayments Trigger',
		name: 'nowPaymentsTrigger',
		icon: { light: 'file:../NowPayments/nowpayments.svg', dark: 'file:../NowPayments/nowpayments.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when NOWPayments sends a verified payment, payout or custody IPN',
		defaults: { name: 'NOWPayments Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nowPaymentsApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: [
			{
				displayName:
					'Paste the Production URL above as <b>ipn_callback_url</b> when you create payments, invoices or payouts (or in the NOWPayments dashboard as the IPN callback URL). Every IPN is checked against its <b>x-nowpayments-sig</b> with your IPN secret; anything else gets HTTP 401 and starts nothing.',
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
					{ name: 'Payment', value: 'payment', description: 'Payments and invoices paid by your customers' },
					{ name: 'Payout', value: 'payout', description: 'Payouts (withdrawals) you sent' },
					{ name: 'Custody', value: 'custody', description: 'Custodial recurring payments and transfers of your customers\' accounts' },
				],
				default: [...NOWPAYMENTS_EVENTS],
				description: 'Which IPNs start the workflow. Others are acknowledged with HTTP 200 and ignored.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: NOWPAYMENTS_STATUSES.map((status) => ({ name: status, value: status })),
				default: [],
				description:
					'Only start the workflow for these statuses (payouts send them in upper case, e.g. FINISHED; matched either way). Leave empty to accept every status, including ones NOWPayments adds later.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					...commonTriggerOptions(NOWPAYMENTS_IPS),
					{
						displayName: 'Accepted Signature Forms',
						name: 'signatureForms',
						type: 'multiOptions',
						options: [
							{
								name: 'Keys Sorted, Lists Kept',
								value: 'sortedDeep',
								description: 'What NOWPayments signs: its SDK and every genuine IPN checked',
							},
							{
								name: 'Lists as Objects',
								value: 'listsAsObjects',
								description:
									'The documentation\'s Node sample, which signs a list such as payment_extra_ids as {"0": …}. Every member is still covered.',
							},
						],
						default: [...DEFAULT_SIGNATURE_FORMS],
						description:
							'Which serializations of the sorted body a signature may cover. Keep the default unless NOWPayments support tells you otherwise; the item says which one matched (signedWith).',
					},
				],
			},
		],
	};

	/** Nothing to register at NOWPayments; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = activationChecks(async (ctx) => {
		if ((await readIpnSecret(ctx)) === '') {
			throw new NodeOperationError(ctx.getNode(), 'The NOWPayments credential has no IPN secret, so no IPN could be verified', {
				description: 'Open the credential and paste the IPN secret from the NOWPayments dashboard (Settings → Payments → Instant payment notifications).',
			});
		}
		if (signatureForms(ctx).length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'No signature form is accepted, so no IPN could be verified', {
				description: 'Open Options → Accepted Signature Forms and keep at least "Keys Sorted, Lists Kept".',
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {
			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');

			// What needs no key first: an unsigned or malformed request is refused before the credential is loaded.
			const read = readNowPaymentsIpn(rawBody, header(this, NOWPAYMENTS_SIGNATURE_HEADER));
			if (!read.ok) {
				return read.bodyProblem ? reject(this, 400, read.reason, 'body is not a JSON object') : reject(this, 401, read.reason);
			}

			const secret = await credentialOrUndefined(async () => await readIpnSecret(this));
			if (secret === undefined) return reject(this, 401, 'credential_missing');
			const verified = checkNowPaymentsSignature(read.value, secret, signatureForms(this));
			if (!verified.ok) return reject(this, 401, verified.reason);

			const normalized = normalizeNowPayments(read.value.signed);
			if (!normalized) return reject(this, 400, 'bad_body', 'neither a payment, a payout nor a custody IPN');
			const { fields, extras } = normalized;

			const events = this.getNodeParameter('events', []) as string[];
			const statuses = this.getNodeParameter('statuses', []) as string[];
			if (!events.includes(fields.event)) return acknowledgeOnly(this, JSON_ACK, `event ${fields.event} not selected`);
			if (statuses.length > 0 && !statuses.includes(fields.status.toLowerCase())) {
				return acknowledgeOnly(this, JSON_ACK, `status ${fields.status} not selected`);
			}

			return emit(this, JSON_ACK, fields, {
				includePayload: options.includePayload,
				extra: { ...extras, signedWith: verified.value.form },
			});
		});
	}
}
