/**
 * The webhook the BTCPay Server Trigger registers for itself (Greenfield `POST /api/v1/stores/{storeId}/webhooks`,
 * schema `WebhookDataCreate`: `enabled`, `automaticRedelivery`, `url`, `authorizedEvents {everything,
 * specificEvents}`, `secret`), and whether a registered one (`WebhookData`, answered without its secret) still is it.
 * Pure: imports only the event list.
 */
import { EVERY_EVENT } from './events';

export interface AuthorizedEvents {
	everything: boolean;
	specificEvents: string[];
}

export interface WebhookSpec {
	enabled: true;
	/** BTCPay retries a failed delivery after 10 s, 1 min and 6 × 10 min (`WebhookSender.cs`). */
	automaticRedelivery: true;
	url: string;
	authorizedEvents: AuthorizedEvents;
}

/** The node's "Events" selection as BTCPay's `authorizedEvents`: everything, or the types sorted and unique. */
export function authorizedEventsOf(selection: readonly string[]): AuthorizedEvents {
	if (selection.includes(EVERY_EVENT)) return { everything: true, specificEvents: [] };
	return { everything: false, specificEvents: [...new Set(selection)].sort() };
}

export function webhookSpec(url: string, selection: readonly string[]): WebhookSpec {
	return { enabled: true, automaticRedelivery: true, url, authorizedEvents: authorizedEventsOf(selection) };
}

/** The request body that creates `spec` with `secret` (the exact JSON text sent). */
export function createWebhookBody(spec: WebhookSpec, secret: string): string {
	return JSON.stringify({ ...spec, secret });
}

const sortedTexts = (value: unknown): string[] | undefined =>
	Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...new Set(value as string[])].sort() : undefined;

/**
 * Why a registered webhook (as `GET …/webhooks/{id}` answers it) is not the one this node needs, or `undefined` when
 * it is: `url` (points elsewhere), `disabled` (switched off in BTCPay), `events` (other authorized events).
 */
export function webhookDifference(registered: unknown, spec: WebhookSpec): 'url' | 'disabled' | 'events' | 'unreadable' | undefined {
	if (registered === null || typeof registered !== 'object') return 'unreadable';
	const r = registered as { url?: unknown; enabled?: unknown; authorizedEvents?: { everything?: unknown; specificEvents?: unknown } };
	if (r.url !== spec.url) return 'url';
	if (r.enabled === false) return 'disabled';
	const everything = r.authorizedEvents?.everything !== false;
	if (everything !== spec.authorizedEvents.everything) return 'events';
	if (!everything) {
		const events = sortedTexts(r.authorizedEvents?.specificEvents);
		if (!events || events.join('\n') !== spec.authorizedEvents.specificEvents.join('\n')) return 'events';
	}
	return undefined;
}

/** The ids of registered webhooks (a `GET …/webhooks` answer) that point at `url`. */
export function webhooksAt(list: unknown, url: string): string[] {
	if (!Array.isArray(list)) return [];
	return list
		.filter((w): w is { id: string; url: string } => w !== null && typeof w === 'object' && typeof w.id === 'string' && w.url === url)
		.map((w) => w.id);
}
