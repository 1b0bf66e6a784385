/**
 * Which relative URL Crypto2B signed: path + raw query of the public URL it called. The path comes from the node's
 * own webhook URL (n8n's `WEBHOOK_URL` + `/webhook/<id>/webhook`, so a path prefix behind a proxy is included), or
 * from the user's override; the query string is the request's, byte for byte.
 *
 * Pure: no n8n imports.
 */
import { calledUrl, relativeUrlOf } from '../shared/publicUrl';

/** `true` for an override the trigger can use: an absolute http(s) URL or a path starting with `/`. */
export function isUsableUrlOverride(override: string): boolean {
	const text = override.trim();
	return text === '' || text.startsWith('/') || /^https?:\/\/[^/?#\s]+/i.test(text);
}

/**
 * The relative URL to verify.
 * - `override` (absolute URL or path): used as the URL Crypto2B called; its own query string wins when it has one,
 *   otherwise the request's raw query is appended.
 * - else `webhookUrl` (the node's public URL) + the request's raw query.
 * - else (no URL known) the request line itself.
 */
export function crypto2bRelativeUrl(requestLine: string, webhookUrl: string | undefined, override = ''): string {
	return relativeUrlOf(calledUrl(requestLine, webhookUrl || undefined, override) ?? requestLine);
}
