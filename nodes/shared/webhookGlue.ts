/**
 * The n8n glue every trigger repeats, in one place: read the raw bytes, answer 400/401/403 properly
 * (`res.status().send()` + `noWebhookResponse`, never `webhookResponse: {status}`, which is an HTTP 200), log a
 * reason without secrets or payloads, check the optional IP allowlist, and emit the normalized item.
 *
 * Every answer is written here, so n8n never falls back to its own body (`firstEntryJson`, "Workflow was started").
 */
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { clientIp, isIpAllowed, parseIpAllowlist, type IpRange } from './ipAllowlist';
import { testUrlOf } from './publicUrl';
import { readCommonOptions, type CommonTriggerOptions } from './triggerOptions';
import type { NormalizedFields, RejectReason } from './types';

/**
 * The one POST endpoint (`…/webhook/<id>/webhook`) a provider calls. `responseData: ''` keeps n8n from answering
 * with its own body (the literal `firstEntryJson`); the glue below writes every answer itself.
 */
export const POST_WEBHOOK: IWebhookDescription[] = [
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
];

export interface Acknowledgement {
	status: number;
	contentType: string;
	body: string;
}

export const JSON_ACK: Acknowledgement = {
	status: 200,
	contentType: 'application/json; charset=utf-8',
	body: '{"received":true}',
};

const GENERIC_BODIES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	413: 'Payload Too Large',
	500: 'Internal Server Error',
};

export type RejectStatus = 400 | 401 | 403 | 413 | 500;

/** Why a request was refused: a verifier's reason code or a glue-level one; logged, never sent. */
export type LoggedReason =
	| RejectReason
	| 'body_unreadable'
	| 'body_too_large'
	| 'bad_body'
	| 'credential_missing'
	| 'configuration_error'
	| 'internal_error';

/** n8n could not hand over the body: over its payload limit (413) or a stream already consumed/aborted (400). */
class BodyUnreadableError extends Error {
	constructor(
		readonly status: 400 | 413,
		readonly reason: 'body_too_large' | 'body_unreadable',
		readonly detail: string,
	) {
		super(reason);
	}
}

/** raw-body's PayloadTooLargeError (N8N_PAYLOAD_SIZE_MAX) carries `status: 413` / `type: 'entity.too.large'`. */
function bodyUnreadable(error: unknown): BodyUnreadableError {
	const e = (error ?? {}) as { name?: unknown; status?: unknown; statusCode?: unknown; type?: unknown };
	const tooLarge = e.status === 413 || e.statusCode === 413 || e.type === 'entity.too.large';
	const name = typeof e.name === 'string' ? e.name : typeof error;
	return tooLarge ? new BodyUnreadableError(413, 'body_too_large', name) : new BodyUnreadableError(400, 'body_unreadable', name);
}

/**
 * The exact bytes of the request body (n8n keeps them as `req.rawBody`; read them if it has not yet). When n8n
 * cannot read them (over its payload limit, a stream its multipart parser consumed) this throws an error that
 * `handleWebhook` answers with 413 / 400 instead of a 500.
 */
export async function readRawBody(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const req = ctx.getRequestObject();
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch (error) {
			throw bodyUnreadable(error);
		}
	}
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

/** The request line's path + raw query as the client sent it (Express keeps it in `originalUrl`). */
export function requestLine(ctx: IWebhookFunctions): string {
	const req = ctx.getRequestObject();
	return req.originalUrl ?? req.url ?? '';
}

/**
 * This node's public URL for the request at hand: the test URL (`…/webhook-test/…`) when the request came in there
 * (the editor's "Listen for test event"), else the production URL. n8n ≥ 2 says so itself; n8n 1.x only tells the
 * production URL, so for a test request (mode `manual`) the test URL is derived from it and the request line.
 */
export function ownWebhookUrl(ctx: IWebhookFunctions): string | undefined {
	if (typeof ctx.getWebhookResourceUrl === 'function') return ctx.getWebhookResourceUrl('default');
	const production = ctx.getNodeWebhookUrl('default');
	if (production === undefined || ctx.getMode() !== 'manual') return production;
	return testUrlOf(production, requestLine(ctx)) ?? production;
}

/** The first value of a request header (lower-case name), or `undefined`. */
export function header(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function send(ctx: IWebhookFunctions, status: number, contentType: string, body: string): void {
	const res = ctx.getResponseObject();
	res.status(status);
	res.setHeader('Content-Type', contentType);
	res.send(body);
}

function logContext(ctx: IWebhookFunctions): IDataObject {
	const node = ctx.getNode();
	return { node: node.name, nodeType: node.type, workflowId: ctx.getWorkflow().id };
}

/** Answers with a generic body, logs the reason (never a secret or the payload) and starts no workflow. */
export function reject(
	ctx: IWebhookFunctions,
	status: RejectStatus,
	reason: LoggedReason,
	detail?: string,
): IWebhookResponseData {
	const message = `Webhook request rejected with HTTP ${status}: ${reason}${detail ? ` (${detail})` : ''}`;
	if (status === 500) ctx.logger.error(message, { ...logContext(ctx), reason });
	else ctx.logger.warn(message, { ...logContext(ctx), reason });
	send(ctx, status, 'text/plain; charset=utf-8', GENERIC_BODIES[status]);
	return { noWebhookResponse: true };
}

/** A valid delivery the user did not select: acknowledged (so the provider stops retrying), no workflow. */
export function acknowledgeOnly(
	ctx: IWebhookFunctions,
	ack: Acknowledgement,
	why: string,
): IWebhookResponseData {
	ctx.logger.debug(`Webhook delivery acknowledged without starting the workflow: ${why}`, logContext(ctx));
	send(ctx, ack.status, ack.contentType, ack.body);
	return { noWebhookResponse: true };
}

export interface EmitOptions {
	/** Keep the provider's parsed body under `payload` (default true). */
	includePayload: boolean;
	/** Provider-specific extra top-level fields (e.g. which key verified the signature). */
	extra?: IDataObject;
	now?: Date;
}

/** Acknowledges the delivery and starts the workflow with exactly one normalized item. */
export function emit(
	ctx: IWebhookFunctions,
	ack: Acknowledgement,
	fields: NormalizedFields,
	options: EmitOptions,
): IWebhookResponseData {
	const { payload, ...top } = fields;
	const json: IDataObject = {
		...top,
		...options.extra,
		receivedAt: (options.now ?? new Date()).toISOString(),
	};
	if (options.includePayload) json.payload = payload as IDataObject;
	const item: INodeExecutionData = { json };
	send(ctx, ack.status, ack.contentType, ack.body);
	return { noWebhookResponse: true, workflowData: [[item]] };
}

const allowlistCache = new Map<string, IpRange[]>();
const ALLOWLIST_CACHE_LIMIT = 100;

/** Parses an allowlist once per distinct text (node parameters rarely change); throws `IpAllowlistError`. */
export function cachedAllowlist(text: string): IpRange[] {
	let ranges = allowlistCache.get(text);
	if (!ranges) {
		ranges = parseIpAllowlist(text);
		if (allowlistCache.size >= ALLOWLIST_CACHE_LIMIT) allowlistCache.clear();
		allowlistCache.set(text, ranges);
	}
	return ranges;
}

/** `true` when no allowlist is set or the client address is in it. */
function ipAllowed(ctx: IWebhookFunctions, allowlistText: string, trustedProxyHops: number): boolean {
	if (allowlistText.trim() === '') return true;
	const req = ctx.getRequestObject();
	const ip = clientIp(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trustedProxyHops);
	return isIpAllowed(ip, cachedAllowlist(allowlistText));
}

/**
 * Runs a trigger's handler so that `webhook()` never throws: a body n8n could not read is answered 413/400, any
 * other unexpected error is logged (name only, no payload) and answered with a generic 500, which makes the
 * provider retry later. No workflow starts.
 */
async function guardWebhook(
	ctx: IWebhookFunctions,
	handler: () => Promise<IWebhookResponseData>,
): Promise<IWebhookResponseData> {
	try {
		return await handler();
	} catch (error) {
		if (error instanceof BodyUnreadableError) return reject(ctx, error.status, error.reason, error.detail);
		const name = error instanceof Error ? error.name : typeof error;
		return reject(ctx, 500, 'internal_error', name);
	}
}

/**
 * The start every trigger's `webhook()` shares: never throw (`guardWebhook`), read the common options, refuse a
 * client outside the optional IP allowlist with 403, then run the provider-specific handler.
 */
export async function handleWebhook(
	ctx: IWebhookFunctions,
	handler: (options: CommonTriggerOptions) => Promise<IWebhookResponseData>,
): Promise<IWebhookResponseData> {
	return await guardWebhook(ctx, async () => {
		const options = readCommonOptions(ctx);
		if (!ipAllowed(ctx, options.ipAllowlist, options.trustedProxyHops)) return reject(ctx, 403, 'ip_not_allowed');
		return await handler(options);
	});
}

/** Reads a trigger's credential; `undefined` when it is missing or cannot be read (the caller answers 401). */
export async function credentialOrUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
	try {
		return await read();
	} catch {
		return undefined;
	}
}
