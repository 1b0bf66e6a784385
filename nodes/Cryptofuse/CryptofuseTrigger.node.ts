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
import { tryParseJsonLossless } from '../shared/losslessJson';
import { rawQueryOf } from '../shared/publicUrl';
import { activationChecks } from '../shared/activation';
import {
	acknowledgeOnly,
	credentialOrUndefined,
	emit,
	handleWebhook,
	JSON_ACK,
	POST_WEBHOOK,
	readRawBody,
	reject,
	requestLine,
} from '../shared/webhookGlue';
import { cryptofuseCredentialCheck, readCryptofuseSecrets, type CryptofuseSecrets } from './credentialTest';
import { cryptofuseTriggerProperties, readSignatureSettings, readWebhookVersion } from './description';
import { legacyGuardProblem, verifyLegacyToken } from './legacy';
import { ALL_EVENTS, normalizeCryptofuseV09, normalizeCryptofuseV1, type CryptofuseItem } from './payload';
import { probeCryptofuseScheme } from './schemeProbe';
import { settingsProblem, type CryptofuseSignatureSettings } from './settings';
import { headerText, verifyCryptofuseWebhook, type HeaderMap } from './signature';

async function readSecrets(ctx: IWebhookFunctions | IHookFunctions): Promise<CryptofuseSecrets> {
	return readCryptofuseSecrets(await ctx.getCredentials('cryptofuseApi'));
}

/** What a request or an activation needs from the node's parameters, read once (each read costs n8n work). */
interface CryptofuseConfig {
	legacy: boolean;
	/** v1.0 only. */
	settings?: CryptofuseSignatureSettings;
	ipAllowlist: string;
}

function readConfig(ctx: IWebhookFunctions | IHookFunctions): CryptofuseConfig {
	const legacy = readWebhookVersion(ctx) === 'v0.9';
	return {
		legacy,
		settings: legacy ? undefined : readSignatureSettings(ctx),
		ipAllowlist: (ctx.getNodeParameter('options', {}) as { ipAllowlist?: string }).ipAllowlist ?? '',
	};
}

/** What makes the settings unusable, whatever the credential holds; else `undefined`. */
function settingsProblemOf(config: CryptofuseConfig): string | undefined {
	return config.settings ? settingsProblem(config.settings) : undefined;
}

/** Why this configuration cannot work, for the workflow author (activation) and the log (requests). */
function configurationProblem(config: CryptofuseConfig, secrets: CryptofuseSecrets): string | undefined {
	if (config.legacy) return legacyGuardProblem(config.ipAllowlist, secrets.legacyUrlToken);
	if (secrets.webhookSecret === '') return 'The Cryptofuse credential has no Webhook Secret, so no webhook could be verified';
	return settingsProblemOf(config);
}

/** v1.0: verify the signature over the raw bytes, then parse. A response means the request was refused. */
function acceptSigned(
	ctx: IWebhookFunctions,
	rawBody: Buffer,
	secret: string,
	settings: CryptofuseSignatureSettings,
): CryptofuseItem | IWebhookResponseData {
	const headers = ctx.getHeaderData() as HeaderMap;
	const verified = verifyCryptofuseWebhook(rawBody, headers, secret, settings, Date.now());
	if (!verified.ok) {
		const finding = verified.reason === 'stale' ? undefined : probeCryptofuseScheme(rawBody, headers, secret, settings);
		const hint = finding
			? `; a signature matches your secret with ${Object.entries(finding).map(([k, v]) => `${k}="${v}"`).join(', ')}: change these node settings if this request came from Cryptofuse`
			: '';
		return reject(ctx, 401, verified.reason, verified.detail + hint);
	}
	const parsed = tryParseJsonLossless(rawBody);
	return (parsed && normalizeCryptofuseV1(parsed)) || reject(ctx, 400, 'bad_body', 'not a JSON object');
}

/** Legacy v0.9: unsigned, so only behind the URL token (when set; the IP allowlist was checked already). */
function acceptLegacy(
	ctx: IWebhookFunctions,
	rawBody: Buffer,
	token: string,
): CryptofuseItem | IWebhookResponseData {
	if (token !== '') {
		const checked = verifyLegacyToken(rawQueryOf(requestLine(ctx)) ?? '', token);
		if (!checked.ok) return reject(ctx, 401, checked.reason, 'legacy v0.9: token query parameter missing or wrong');
	}
	const parsed = tryParseJsonLossless(rawBody);
	return (parsed && normalizeCryptofuseV09(parsed)) || reject(ctx, 400, 'bad_body', 'not a v0.9 callback');
}

export class CryptofuseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cryptofuse Trigger',
		name: 'cryptofuseTrigger',
		icon: { light: 'file:cryptofuse.svg', dark: 'file:cryptofuse.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["webhookVersion"] === "v0.9" ? "legacy v0.9 (unsigned)" : "v1.0 signed"}}',
		description: 'Starts the workflow when Cryptofuse sends a verified payment or withdrawal webhook',
		defaults: { name: 'Cryptofuse Trigger' },
		triggerPanel: triggerPanel({
			provider: 'Cryptofuse',
			testEvent: `send the ${quickStartLink("README's quick-start request")}: a webhook whose X-Cryptofuse-Signature is the HMAC-SHA256 of its body with your secret`,
		}),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cryptofuseApi', required: true, testedBy: 'cryptofuseCredentialCheck' }],
		webhooks: POST_WEBHOOK,
		properties: cryptofuseTriggerProperties,
	};

	methods = {
		credentialTest: { cryptofuseCredentialCheck },
	};

	/** Nothing to register at Cryptofuse; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = activationChecks(async (ctx) => {
		const problem = configurationProblem(readConfig(ctx), await readSecrets(ctx));
		if (problem) {
			throw new NodeOperationError(ctx.getNode(), problem, {
				description: 'Open the Cryptofuse Trigger and its credential and fix this before activating the workflow.',
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (options) => {
			const config = readConfig(this);
			const { settings } = config;
			const settingsIssue = settingsProblemOf(config);
			if (settingsIssue) return reject(this, 401, 'configuration_error', settingsIssue);
			// An unsigned v1.0 request is refused before the credential is loaded (in n8n a database query plus an
			// expression isolate, the dearest step of a request).
			if (settings && headerText(this.getHeaderData() as HeaderMap, settings.signatureHeader) === undefined) {
				return reject(this, 401, 'missing_signature', `no ${settings.signatureHeader} header`);
			}

			const secrets = await credentialOrUndefined(async () => await readSecrets(this));
			if (!secrets) return reject(this, 401, 'credential_missing');
			const problem = configurationProblem(config, secrets);
			if (problem) return reject(this, 401, 'configuration_error', problem);

			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');

			const accepted = settings
				? acceptSigned(this, rawBody, secrets.webhookSecret, settings)
				: acceptLegacy(this, rawBody, secrets.legacyUrlToken);
			if (!('fields' in accepted)) return accepted;

			const events = this.getNodeParameter('events', [ALL_EVENTS]) as string[];
			const { fields, extra } = accepted;
			if (!events.includes(ALL_EVENTS) && !events.includes(fields.event)) {
				return acknowledgeOnly(this, JSON_ACK, `event ${JSON.stringify(fields.event.slice(0, 64))} not selected`);
			}
			return emit(this, JSON_ACK, fields, { includePayload: options.includePayload, extra });
		});
	}
}
