/** The Cryptofuse Trigger's parameters, and how the signature settings are read from them. */
import type { IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { commonTriggerOptions } from '../shared/triggerOptions';
import { ALL_EVENTS, KNOWN_EVENTS } from './payload';
import { DEFAULT_SIGNATURE_SETTINGS, MAX_REPLAY_WINDOW_SECONDS, type CryptofuseSignatureSettings } from './settings';

export type WebhookVersionParameter = 'v1' | 'v0.9';

const V1 = { show: { webhookVersion: ['v1'] } };
const LEGACY = { show: { webhookVersion: ['v0.9'] } };
const TIMESTAMP_SIGNED = { show: { webhookVersion: ['v1'], signedContent: ['timestampDotBody'] } };
const D = DEFAULT_SIGNATURE_SETTINGS;

const EVENT_LABELS: Record<(typeof KNOWN_EVENTS)[number], string> = {
	payment_status_update: 'Payment Status Update',
	deposit_received: 'Deposit Received',
	'payment.completed': 'Payment Completed',
	'payment.failed': 'Payment Failed',
	'withdrawal.status_changed': 'Withdrawal Status Changed',
	'payment.status_updated': 'Payment Status Updated (v0.9)',
};

/** Literal defaults (n8n's linter reads them statically); a unit test pins them to DEFAULT_SIGNATURE_SETTINGS. */
export const cryptofuseTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Paste the Production URL above as <b>webhook_url</b> in Cryptofuse (dashboard webhook settings) or as a payment\'s <b>callback_url</b>. The credential needs your Cryptofuse <b>webhook_secret</b>: without it nothing can be verified and the workflow cannot be activated.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Webhook Version',
		name: 'webhookVersion',
		type: 'options',
		options: [
			{
				name: 'v1.0 (Signed)',
				value: 'v1',
				description: 'Current Cryptofuse webhooks, each verified with your webhook secret',
			},
			{
				name: 'Legacy v0.9 (Unsigned, Unauthenticated)',
				value: 'v0.9',
				description:
					'Old callbacks without any signature. Needs an IP Allowlist or a Legacy URL Token; anyone passing those can start the workflow.',
			},
		],
		default: 'v1',
	},
	{
		displayName:
			'Keep the signature settings below as they are (HMAC-SHA256 of the body, hex, in X-Cryptofuse-Signature): Cryptofuse does not document its scheme, and this is the common one. If genuine webhooks are refused (HTTP 401), the n8n log says why and which settings match your secret.',
		name: 'schemeNotice',
		type: 'notice',
		default: '',
		displayOptions: V1,
	},
	{
		displayName:
			'<b>Unauthenticated.</b> v0.9 callbacks carry no signature: whoever can send from an allowed IP address, or knows the URL with its token, can start this workflow with made-up payment data. Cryptofuse no longer sends v0.9 callbacks; use this only to replay stored ones. Append <b>?token=</b> followed by the credential\'s Legacy URL Token to the URL, and/or set the IP Allowlist option: without either, every request is refused.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
		displayOptions: LEGACY,
	},
	{
		displayName: 'Signature Header',
		name: 'signatureHeader',
		type: 'string',
		default: 'X-Cryptofuse-Signature',
		description:
			'The request header that carries the signature. Several signatures separated by commas or spaces are accepted (secret rotation); one match is enough.',
		displayOptions: V1,
	},
	{
		displayName: 'Algorithm',
		name: 'algorithm',
		type: 'options',
		options: [
			{ name: 'HMAC-SHA256', value: 'sha256' },
			{ name: 'HMAC-SHA512', value: 'sha512' },
		],
		default: 'sha256',
		displayOptions: V1,
	},
	{
		displayName: 'Signature Encoding',
		name: 'signatureEncoding',
		type: 'options',
		options: [
			{ name: 'Hex', value: 'hex' },
			{ name: 'Base64', value: 'base64', description: 'Standard or URL-safe alphabet' },
		],
		default: 'hex',
		displayOptions: V1,
	},
	{
		displayName: 'Signature Prefix',
		name: 'signaturePrefix',
		type: 'string',
		default: '',
		description:
			'Text the header puts in front of each signature. Empty (the default) when the header holds only the signature; for a header like <code>sha256=4f2a…</code> enter <code>sha256=</code>.',
		displayOptions: V1,
	},
	{
		displayName: 'Signed Content',
		name: 'signedContent',
		type: 'options',
		options: [
			{ name: 'Raw Body', value: 'rawBody', description: 'The exact request body bytes' },
			{
				name: 'Timestamp + "." + Raw Body',
				value: 'timestampDotBody',
				description: 'The timestamp header\'s text, a dot, then the body; the timestamp is then checked for replays',
			},
		],
		default: 'rawBody',
		displayOptions: V1,
	},
	{
		displayName: 'Timestamp Header',
		name: 'timestampHeader',
		type: 'string',
		default: 'X-Cryptofuse-Timestamp',
		description: 'The header with the signed timestamp: Unix seconds, Unix milliseconds or ISO-8601 with a time zone',
		displayOptions: TIMESTAMP_SIGNED,
	},
	{
		displayName: 'Replay Window (Seconds)',
		name: 'replayWindowSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_REPLAY_WINDOW_SECONDS },
		default: 300,
		description: 'Requests whose signed timestamp is further than this from n8n\'s clock (either way) are refused',
		displayOptions: TIMESTAMP_SIGNED,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'All Events', value: ALL_EVENTS, description: 'Including event names Cryptofuse adds later' },
			...KNOWN_EVENTS.map((event) => ({ name: EVENT_LABELS[event], value: event, description: event })),
		],
		default: [ALL_EVENTS],
		description: 'Which events start the workflow. Others are acknowledged with HTTP 200 and ignored.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: commonTriggerOptions(''),
	},
];

/** The v1 signature settings as configured (defaults where a parameter is absent). */
export function readSignatureSettings(ctx: IWebhookFunctions | IHookFunctions): CryptofuseSignatureSettings {
	const param = <T>(name: string, fallback: T): T => ctx.getNodeParameter(name, fallback) as T;
	return {
		signatureHeader: param('signatureHeader', D.signatureHeader).trim(),
		timestampHeader: param('timestampHeader', D.timestampHeader).trim(),
		algorithm: param('algorithm', D.algorithm),
		encoding: param('signatureEncoding', D.encoding),
		prefix: param('signaturePrefix', D.prefix).trim(),
		signedContent: param('signedContent', D.signedContent),
		replayWindowSeconds: param('replayWindowSeconds', D.replayWindowSeconds),
	};
}

export function readWebhookVersion(ctx: IWebhookFunctions | IHookFunctions): WebhookVersionParameter {
	return ctx.getNodeParameter('webhookVersion', 'v1') === 'v0.9' ? 'v0.9' : 'v1';
}
