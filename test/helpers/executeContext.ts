/**
 * A small mock of n8n's `IExecuteFunctions` for action nodes: parameters per item, credentials, and an
 * `httpRequestWithAuthentication` that runs the credential type's own `authenticate()` and then sends the request
 * for real (over loopback, to a fake API), the way n8n's request helper does.
 */
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

export interface ExecuteSetup {
	nodeType: string;
	/** Parameters for each input item (one object per item). */
	items: Array<Record<string, unknown>>;
	/** The node's credential (none for key-less APIs such as CryptAPI's: `httpRequest` is used). */
	credentialType?: ICredentialType;
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/**
	 * Like n8n's request helper, the mock honours `options.timeout` (an axios-style ECONNABORTED error); this caps it
	 * so a test of a hung API does not wait the node's real timeout.
	 */
	timeoutCapMs?: number;
}

export interface SentRequest {
	/** With the query string (`qs`) appended, as n8n sends it. */
	url: string;
	/** The options the node passed, after the credential's `authenticate` (e.g. to check `timeout`). */
	options: IHttpRequestOptions;
	headers: Record<string, string>;
	body: string;
	/** The `timeout` option the node asked for (ms), if any. */
	timeout?: number;
}

/** Sends `options` for real (loopback fake APIs), the way n8n's request helper would, and records it in `sent`. */
export async function sendHttpRequest(options: IHttpRequestOptions, sent: SentRequest[], timeoutCapMs?: number) {
	const query = new URLSearchParams(
		Object.entries(options.qs ?? {}).map(([k, v]) => [k, String(v)] as [string, string]),
	).toString();
	const url = `${options.baseURL ?? ''}${options.url}${query ? `?${query}` : ''}`;
	const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k, String(v)]));
	const body =
		options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	sent.push({ url, options, headers, body, timeout: options.timeout });
	const timeout = options.timeout && Math.min(options.timeout, timeoutCapMs ?? options.timeout);
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers,
		body: body === '' ? undefined : body,
		signal: timeout ? AbortSignal.timeout(timeout) : undefined,
	}).catch((error: Error) => {
		if (error.name !== 'TimeoutError') throw error;
		throw Object.assign(new Error(`timeout of ${options.timeout}ms exceeded`), { code: 'ECONNABORTED' });
	});
	const bytes = Buffer.from(await response.arrayBuffer());
	let parsed: unknown = bytes;
	if (options.encoding !== 'arraybuffer') {
		// n8n parses JSON answers unless asked for the raw bytes; text that is not JSON stays text
		parsed = bytes.toString('utf8');
		try {
			parsed = JSON.parse(parsed as string);
		} catch {
			// not JSON: keep the text, as n8n does
		}
	}
	if (!options.ignoreHttpStatusErrors && response.status >= 400) throw new Error(`HTTP ${response.status}`);
	return options.returnFullResponse ? { statusCode: response.status, headers: {}, body: parsed } : parsed;
}

/**
 * A credential's generic `authenticate` headers, as n8n adds them. Only the expression form the package's credentials
 * use is understood (`={{$credentials.<field>}}`, optionally `.trim()`); anything else fails the test loudly.
 */
function withGenericHeaders(
	options: IHttpRequestOptions,
	headers: Record<string, unknown>,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	const resolved = Object.fromEntries(
		Object.entries(headers).map(([name, expression]) => {
			const match = /^=\{\{\s*\$credentials\.(\w+)(\.trim\(\))?\s*\}\}$/.exec(String(expression));
			if (!match) throw new Error(`executeContext: unsupported credential expression ${String(expression)}`);
			const value = String(credentials[match[1]] ?? '');
			return [name, match[2] ? value.trim() : value];
		}),
	);
	return { ...options, headers: { ...options.headers, ...resolved } };
}

export async function runExecute(node: INodeType, setup: ExecuteSetup) {
	const sent: SentRequest[] = [];
	const nodeInfo = { id: 'n1', name: 'Cryptomus', type: setup.nodeType, typeVersion: 1, position: [0, 0], parameters: {} };
	const ctx = {
		getNode: () => nodeInfo,
		getInputData: (): INodeExecutionData[] => setup.items.map(() => ({ json: {} })),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const value = setup.items[itemIndex]?.[name];
			return value === undefined ? fallback : value;
		},
		getCredentials: async () => {
			if (!setup.credentials) throw new Error('this node has no credential');
			return setup.credentials;
		},
		continueOnFail: () => setup.continueOnFail ?? false,
		helpers: {
			async httpRequestWithAuthentication(this: unknown, type: string, options: IHttpRequestOptions) {
				if (!setup.credentialType || !setup.credentials || type !== setup.credentialType.name) {
					throw new Error(`unexpected credential type ${type}`);
				}
				const authenticate = setup.credentialType.authenticate;
				const signed =
					typeof authenticate === 'function'
						? await authenticate(setup.credentials, options)
						: authenticate?.type === 'generic'
							? withGenericHeaders(options, authenticate.properties.headers ?? {}, setup.credentials)
							: options;
				return await sendHttpRequest(signed, sent, setup.timeoutCapMs);
			},
			async httpRequest(options: IHttpRequestOptions) {
				return await sendHttpRequest(options, sent, setup.timeoutCapMs);
			},
			/** As n8n's binary helper does in its default (in-memory) mode: base64 data, MIME type, name, size. */
			async prepareBinaryData(data: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData> {
				return {
					data: data.toString('base64'),
					mimeType: mimeType ?? 'application/octet-stream',
					fileName,
					fileSize: `${data.length} B`,
				};
			},
		},
	} as unknown as IExecuteFunctions;
	if (!node.execute) throw new Error('node has no execute()');
	const output = await node.execute.call(ctx);
	return { output: output as INodeExecutionData[][], sent };
}
