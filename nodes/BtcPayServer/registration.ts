/**
 * The BTCPay Server Trigger's `webhookMethods` (n8n glue): in automatic mode the node registers its own store webhook
 * through the Greenfield API when the workflow is activated and deletes it when it is deactivated, the way n8n's
 * Stripe Trigger does; in manual mode it only refuses a configuration that cannot verify anything.
 *
 * n8n calls `checkExists` on every activation (also at start-up and when a queue-mode leader takes over) and `create`
 * when it answers false; `delete` on deactivation. The webhook's id and secret live in the node's workflow static data
 * (`getWorkflowStaticData('node')`), which n8n saves in its database after activation: every process that runs the
 * trigger's `webhook()` — queue-mode webhook processors included — reads the secret from there.
 *
 * Greenfield calls (`GreenfieldStoreWebhooksController.cs`, permission `btcpay.store.webhooks.canmodifywebhooks`):
 *   GET    /api/v1/stores/{storeId}/webhooks               list (no secrets)
 *   POST   /api/v1/stores/{storeId}/webhooks               create; answers the webhook with its secret
 *   GET    /api/v1/stores/{storeId}/webhooks/{webhookId}   one webhook (no secret); 404 `webhook-not-found`
 *   DELETE /api/v1/stores/{storeId}/webhooks/{webhookId}   200; 404 when already gone
 * The store-scoped routes work on every Greenfield version (BTCPay 2.4.1 added `/api/v1/webhooks/{id}` beside them).
 * A webhook that no longer matches is deleted and created again, never updated: BTCPay returns a secret only on
 * creation, and `PUT` without one would leave the webhook signing with an empty secret (`ToModel(update)`).
 */
import { randomBytes } from 'node:crypto';

import { NodeOperationError, type IDataObject, type IHookFunctions, type INodeType } from 'n8n-workflow';

import { assertAllowlistUsable } from '../shared/activation';
import { apiProblem, readBtcPayConnection, type BtcPayConnection } from './connection';
import { greenfieldCall, greenfieldError, greenfieldRequest, storePath, type GreenfieldRequest } from './greenfield';
import { createWebhookBody, webhookDifference, webhooksAt, webhookSpec, type WebhookSpec } from './webhookSpec';

export type RegistrationMode = 'automatic' | 'manual';

/** What the node keeps in its static data about the webhook it registered. */
export interface RegisteredWebhook {
	webhookId?: string;
	webhookSecret?: string;
	/** Where it was registered: deleting uses these, even when the credential changed since. */
	serverUrl?: string;
	storeId?: string;
}

export const registrationMode = (ctx: { getNodeParameter(name: string, fallback?: unknown): unknown }): RegistrationMode =>
	ctx.getNodeParameter('registration', 'automatic') === 'manual' ? 'manual' : 'automatic';

const stored = (ctx: IHookFunctions): IDataObject & RegisteredWebhook => ctx.getWorkflowStaticData('node');

function forget(data: IDataObject): void {
	for (const key of ['webhookId', 'webhookSecret', 'serverUrl', 'storeId']) delete data[key];
}

async function connectionOf(ctx: IHookFunctions): Promise<BtcPayConnection> {
	return readBtcPayConnection(await ctx.getCredentials('btcPayServerApi'));
}

function configurationError(ctx: IHookFunctions, message: string, description: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { description });
}

/** The webhook this node needs: its production (or, while testing in the editor, test) URL and the selected events. */
function wanted(ctx: IHookFunctions): WebhookSpec {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw configurationError(ctx, 'n8n did not provide this node\'s webhook URL', 'Save the workflow and activate it again.');
	return webhookSpec(url, ctx.getNodeParameter('events', []) as string[]);
}

/** Refuses, naming the field to fix, what cannot register or verify a webhook. */
function assertUsable(ctx: IHookFunctions, mode: RegistrationMode, connection: BtcPayConnection): void {
	const events = ctx.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw configurationError(ctx, 'No events are selected, so no delivery could start the workflow', 'Select "Every Event" or the events you need in Events.');
	}
	if (mode === 'manual') {
		if (connection.webhookSecret === '') {
			throw configurationError(
				ctx,
				'The BTCPay Server credential has no Webhook Secret, so no delivery could be verified (Registration: Manual)',
				'Open the credential and paste the secret of the webhook you created in BTCPay Server (Store → Settings → Webhooks), or set Registration to Automatic.',
			);
		}
		return;
	}
	const problem = apiProblem(connection);
	if (problem) {
		throw configurationError(
			ctx,
			`The BTCPay Server credential's ${problem.field} ${problem.message}`,
			'Registration: Automatic needs the Server URL, an API Key with the permission btcpay.store.webhooks.canmodifywebhooks and the Store ID. Or set Registration to Manual and give the credential a Webhook Secret.',
		);
	}
}

const webhookPath = (storeId: string, webhookId = ''): string => storePath(storeId, `/webhooks${webhookId ? `/${encodeURIComponent(webhookId)}` : ''}`);

/**
 * Deletes the registered webhook (best effort) and forgets it. True when it is gone (deleted, or BTCPay no longer
 * had it); false when BTCPay could not be asked or refused: then the node remembers it, so the next activation
 * checks it again, and the log names the webhook to delete by hand if it stays.
 */
async function unregister(ctx: IHookFunctions, data: IDataObject & RegisteredWebhook): Promise<boolean> {
	const { webhookId, storeId, serverUrl } = data;
	if (!webhookId) return true;
	const connection = await connectionOf(ctx).catch(() => undefined);
	if (!connection || !storeId || connection.serverUrl !== serverUrl || connection.storeId !== storeId || apiProblem(connection)) {
		ctx.logger.warn(
			`BTCPay Server Trigger: the credential no longer points at the store its webhook ${webhookId} was registered in (${serverUrl ?? '?'} store ${storeId ?? '?'}); delete that webhook there by hand`,
			{ node: ctx.getNode().name },
		);
		forget(data);
		return true;
	}
	const request: GreenfieldRequest = { method: 'DELETE', path: webhookPath(storeId, webhookId) };
	try {
		const answer = await greenfieldCall(ctx, connection, request);
		if ((answer.statusCode >= 200 && answer.statusCode < 300) || answer.statusCode === 404) {
			forget(data);
			return true;
		}
		ctx.logger.warn(`BTCPay Server Trigger: could not delete webhook ${webhookId}: HTTP ${answer.statusCode}`, { node: ctx.getNode().name });
	} catch (error) {
		ctx.logger.warn(`BTCPay Server Trigger: could not delete webhook ${webhookId}: ${(error as Error).message}`, { node: ctx.getNode().name });
	}
	return false;
}

/** Deletes every webhook of the store that points at this node's URL (left over when static data was lost). */
async function removeLeftovers(ctx: IHookFunctions, connection: BtcPayConnection, url: string): Promise<void> {
	const list = await greenfieldRequest(ctx, connection, { method: 'GET', path: webhookPath(connection.storeId) });
	for (const id of webhooksAt(list, url)) {
		const request: GreenfieldRequest = { method: 'DELETE', path: webhookPath(connection.storeId, id) };
		const answer = await greenfieldCall(ctx, connection, request);
		if (answer.statusCode !== 404 && (answer.statusCode < 200 || answer.statusCode >= 300)) throw greenfieldError(ctx, answer, request);
		ctx.logger.info(`BTCPay Server Trigger: deleted webhook ${id}, a leftover registration of this node`, { node: ctx.getNode().name });
	}
}

/** A random secret for the new webhook (32 bytes, base64url: 256 bits, ASCII so BTCPay's UTF-8 key is these bytes). */
const newSecret = (): string => randomBytes(32).toString('base64url');

export const btcPayWebhookMethods: INodeType['webhookMethods'] = {
	default: {
		/** True only when the webhook this node registered still exists at BTCPay exactly as needed. */
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const data = stored(this);
			if (registrationMode(this) === 'manual') {
				await unregister(this, data); // a registration left from automatic mode
				return false;
			}
			if (!data.webhookId) return false;
			const connection = await connectionOf(this);
			if (apiProblem(connection) || connection.serverUrl !== data.serverUrl || connection.storeId !== data.storeId || !data.webhookSecret) {
				await unregister(this, data);
				return false;
			}
			// Only a definite answer replaces the registration. When BTCPay cannot be asked (down while n8n starts, a
			// revoked API key), the webhook it has is kept and verified with the stored secret: BTCPay does not retry a
			// 404, so a workflow left inactive until BTCPay is back would lose the deliveries in between.
			const keep = (why: string): boolean => {
				this.logger.warn(`BTCPay Server Trigger: could not check webhook ${data.webhookId} (${why}); keeping it`, { node: this.getNode().name });
				return true;
			};
			const request: GreenfieldRequest = { method: 'GET', path: webhookPath(connection.storeId, data.webhookId) };
			const answer = await greenfieldCall(this, connection, request).catch((error: Error) => error);
			if (answer instanceof Error) return keep(answer.message);
			if (answer.statusCode === 404) {
				this.logger.info(`BTCPay Server Trigger: webhook ${data.webhookId} was deleted in BTCPay Server; registering a new one`, { node: this.getNode().name });
				forget(data);
				return false;
			}
			if (answer.statusCode < 200 || answer.statusCode >= 300) return keep(greenfieldError(this, answer, request).message);
			const difference = webhookDifference(answer.body, wanted(this));
			if (difference) {
				this.logger.info(`BTCPay Server Trigger: webhook ${data.webhookId} no longer matches (${difference}); registering a new one`, { node: this.getNode().name });
				return (await unregister(this, data)) ? false : keep('it could not be deleted to be replaced');
			}
			return true;
		},

		async create(this: IHookFunctions): Promise<boolean> {
			const mode = registrationMode(this);
			const connection = await connectionOf(this).catch(() => readBtcPayConnection(undefined));
			assertUsable(this, mode, connection);
			assertAllowlistUsable(this);
			if (mode === 'manual') return true;

			const spec = wanted(this);
			await removeLeftovers(this, connection, spec.url);
			const secret = newSecret();
			const request: GreenfieldRequest = { method: 'POST', path: webhookPath(connection.storeId), body: createWebhookBody(spec, secret) };
			const created = (await greenfieldRequest(this, connection, request)) as { id?: unknown; secret?: unknown } | undefined;
			if (typeof created?.id !== 'string' || created.id === '') {
				throw configurationError(this, 'BTCPay Server created the webhook but did not answer its id', `${request.method} ${request.path} answered without "id"; check the Server URL.`);
			}
			const data = stored(this);
			data.webhookId = created.id;
			// BTCPay answers the secret it stored (the one sent); keep that one if it differs.
			data.webhookSecret = typeof created.secret === 'string' && created.secret !== '' ? created.secret : secret;
			data.serverUrl = connection.serverUrl;
			data.storeId = connection.storeId;
			return true;
		},

		async delete(this: IHookFunctions): Promise<boolean> {
			return await unregister(this, stored(this));
		},
	},
};
