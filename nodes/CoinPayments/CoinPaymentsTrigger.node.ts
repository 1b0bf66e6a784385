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
import { formToTree } from '../shared/form';
import { textAt, tryDecodeUtf8, tryParseJsonLossless } from '../shared/losslessJson';
import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { ABSOLUTE_HTTP_URL, calledUrl } from '../shared/publicUrl';
import type { CommonTriggerOptions } from '../shared/triggerOptions';
import {
	acknowledgeOnly,
	credentialOrUndefined,
	emit,
	handleWebhook,
	header,
	JSON_ACK,
	ownWebhookUrl,
	POST_WEBHOOK,
	readRawBody,
	reject,
	requestLine,
	type Acknowledgement,
} from '../shared/webhookGlue';
import { coinPaymentsCredentialCheck, coinPaymentsGaps, readCoinPaymentsSecrets, type CoinPaymentsSecrets } from './credentialTest';
import { coinPaymentsTriggerProperties, readCoinPaymentsSettings, type CoinPaymentsSettings } from './description';
import { COINPAYMENTS_WEBHOOK_EVENTS, normalizeCoinPaymentsIpn, normalizeCoinPaymentsWebhook } from './payload';
import {
	checkCoinPaymentsIpnHeader,
	checkCoinPaymentsWebhookHeaders,
	COINPAYMENTS_CLIENT_HEADER,
	COINPAYMENTS_IPN_SCHEME,
	COINPAYMENTS_SIGNATURE_HEADER,
	COINPAYMENTS_TIMESTAMP_HEADER,
	verifyCoinPaymentsIpn,
	verifyCoinPaymentsWebhook,
} from './signature';

/** What CoinPayments' own IPN handlers (their plugins, their IPN page's sample) answer: HTTP 200 `IPN OK`. */
export const COINPAYMENTS_IPN_ACK: Acknowledgement = { status: 200, contentType: 'text/plain; charset=utf-8', body: 'IPN OK' };

async function readSecrets(ctx: IWebhookFunctions | IHookFunctions): Promise<CoinPaymentsSecrets> {
	return readCoinPaymentsSecrets(await ctx.getCredentials('coinPaymentsApi'));
}

/** Client IDs compare without case and dashes (the dashboard shows a GUID, the header sends it without dashes). */
const sameClientId = (a: string, b: string) => a.replace(/-/g, '').toLowerCase() === b.replace(/-/g, '').toLowerCase();

/** IPN of the v1 API: HMAC of the raw form body, then ipn_mode and merchant (see ./signature.ts). */
async function handleIpn(ctx: IWebhookFunctions, options: CommonTriggerOptions): Promise<IWebhookResponseData> {
	const rawBody = await readRawBody(ctx);
	if (!rawBody) return reject(ctx, 400, 'body_unreadable');
	const signature = header(ctx, COINPAYMENTS_IPN_SCHEME.header);
	const shape = checkCoinPaymentsIpnHeader(signature);
	if (!shape.ok) return reject(ctx, 401, shape.reason);

	const secrets = await credentialOrUndefined(async () => await readSecrets(ctx));
	if (!secrets) return reject(ctx, 401, 'credential_missing');
	const verified = verifyCoinPaymentsIpn(rawBody, signature, secrets.ipnSecret);
	if (!verified.ok) return reject(ctx, 401, verified.reason);

	const text = tryDecodeUtf8(rawBody);
	if (text === undefined) return reject(ctx, 400, 'bad_body', 'not UTF-8');
	const form = formToTree(text);
	if (textAt(form, 'ipn_mode') !== 'hmac') return reject(ctx, 401, 'bad_format', 'ipn_mode is not hmac');
	if (secrets.merchantId === '') return reject(ctx, 401, 'no_key_configured', 'the credential has no Merchant ID');
	if ((textAt(form, 'merchant') ?? '').trim() !== secrets.merchantId) {
		return reject(ctx, 401, 'wrong_key', "the IPN's merchant is not the credential's Merchant ID");
	}

	const fields = normalizeCoinPaymentsIpn(form);
	if (!fields) return reject(ctx, 400, 'bad_body', 'no ipn_type');
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!events.includes(fields.event)) return acknowledgeOnly(ctx, COINPAYMENTS_IPN_ACK, `ipn_type ${fields.event} not selected`);
	return emit(ctx, COINPAYMENTS_IPN_ACK, fields, { includePayload: options.includePayload, extra: { signedWith: 'ipnSecret' } });
}

/** Webhook of the newer API: timestamp window, then the signature over BOM + POST + URL + client ID + timestamp + body. */
async function handleApiWebhook(
	ctx: IWebhookFunctions,
	options: CommonTriggerOptions,
	settings: CoinPaymentsSettings,
): Promise<IWebhookResponseData> {
	const rawBody = await readRawBody(ctx);
	if (!rawBody) return reject(ctx, 400, 'body_unreadable');
	const signature = header(ctx, COINPAYMENTS_SIGNATURE_HEADER);
	const timestamp = header(ctx, COINPAYMENTS_TIMESTAMP_HEADER);
	const fresh = checkCoinPaymentsWebhookHeaders({ signature, timestamp }, { replayWindowSeconds: settings.replayWindowSeconds });
	if (!fresh.ok) return reject(ctx, 401, fresh.reason);

	const url = calledUrl(requestLine(ctx), ownWebhookUrl(ctx), settings.publicWebhookUrl);
	if (!url || !ABSOLUTE_HTTP_URL.test(url)) return reject(ctx, 500, 'configuration_error', 'no usable public webhook URL');

	const secrets = await credentialOrUndefined(async () => await readSecrets(ctx));
	if (!secrets) return reject(ctx, 401, 'credential_missing');
	if (secrets.clientId === '') return reject(ctx, 401, 'no_key_configured', 'the credential has no Client ID');
	const sentClient = (header(ctx, COINPAYMENTS_CLIENT_HEADER) ?? '').trim();
	if (sentClient !== '' && !sameClientId(sentClient, secrets.clientId)) {
		return reject(ctx, 401, 'wrong_key', "X-CoinPayments-Client is not the credential's Client ID");
	}
	// The client ID as CoinPayments wrote it (the header) when it is the configured one, else the configured one.
	const clientId = sentClient !== '' ? sentClient : secrets.clientId;
	const verified = verifyCoinPaymentsWebhook({ url, clientId, rawBody, signature, timestamp }, secrets.clientSecret, {
		replayWindowSeconds: settings.replayWindowSeconds,
	});
	if (!verified.ok) {
		return reject(ctx, 401, verified.reason, verified.reason === 'mismatch' ? 'check WEBHOOK_URL / Public Webhook URL' : undefined);
	}

	const parsed = tryParseJsonLossless(rawBody);
	const fields = parsed && normalizeCoinPaymentsWebhook(parsed.root);
	if (!fields) return reject(ctx, 400, 'bad_body', 'not a CoinPayments webhook');
	const events = ctx.getNodeParameter('webhookEvents', []) as string[];
	const known = (COINPAYMENTS_WEBHOOK_EVENTS as readonly string[]).includes(fields.event);
	const selected = known ? events.includes(fields.event) : COINPAYMENTS_WEBHOOK_EVENTS.every((event) => events.includes(event));
	if (!selected) return acknowledgeOnly(ctx, JSON_ACK, `event ${fields.event} not selected`);
	return emit(ctx, JSON_ACK, fields, { includePayload: options.includePayload, extra: { signedWith: 'clientSecret' } });
}

export class CoinPaymentsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CoinPayments Trigger',
		name: 'coinPaymentsTrigger',
		icon: { light: 'file:coinpayments.svg', dark: 'file:coinpayments.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["mode"] === "webhook" ? "API webhooks" : "IPN"}}',
		description: 'Starts the workflow when CoinPayments sends a verified IPN or API webhook',
		defaults: { name: 'CoinPayments Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coinPaymentsApi', required: true, testedBy: 'coinPaymentsCredentialCheck' }],
		webhooks: POST_WEBHOOK,
		properties: coinPaymentsTriggerProperties,
	};

	methods = {
		credentialTest: { coinPaymentsCredentialCheck },
	};

	/** Nothing to register at CoinPayments; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = activationChecks(async (ctx) => {
		const settings = readCoinPaymentsSettings(ctx);
		const gaps = coinPaymentsGaps(await readSecrets(ctx))[settings.mode];
		if (gaps.length > 0) {
			const what = settings.mode === 'ipn' ? 'IPNs' : 'API webhooks';
			throw new NodeOperationError(ctx.getNode(), `The CoinPayments credential has no ${gaps.join(' and ')}, so no ${what} could be verified`, {
				description: `Open the credential and fill in ${gaps.join(' and ')}, or switch Notifications to the kind your credential is for.`,
			});
		}
		if (settings.mode === 'webhook' && settings.publicWebhookUrl !== '' && !ABSOLUTE_HTTP_URL.test(settings.publicWebhookUrl)) {
			throw new NodeOperationError(ctx.getNode(), 'The Public Webhook URL must start with https:// or http://', {
				description: 'Use the webhook URL exactly as registered at CoinPayments, or leave the option empty.',
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {
			const settings = readCoinPaymentsSettings(this);
			return settings.mode === 'webhook' ? await handleApiWebhook(this, options, settings) : await handleIpn(this, options);
		});
	}
}
