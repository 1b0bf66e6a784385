/**
 * A small mock of n8n's `IWebhookFunctions` / `IHookFunctions` (the pattern of n8n's own `testWebhookTriggerNode`):
 * it hands the node raw bytes, headers, parameters and credentials, records what the node writes to the response
 * and what it logs, and lets tests call `webhook()` and the `webhookMethods` exactly as n8n does.
 */
import type {
	ICredentialDataDecryptedObject,
	IHookFunctions,
	INodeType,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

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
}

export interface MockSetup {
	nodeType: string;
	parameters: Record<string, unknown>;
	/** The credential data, keyed by credential type; an Error makes `getCredentials` throw it. */
	credentials?: Record<string, ICredentialDataDecryptedObject | Error>;
	/** The node's production webhook URL (`getNodeWebhookUrl('default')`). */
	webhookUrl?: string;
	request?: MockRequest;
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

function getPath(source: Record<string, unknown>, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value !== null && typeof value === 'object' && key in (value as object)) {
			return (value as Record<string, unknown>)[key];
		}
		return undefined;
	}, source);
}

export function mockContexts(setup: MockSetup) {
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
	const url = request.url ?? '/webhook/test-webhook-id/webhook';
	const queryString = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';

	const req = {
		method: request.method ?? 'POST',
		url,
		originalUrl: url,
		headers,
		query: Object.fromEntries(new URLSearchParams(queryString)),
		socket: { remoteAddress: request.remoteAddress ?? '127.0.0.1' },
		rawBody: request.lazyRawBody ? undefined : rawBytes,
		async readRawBody() {
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

	const node = {
		id: 'node-1',
		name: 'Trigger',
		type: setup.nodeType,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: setup.parameters,
	};
	const log = (level: LogLine['level']) => (message: string, meta?: unknown) => logs.push({ level, message, meta });

	const base = {
		getNode: () => node,
		getWorkflow: () => ({ id: 'workflow-1', name: 'Test', active: true }),
		getNodeParameter: (name: string, fallback?: unknown) => {
			const value = getPath(setup.parameters, name);
			return value === undefined ? fallback : value;
		},
		getCredentials: async (type: string) => {
			const credential = setup.credentials?.[type];
			if (credential === undefined) throw new Error(`Node does not have any credentials set for "${type}"`);
			if (credential instanceof Error) throw credential;
			return credential;
		},
		getNodeWebhookUrl: () => setup.webhookUrl ?? 'https://n8n.example.com/webhook/test-webhook-id/webhook',
		getWebhookName: () => 'default',
		getMode: () => 'webhook',
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
	};

	const webhook = {
		...base,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getHeaderData: () => headers,
		getQueryData: () => req.query,
		getBodyData: () => ({}),
		helpers: {},
	} as unknown as IWebhookFunctions;

	const hook = { ...base } as unknown as IHookFunctions;

	return { webhook, hook, response, logs };
}

export interface WebhookRun {
	result: IWebhookResponseData;
	response: RecordedResponse;
	logs: LogLine[];
	/** The items the workflow would start with (empty when no workflow starts). */
	items: Array<Record<string, unknown>>;
}

/** Calls `node.webhook()` with a mocked request and returns what n8n would see. */
export async function runWebhook(node: INodeType, setup: MockSetup): Promise<WebhookRun> {
	const { webhook, response, logs } = mockContexts(setup);
	if (!node.webhook) throw new Error('node has no webhook()');
	const result = await node.webhook.call(webhook);
	const items = (result.workflowData ?? []).flat().map((item) => item.json as Record<string, unknown>);
	return { result, response, logs, items };
}

/** Calls `webhookMethods.default.create()` the way n8n does on activation. */
export async function runActivation(node: INodeType, setup: MockSetup): Promise<boolean> {
	const { hook } = mockContexts(setup);
	const create = node.webhookMethods?.default?.create;
	if (!create) throw new Error('node has no webhookMethods.default.create');
	return await create.call(hook);
}
