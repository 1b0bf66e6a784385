import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { quickStartLink, triggerPanel } from '../shared/triggerPanel';
import { attempt, JsonFormatError, parseJsonLossless } from '../shared/losslessJson';
import { activationChecks } from '../shared/activation';
import {
	acknowledgeOnly,
	credentialOrUndefined,
	emit,
	handleWebhook,
	header,
	ownWebhookUrl,
	JSON_ACK,
	POST_WEBHOOK,
	readRawBody,
	reject,
	requestLine,
} from '../shared/webhookGlue';
import { crypto2bRelativeUrl, isUsableUrlOverride } from './callbackUrl';
import { crypto2bKeyProblem, decodeCrypto2bSecret } from './keys';
import { normalizeCrypto2b } from './payload';
import { crypto2bTriggerProperties } from './properties';
import {
	CRYPTO2B_HEADERS,
	DEFAULT_MAX_RECV_WINDOW_MS,
	DEFAULT_RECV_WINDOW_MS,
	MAX_RECV_WINDOW_LIMIT_MS,
	verifyCrypto2bCallback,
} from './signature';

interface Crypto2bOptions {
	defaultRecvWindowMs?: number;
	maxRecvWindowMs?: number;
	callbackUrlOverride?: string;
	ipAllowlist?: string;
}

function keysOf(credentials: ICredentialDataDecryptedObject): { publicKey: string; secretKey: string } {
	return { publicKey: String(credentials.publicKey ?? ''), secretKey: String(credentials.secretKey ?? '') };
}

/** The configuration mistake that makes every callback fail, in words for the workflow author; else `undefined`. */
function configurationProblem(keys: { publicKey: string; secretKey: string }, options: Crypto2bOptions): string | undefined {
	const keyProblem = crypto2bKeyProblem(keys.publicKey, keys.secretKey);
	if (keyProblem) return keyProblem;
	const window = options.defaultRecvWindowMs ?? DEFAULT_RECV_WINDOW_MS;
	if (!Number.isSafeInteger(window) || window <= 0) return 'Default Receive Window must be a positive number of milliseconds.';
	const max = options.maxRecvWindowMs ?? DEFAULT_MAX_RECV_WINDOW_MS;
	if (!Number.isSafeInteger(max) || max <= 0 || max > MAX_RECV_WINDOW_LIMIT_MS) {
		return `Maximum Receive Window must be 1 to ${MAX_RECV_WINDOW_LIMIT_MS} milliseconds.`;
	}
	if (!isUsableUrlOverride(options.callbackUrlOverride ?? '')) {
		return 'Callback URL Override must be the full https:// URL registered at Crypto2B, or its path starting with "/".';
	}
	return undefined;
}

export class Crypto2bTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crypto2B Trigger',
		name: 'crypto2bTrigger',
		icon: { light: 'file:crypto2b.svg', dark: 'file:crypto2b.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["operationTypes"].join(", ")}}',
		description: 'Starts the workflow when Crypto2B sends a verified deposit, withdrawal or service callback',
		defaults: { name: 'Crypto2B Trigger' },
		triggerPanel: triggerPanel({
			provider: 'Crypto2B',
			testEvent: `send the ${quickStartLink("README's quick-start request")}, signed with your secret key (HMAC-SHA512 over timestamp, POST, path and body)`,
		}),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'crypto2bApi', required: true, testedBy: 'crypto2bKeyCheck' }],
		webhooks: POST_WEBHOOK,
		properties: crypto2bTriggerProperties,
	};

	methods = {
		credentialTest: {
			/**
			 * A local check, no network call: the callback keys are only ever used to verify what Crypto2B sends, and no
			 * Crypto2B API endpoint is part of this package. Catches empty, swapped and non-base64 keys.
			 */
			async crypto2bKeyCheck(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const keys = keysOf(credential.data ?? {});
				const problem = crypto2bKeyProblem(keys.publicKey, keys.secretKey, true);
				return problem
					? { status: 'Error', message: problem }
					: { status: 'OK', message: 'Keys are well-formed (checked locally; Crypto2B is not contacted)' };
			},
		},
	};

	/** Nothing to register at Crypto2B; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = activationChecks(async (ctx) => {
		const keys = keysOf(await ctx.getCredentials('crypto2bApi'));
		const problem = configurationProblem(keys, ctx.getNodeParameter('options', {}) as Crypto2bOptions);
		if (problem) {
			throw new NodeOperationError(ctx.getNode(), problem, {
				description: 'No Crypto2B callback could be verified with this configuration.',
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async (common) => {
			const keys = await credentialOrUndefined(async () => keysOf(await this.getCredentials('crypto2bApi')));
			if (!keys) return reject(this, 401, 'credential_missing');
			const options = this.getNodeParameter('options', {}) as Crypto2bOptions;
			const problem = configurationProblem(keys, options);
			const secret = decodeCrypto2bSecret(keys.secretKey);
			if (problem || !secret) return reject(this, 401, 'configuration_error', problem);

			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');

			const webhookUrl = ownWebhookUrl(this);
			const verified = verifyCrypto2bCallback({
				rawBody,
				headers: {
					key: header(this, CRYPTO2B_HEADERS.key),
					timestamp: header(this, CRYPTO2B_HEADERS.timestamp),
					recvWindow: header(this, CRYPTO2B_HEADERS.recvWindow),
					signature: header(this, CRYPTO2B_HEADERS.signature),
				},
				relativeUrl: crypto2bRelativeUrl(requestLine(this), webhookUrl, options.callbackUrlOverride),
				publicKey: keys.publicKey,
				secret,
				nowMs: Date.now(),
				defaultRecvWindowMs: options.defaultRecvWindowMs,
				maxRecvWindowMs: options.maxRecvWindowMs,
			});
			if (!verified.ok) return reject(this, 401, verified.reason, verified.detail);

			const parsed = attempt(() => parseJsonLossless(rawBody));
			if (parsed instanceof JsonFormatError) return reject(this, 400, 'bad_format', 'body is not JSON');
			const normalized = normalizeCrypto2b(parsed.root);
			if (!normalized.ok) return reject(this, 400, 'bad_body', normalized.detail);
			const { fields, fees } = normalized;

			const types = this.getNodeParameter('operationTypes', []) as string[];
			const statuses = this.getNodeParameter('statuses', []) as string[];
			if (!types.includes(fields.event)) return acknowledgeOnly(this, JSON_ACK, `type ${fields.event} not selected`);
			if (statuses.length > 0 && !statuses.includes(fields.status)) {
				return acknowledgeOnly(this, JSON_ACK, `status ${fields.status} not selected`);
			}
			return emit(this, JSON_ACK, fields, { includePayload: common.includePayload, extra: { fees } });
		});
	}
}
