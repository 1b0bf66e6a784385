/**
 * The trigger of the Cryptomus scheme (`sign` inside the JSON body, md5 over base64 of the PHP-encoded body + key),
 * shared by the Cryptomus and Heleket triggers, which differ only in data (`CryptomusSchemeProvider`): names, the
 * credential, the published source address, and the status tables. n8n glue only: verification is `./signature.ts`
 * (with `../shared/phpJson.ts`), normalization `./payload.ts`.
 */
import {
	NodeOperationError,
	type IHookFunctions,
	type INodeProperties,
	type INodeType,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { activationChecks } from '../shared/activation';
import { commonTriggerOptions } from '../shared/triggerOptions';
import {
	acknowledgeOnly,
	credentialOrUndefined,
	emit,
	handleWebhook,
	JSON_ACK,
	readRawBody,
	reject,
} from '../shared/webhookGlue';
import { allStatuses, CRYPTOMUS_EVENTS, normalizeCryptomusScheme, type CryptomusSchemeStatuses } from './payload';
import { checkCryptomusSign, readCryptomusWebhook, type CryptomusKeys } from './signature';

/** What a provider of the Cryptomus scheme is, as its trigger sees it. */
export interface CryptomusSchemeProvider extends CryptomusSchemeStatuses {
	/** 'Cryptomus', 'Heleket': in the node's texts and messages. */
	displayName: string;
	/** The credential type holding `paymentApiKey` / `payoutApiKey`. */
	credentialName: string;
	/** Source addresses the provider publishes (the IP Allowlist option's hint). */
	ips: string;
	/** Where, besides `url_callback`, a merchant can set the webhook URL (e.g. 'in the Cryptomus dashboard'), or ''. */
	otherUrlSetting: string;
}

async function readKeys(ctx: IWebhookFunctions | IHookFunctions, p: CryptomusSchemeProvider): Promise<CryptomusKeys> {
	const credentials = await ctx.getCredentials(p.credentialName);
	return {
		payment: String(credentials.paymentApiKey ?? '').trim(),
		payout: String(credentials.payoutApiKey ?? '').trim(),
	};
}

/** The node's parameters: notice, Events, Statuses, Options. */
export function cryptomusSchemeProperties(p: CryptomusSchemeProvider): INodeProperties[] {
	return [
		{
			displayName: `Paste the Production URL above as <b>url_callback</b> when you create invoices, payouts or static wallets${p.otherUrlSetting ? `, or ${p.otherUrlSetting}` : ''}. Every webhook is checked against its <b>sign</b> with your Payment API key (and your Payout API key for payouts); anything else gets HTTP 401 and starts nothing.`,
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
			options: allStatuses(p).map((status) => ({ name: status, value: status })),
			default: [],
			description: `Only start the workflow for these statuses. Leave empty to accept every status, including ones ${p.displayName} adds later.`,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: commonTriggerOptions(p.ips),
		},
	];
}

/** Nothing to register at the provider; activation only refuses a configuration that cannot verify anything. */
export function cryptomusSchemeActivation(p: CryptomusSchemeProvider): INodeType['webhookMethods'] {
	return activationChecks(async (ctx) => {
		const keys = await readKeys(ctx, p);
		if (!keys.payment && !keys.payout) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The ${p.displayName} credential has neither a Payment API key nor a Payout API key, so no webhook could be verified`,
				{ description: `Open the credential and paste your Payment API key from the ${p.displayName} dashboard.` },
			);
		}
	});
}

/** `webhook()` of a trigger of the scheme: verify, normalize, filter, answer. */
export async function cryptomusSchemeWebhook(ctx: IWebhookFunctions, p: CryptomusSchemeProvider): Promise<IWebhookResponseData> {
	return await handleWebhook(ctx, async (options) => {
		const rawBody = await readRawBody(ctx);
		if (!rawBody) return reject(ctx, 400, 'body_unreadable');

		// What needs no key first: a malformed or unsigned body is refused before the credential is loaded
		// (in n8n that load is a database query plus an expression isolate, the dearest step of a request).
		const read = readCryptomusWebhook(rawBody);
		if (!read.ok) return read.reason === 'bad_format' ? reject(ctx, 400, 'bad_format') : reject(ctx, 401, read.reason);

		const keys = await credentialOrUndefined(async () => await readKeys(ctx, p));
		if (!keys) return reject(ctx, 401, 'credential_missing');
		const verified = checkCryptomusSign(read.value, keys);
		if (!verified.ok) return reject(ctx, 401, verified.reason);

		const fields = normalizeCryptomusScheme(verified.value.parsed.root, p);
		if (!fields) return reject(ctx, 400, 'bad_body', 'unknown webhook type');

		const events = ctx.getNodeParameter('events', []) as string[];
		const statuses = ctx.getNodeParameter('statuses', []) as string[];
		if (!events.includes(fields.event)) return acknowledgeOnly(ctx, JSON_ACK, `event ${fields.event} not selected`);
		if (statuses.length > 0 && !statuses.includes(fields.status)) {
			return acknowledgeOnly(ctx, JSON_ACK, `status ${fields.status} not selected`);
		}

		return emit(ctx, JSON_ACK, fields, {
			includePayload: options.includePayload,
			extra: { signedWith: verified.value.key },
		});
	});
}
