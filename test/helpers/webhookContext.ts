/**
 * Runs a node's `webhook()` and `webhookMethods` inside n8n-core's real `WebhookContext` / `HookContext` (the
 * classes n8n itself uses), over a real `Workflow` from n8n-workflow: parameter defaults, `getNodeParameter`,
 * `getCredentials`, `getNodeWebhookUrl`, `getHeaderData` and `getRequestObject` are n8n's own code. Only the edges
 * are stand-ins: the Express request/response objects, the credentials store and the logger (recorded).
 * The same pattern as n8n's own `testWebhookTriggerNode`, one level more real.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type IHookFunctions,
	type INode,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { sendHttpRequest, type SentRequest } from './executeContext';
import { assertItemsMatchSchema } from './outputSchemas';

export interface MockRequest {
	/** Raw body bytes as n8n keeps them in `req.rawBody` (string → UTF-8). Omit for no body. */
	body?: Buffer | string;
	headers?: Record<string, string | string[]>;
	method?: 'GET' | 'POST';
	/** Path + raw query as the request line had it, e.g. `/webhook/abc/webhook?x=1`. */
	url?: string;
	remoteAddress?: string;
	/** When true, `rawBody` is absent until `readRawBody()` is awaited (as for some content types in n8n). */
	lazyRawBody?: boolean;
	/** When true, reading `req.socket` throws (to test that `webhook()` never throws). */
	brokenSocket?: boolean;
	/**
	 * `readRawBody()` rejects with this (implies `lazyRawBody`), as n8n's does for a body over its payload limit
	 * (raw-body's PayloadTooLargeError, status 413) or a stream n8n's multipart parser already consumed.
	 */
	unreadableBody?: Error;
}

export interface MockSetup {
	nodeType: string;
	/** The node's version in the workflow (default 1). */
	typeVersion?: number;
	parameters: Record<string, unknown>;
	/** The credential data, keyed by credential type; an Error makes `getCredentials` throw it. */
	credentials?: Record<string, ICredentialDataDecryptedObject | Error>;
	/** The node's production webhook URL (`getNodeWebhookUrl('default')`). */
	webhookUrl?: string;
	request?: MockRequest;
	/**
	 * A request on the node's test URL (`/webhook-test/…`, the editor's "Listen for test event"): mode `manual`.
	 * `'n8n2'` as n8n ≥ 2 runs it (`getWebhookResourceUrl` names the test URL); `'n8n1'` as 1.x does (no such method).
	 */
	testWebhook?: 'n8n1' | 'n8n2';
	/** A real Express-like request/response pair instead of the recorded stand-ins (for answers written later). */
	http?: { req: unknown; res: unknown };
	/**
	 * The workflow's static data, shared by every context built with it (what n8n keeps in its database between
	 * activation and the webhook calls): pass the same object to a series of runs.
	 */
	staticData?: IDataObject;
	/**
	 * Credential types whose `authenticate()` `helpers.httpRequestWithAuthentication` applies before it sends the
	 * request for real (to a loopback fake API), recording it in `sent` (hooks only).
	 */
	credentialTypes?: ICredentialType[];
	sent?: SentRequest[];
}

export interface RecordedResponse {
	status?: number;
	headers: Record<string, string>;
	body?: string;
	ended: boolean;
}

export interface LogLine {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: unknown;
}

const DEFAULT_WEBHOOK_URL = 'https://n8n.example.com/webhook/test-webhook-id/webhook';

function build(node: INodeType, setup: MockSetup) {
	const response: RecordedResponse = { headers: {}, ended: false };
	const logs: LogLine[] = [];
	const request = setup.request ?? {};
	const rawBytes =
		request.body === undefined
			? Buffer.alloc(0)
			: Buffer.isBuffer(request.body)
				? request.body
				: Buffer.from(request.body, 'utf8');
	const headers: Record<string, string | string[]> = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
	const url = request.url ?? `/${setup.testWebhook ? 'webhook-test' : 'webhook'}/test-webhook-id/webhook`;
	const queryString = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
	const method = request.method ?? 'POST';

	const req = {
		method,
		url,
		originalUrl: url,
		headers,
		body: {},
		params: {},
		query: Object.fromEntries(new URLSearchParams(queryString)),
		get socket(): { remoteAddress: string } {
			if (request.brokenSocket) throw new Error('socket unavailable');
			return { remoteAddress: request.remoteAddress ?? '127.0.0.1' };
		},
		rawBody: request.lazyRawBody || request.unreadableBody ? undefined : rawBytes,
		async readRawBody() {
			if (request.unreadableBody) throw request.unreadableBody;
			req.rawBody = rawBytes;
		},
	};

	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return res;
		},
		send(body: string) {
			response.body = body;
			response.ended = true;
			return res;
		},
		end(body?: string) {
			if (body !== undefined) response.body = body;
			response.ended = true;
			return res;
		},
		get headersSent() {
			return response.ended;
		},
	};

	// "<base>/<webhookId>/<path>" → n8n computes the same URL from webhookBaseUrl + node.webhookId + path
	const match = /^(.*)\/([^/]+)\/([^/]+)$/.exec(setup.webhookUrl ?? DEFAULT_WEBHOOK_URL);
	if (!match) throw new Error(`unsupported webhookUrl ${setup.webhookUrl}`);
	const [, webhookBaseUrl, webhookId] = match;

	const credentialTypes = Object.keys(setup.credentials ?? {});
	const declared = (node.description.credentials ?? []).map((c) => c.name);
	const workflowNode: INode = {
		id: 'node-1',
		name: 'Trigger',
		type: setup.nodeType,
		typeVersion: setup.typeVersion ?? 1,
		position: [0, 0],
		webhookId,
		parameters: setup.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			[...new Set([...credentialTypes, ...declared])].map((type) => [type, { id: `cred-${type}`, name: type }]),
		),
	};
	const nodeTypes = {
		getByName: () => node,
		getByNameAndVersion: () => node,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'workflow-1',
		name: 'Test',
		nodes: [workflowNode],
		connections: {},
		active: true,
		nodeTypes,
		staticData: setup.staticData,
	});
	const additionalData = {
		httpRequest: setup.http?.req ?? req,
		httpResponse: setup.http?.res ?? res,
		webhookBaseUrl,
		webhookTestBaseUrl: webhookBaseUrl.replace(/\/webhook$/, '/webhook-test'),
		credentialsHelper: {
			isCredentialUsableByNode: () => true,
			getDecrypted: async (_additionalData: unknown, _nodeCredentials: unknown, type: string) => {
				const credential = setup.credentials?.[type];
				if (credential === undefined) throw new Error(`Node does not have any credentials set for "${type}"`);
				if (credential instanceof Error) throw credential;
				return credential;
			},
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const log = (level: LogLine['level']) => (message: string, meta?: unknown) => logs.push({ level, message, meta });
	const logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
	const recordLogs = <T extends object>(ctx: T): T => Object.defineProperty(ctx, 'logger', { value: logger });

	const startNode = workflow.getNode('Trigger') as INode;
	const description =
		(node.description.webhooks ?? []).find((w) => w.httpMethod === method) ?? node.description.webhooks?.[0];
	const webhookData = {
		httpMethod: method,
		node: startNode.name,
		path: `${webhookId}/${String(description?.path ?? '')}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: setup.testWebhook !== undefined,
	} as unknown as IWebhookData;

	const mode = setup.testWebhook ? 'manual' : 'webhook';
	const asN8n1 = <T extends object>(ctx: T): T =>
		setup.testWebhook === 'n8n1' ? Object.defineProperty(ctx, 'getWebhookResourceUrl', { value: undefined }) : ctx;
	const webhook = () =>
		asN8n1(
			recordLogs(new WebhookContext(workflow, startNode, additionalData, mode, webhookData, [], null)),
		) as unknown as IWebhookFunctions;
	const hook = () => {
		const ctx = recordLogs(new HookContext(workflow, startNode, additionalData, 'trigger', 'activate', webhookData)) as unknown as IHookFunctions;
		ctx.helpers.httpRequestWithAuthentication = async function (type: string, options: IHttpRequestOptions) {
			const credentialType = setup.credentialTypes?.find((c) => c.name === type);
			const data = setup.credentials?.[type];
			if (!credentialType || data === undefined || data instanceof Error) throw new Error(`no credential type or data for ${type}`);
			const authenticate = credentialType.authenticate;
			const signed = typeof authenticate === 'function' ? await authenticate(data, options) : options;
			return await sendHttpRequest(signed, setup.sent ?? []);
		};
		return ctx;
	};

	return { webhook, hook, response, logs };
}

export interface WebhookRun {
	result: IWebhookResponseData;
	response: RecordedResponse;
	logs: LogLine[];
	/** The items the workflow would start with (empty when no workflow starts). */
	items: Array<Record<string, unknown>>;
}

/** n8n-core's real `WebhookContext` for `node`, with the recorded logs (and responses, unless `setup.http`). */
export function webhookContext(node: INodeType, setup: MockSetup) {
	const { webhook, response, logs } = build(node, setup);
	return { context: webhook(), response, logs };
}

/**
 * Calls `node.webhook()` with a mocked request and returns what n8n would see. Every item is checked against the
 * node's shipped output schema for `setup.typeVersion` (./outputSchemas.ts): a mismatch fails the calling test.
 */
export async function runWebhook(node: INodeType, setup: MockSetup): Promise<WebhookRun> {
	const { webhook, response, logs } = build(node, setup);
	if (!node.webhook) throw new Error('node has no webhook()');
	const result = await node.webhook.call(webhook());
	const items = (result.workflowData ?? []).flat().map((item) => item.json as Record<string, unknown>);
	assertItemsMatchSchema(node, setup.typeVersion ?? 1, items);
	return { result, response, logs, items };
}

/** Calls `webhookMethods.default.create()` the way n8n does on activation. */
export async function runActivation(node: INodeType, setup: MockSetup): Promise<boolean> {
	const { hook } = build(node, setup);
	const create = node.webhookMethods?.default?.create;
	if (!create) throw new Error('node has no webhookMethods.default.create');
	return await create.call(hook());
}

export interface HookRun {
	result: boolean;
	logs: LogLine[];
}

/** Calls one of `webhookMethods.default` (`checkExists`, `create`, `delete`) the way n8n does. */
export async function runHook(node: INodeType, setup: MockSetup, method: 'checkExists' | 'create' | 'delete'): Promise<HookRun> {
	const { hook, logs } = build(node, setup);
	const fn = node.webhookMethods?.default?.[method];
	if (!fn) throw new Error(`node has no webhookMethods.default.${method}`);
	return { result: await fn.call(hook()), logs };
}
