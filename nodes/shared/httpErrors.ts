/**
 * What the action nodes' transports share about a provider API call that failed before or outside its JSON answer.
 * Pure: no imports.
 */

/**
 * axios (n8n's request helper) reports a timeout as ECONNABORTED / ETIMEDOUT, sometimes wrapped in `cause`; n8n 1.x
 * hands it over as a NodeApiError reading "The connection was aborted, perhaps the server is offline".
 */
export function isTimeout(error: unknown): boolean {
	const e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
	if (!e || typeof e !== 'object') return false;
	if (e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' || /\btimeout\b|timed out|connection was aborted/i.test(String(e.message ?? ''))) return true;
	return e.cause !== undefined && e.cause !== error && isTimeout(e.cause);
}

/** The network error code of a failed request (`ECONNREFUSED`, `ENOTFOUND`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' && code !== '' ? code : undefined;
}

/** An answer body as JSON: n8n hands over parsed JSON, or the text when it could not parse it. */
export function jsonBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return undefined;
	}
}
