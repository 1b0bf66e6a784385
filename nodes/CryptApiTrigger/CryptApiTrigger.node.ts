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
import { quickStartLink, triggerPanel } from '../shared/triggerPanel';
import { ABSOLUTE_HTTP_URL, rawQueryOf } from '../shared/publicUrl';
import { activationChecks } from '../shared/activation';
import { commonTriggerOptions } from '../shared/triggerOptions';
import {
	acknowledgeOnly,
	emit,
	handleWebhook,
	header,
	ownWebhookUrl,
	readRawBody,
	reject,
	requestLine,
	type Acknowledgement,
} from '../shared/webhookGlue';
import { CRYPTAPI_EVENTS, normalizeCryptApi, readCryptApiCallback } from '../CryptApi/payload';
import { CryptApiKeyError, tryCryptApiPublicKey } from '../CryptApi/publicKey';
import { CRYPTAPI_SIGNATURE_HEADER, verifyCryptApiCallback } from '../CryptApi/signature';

/** Source addresses CryptAPI publishes (the last one is still listed by its WooCommerce plugin). */
export const CRYPTAPI_IPS = '51.77.105.132, 135.125.112.47, 145.239.119.223';

/** CryptAPI counts anything but HTTP 200 with exactly `*ok*` as a failure and retries. */
export const CRYPTAPI_ACK: Acknowledgement = { status: 200, contentType: 'text/plain; charset=utf-8', body: '*ok*' };

type WebhookDescription = NonNullable<INodeTypeDescription['webhooks']>[number];
const webhookFor = (httpMethod: 'GET' | 'POST'): WebhookDescription => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
});

function readPublicCallbackUrl(ctx: IWebhookFunctions | IHookFunctions): string {
	const options = ctx.getNodeParameter('options', {}) as { publicCallbackUrl?: string };
	return (options.publicCallbackUrl ?? '').trim();
}

/** The URL CryptAPI called: the override, else this node's test or production URL as n8n publishes it (`WEBHOOK_URL`). */
function publicUrlOf(ctx: IWebhookFunctions, override: string): string | undefined {
	return override !== '' ? override : ownWebhookUrl(ctx);
}

export class CryptApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CryptAPI Trigger',
		name: 'cryptApiTrigger',
		icon: { light: 'file:../CryptApi/cryptapi.svg', dark: 'file:../CryptApi/cryptapi.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when CryptAPI sends a verified payment callback',
		defaults: { name: 'CryptAPI Trigger' },
		triggerPanel: triggerPanel({
			provider: 'CryptAPI',
			testEvent: `send the signed GET request of the ${quickStartLink("README's quick start")} (made with a test key pair of yours: empty <b>CryptAPI Public Key</b> again afterwards)`,
		}),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [webhookFor('GET'), webhookFor('POST')],
		properties: [
			{
				displayName:
					'Give CryptAPI the Production URL above as the <b>callback</b> of your /create/ request (URL-encoded). Only callbacks CryptAPI signed start the workflow. Your own parameters (e.g. <code>?order_id=123</code>) are signed in GET callbacks (the default) but not with <code>post=1</code>.',
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
					{
						name: 'Pending',
						value: 'pending',
						description: 'Payment seen in the mempool (sent only if you asked CryptAPI for pending=1)',
					},
					{ name: 'Confirmed', value: 'confirmed', description: 'Payment confirmed and forwarded to your address' },
				],
				default: [...CRYPTAPI_EVENTS],
				description:
					'Which callbacks start the workflow. Others are still answered with *ok* so CryptAPI stops resending them.',
			},
			{
				displayName: 'CryptAPI Public Key',
				name: 'publicKey',
				type: 'string',
				typeOptions: { rows: 5 },
				default: '',
				placeholder: '-----BEGIN PUBLIC KEY-----',
				hint: "Leave empty: CryptAPI's published key is built in",
				description:
					'PEM public key that verifies the signatures. Leave empty to use the key CryptAPI publishes at https://api.cryptapi.io/pubkey/ (built in). Only change it if CryptAPI rotates its key.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Public Callback URL',
						name: 'publicCallbackUrl',
						type: 'string',
						default: '',
						placeholder: 'https://shop.example.com/hooks/cryptapi',
						description:
							'Only for GET callbacks behind an unusual proxy: the callback URL exactly as you gave it to CryptAPI, without the query. GET signatures cover the full URL CryptAPI called; by default it is this node\'s Production URL, built from n8n\'s WEBHOOK_URL.',
					},
					...commonTriggerOptions(CRYPTAPI_IPS),
				],
			},
		],
	};

	/** Nothing to register at CryptAPI; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = activationChecks(async (ctx) => {
		const key = tryCryptApiPublicKey(ctx.getNodeParameter('publicKey', '') as string);
		if (key instanceof CryptApiKeyError) {
			throw new NodeOperationError(ctx.getNode(), key.message, {
				description:
					'Fix "CryptAPI Public Key": paste the PEM from https://api.cryptapi.io/pubkey/ (BEGIN PUBLIC KEY … END PUBLIC KEY), or leave it empty for the built-in key.',
			});
		}
		const publicCallbackUrl = readPublicCallbackUrl(ctx);
		if (publicCallbackUrl !== '' && !ABSOLUTE_HTTP_URL.test(publicCallbackUrl)) {
			throw new NodeOperationError(ctx.getNode(), 'The Public Callback URL must start with https:// or http://', {
				description: 'Use the callback URL exactly as you gave it to CryptAPI, or leave the option empty.',
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {

			const key = tryCryptApiPublicKey(this.getNodeParameter('publicKey', '') as string);
			if (key instanceof CryptApiKeyError) {
				return reject(this, 500, 'configuration_error', 'the CryptAPI public key cannot be parsed');
			}
			const override = readPublicCallbackUrl(this);
			const publicUrl = publicUrlOf(this, override);
			if (!publicUrl || !ABSOLUTE_HTTP_URL.test(publicUrl)) {
				return reject(this, 500, 'configuration_error', 'no usable public callback URL');
			}

			const method = this.getRequestObject().method === 'POST' ? 'POST' : 'GET';
			const rawBody = method === 'POST' ? await readRawBody(this) : Buffer.alloc(0);
			if (!rawBody) return reject(this, 400, 'body_unreadable');
			const rawQuery = rawQueryOf(requestLine(this));

			const signature = header(this, CRYPTAPI_SIGNATURE_HEADER);
			const verified = verifyCryptApiCallback({ method, publicUrl, rawQuery, rawBody, signature }, key);
			if (!verified.ok) {
				const hint = method === 'GET' && verified.reason === 'mismatch' ? 'GET: check WEBHOOK_URL / Public Callback URL' : undefined;
				return reject(this, 401, verified.reason, hint);
			}

			const callback = readCryptApiCallback(method, rawQuery ?? '', rawBody);
			const fields = callback && normalizeCryptApi(callback);
			if (!callback || !fields) return reject(this, 400, 'bad_body', 'not a CryptAPI callback');

			const events = this.getNodeParameter('events', []) as string[];
			const selected = fields.event === 'unknown'
				? CRYPTAPI_EVENTS.every((event) => events.includes(event))
				: events.includes(fields.event);
			if (!selected) return acknowledgeOnly(this, CRYPTAPI_ACK, `event ${fields.event} not selected`);

			return emit(this, CRYPTAPI_ACK, fields, {
				includePayload: options.includePayload,
				extra: {
					delivery: callback.delivery,
					customParams: callback.customParams,
					customParamsSigned: callback.customParamsSigned,
				},
			});
		});
	}
}
