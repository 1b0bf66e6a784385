/**
 * Store webhooks and their deliveries, as BTCPay Server keeps and sends them.
 *
 * CRUD (`Plugins/Webhooks/Controllers/GreenfieldStoreWebhooksController.cs`): create answers the webhook with its
 * secret (generated as Base58 of 16 random bytes when none is given, `StoreRepository.CreateWebhook`), every other
 * read leaves the secret out; an unknown webhook is 404 `webhook-not-found`; a URL that is not absolute is 422
 * `[{"path":"Url","message":"Invalid Url"}]`.
 *
 * Deliveries (`WebhookProviderHostedService.cs`, `WebhookSender.cs`): one per webhook whose `authorizedEvents` take the
 * type; body = the event as indented JSON with `deliveryId` = `originalDeliveryId` = a new id, `isRedelivery` false;
 * header `BTCPay-Sig: sha256=<hex HMAC-SHA256 of those bytes with the webhook's secret>`; any 2xx answer counts as
 * delivered. A redelivery gets a new `deliveryId`, keeps `originalDeliveryId` and `timestamp`, and `isRedelivery` true.
 * Deliveries go to loopback URLs only (test/helpers/fakeHttp.ts).
 */
import { signBtcPayDelivery } from '../../nodes/BtcPayServer/signature';
import { deliver, WaitableLog } from '../helpers/fakeHttp';
import { apiError, base58Id, indented, ok, validationError, type Answer } from './api';

export interface Webhook {
	id: string;
	storeId: string;
	url: string;
	enabled: boolean;
	automaticRedelivery: boolean;
	authorizedEvents: { everything: boolean; specificEvents: string[] };
	secret: string;
}

export interface Delivery {
	id: string;
	webhookId: string;
	timestamp: number;
	/** The exact bytes sent (and signed). */
	body: string;
	signature: string;
	/** `HttpSuccess` (2xx), `HttpError` (other status) or `Failed` (no answer). */
	status: 'HttpSuccess' | 'HttpError' | 'Failed';
	httpCode: number | null;
	/** What the receiver answered (text). */
	answer: string;
	errorMessage: string | null;
}

export type EventMembers = Array<[string, unknown]>;

/** The webhook as the API shows it: secret only in the answer to its creation. */
function shown(w: Webhook, withSecret: boolean): Record<string, unknown> {
	const view = { id: w.id, url: w.url, enabled: w.enabled, automaticRedelivery: w.automaticRedelivery, authorizedEvents: w.authorizedEvents };
	return withSecret ? { ...view, secret: w.secret } : view;
}

function readSpec(body: Record<string, unknown>): Omit<Webhook, 'id' | 'storeId' | 'secret'> & { secret?: string } {
	const events = (body.authorizedEvents ?? {}) as { everything?: unknown; specificEvents?: unknown };
	return {
		url: typeof body.url === 'string' ? body.url : '',
		enabled: body.enabled !== false,
		automaticRedelivery: body.automaticRedelivery !== false,
		authorizedEvents: {
			everything: events.everything !== false,
			specificEvents: Array.isArray(events.specificEvents) ? events.specificEvents.map(String) : [],
		},
		secret: typeof body.secret === 'string' && body.secret !== '' ? body.secret : undefined,
	};
}

const absoluteUrl = (url: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/[^\s/]+/i.test(url);

export class WebhookStore {
	readonly webhooks: Webhook[] = [];
	private readonly log = new WaitableLog<Delivery>('fake BTCPay deliveries');

	/** Every delivery sent, oldest first. */
	get deliveries(): Delivery[] {
		return this.log.entries;
	}

	list(storeId: string): Answer {
		return ok(this.webhooks.filter((w) => w.storeId === storeId).map((w) => shown(w, false)));
	}

	find(storeId: string, id: string): Webhook | undefined {
		return this.webhooks.find((w) => w.storeId === storeId && w.id === id);
	}

	get(storeId: string, id: string): Answer {
		const w = this.find(storeId, id);
		return w ? ok(shown(w, false)) : apiError(404, 'webhook-not-found', 'The webhook was not found');
	}

	create(storeId: string, body: Record<string, unknown>): Answer {
		const spec = readSpec(body);
		if (!absoluteUrl(spec.url)) return validationError([{ path: 'Url', message: 'Invalid Url' }]);
		const w: Webhook = { id: base58Id(), storeId, ...spec, secret: spec.secret ?? base58Id() };
		this.webhooks.push(w);
		return ok(shown(w, true));
	}

	update(storeId: string, id: string, body: Record<string, unknown>): Answer {
		const w = this.find(storeId, id);
		if (!w) return apiError(404, 'webhook-not-found', 'The webhook was not found');
		const spec = readSpec(body);
		if (!absoluteUrl(spec.url)) return validationError([{ path: 'Url', message: 'Invalid Url' }]);
		// As BTCPay's ToModel(update): the secret is replaced by what was sent, even by nothing.
		Object.assign(w, spec, { secret: spec.secret ?? '' });
		return ok(shown(w, false));
	}

	remove(storeId: string, id: string): Answer {
		const index = this.webhooks.findIndex((w) => w.storeId === storeId && w.id === id);
		if (index < 0) return apiError(404, 'webhook-not-found', 'The webhook was not found');
		this.webhooks.splice(index, 1);
		return ok();
	}

	listDeliveries(storeId: string, webhookId: string): Answer {
		if (!this.find(storeId, webhookId)) return apiError(404, 'webhook-not-found', 'The webhook was not found');
		const own = this.deliveries.filter((d) => d.webhookId === webhookId).reverse();
		return ok(own.map((d) => ({ id: d.id, timestamp: d.timestamp, deliveryTime: d.timestamp, status: d.status, errorMessage: d.errorMessage, httpCode: d.httpCode })));
	}

	/** `POST …/deliveries/{id}/redeliver`: answers the new delivery's id, sends it after answering. */
	redeliverAnswer(storeId: string, webhookId: string, deliveryId: string): Answer {
		const delivery = this.deliveries.find((d) => d.id === deliveryId && d.webhookId === webhookId);
		if (!this.find(storeId, webhookId) || !delivery) return apiError(404, 'webhookdelivery-not-found', 'The webhook delivery was not found');
		const id = base58Id();
		setImmediate(() => void this.redeliver(deliveryId, id));
		return ok(id);
	}

	/** Sends the event (`members` after the common ones) to every webhook of the store that takes `type`. */
	async emit(storeId: string, type: string, members: EventMembers): Promise<Delivery[]> {
		const targets = this.webhooks.filter(
			(w) => w.storeId === storeId && w.enabled && (w.authorizedEvents.everything || w.authorizedEvents.specificEvents.includes(type)),
		);
		return await Promise.all(
			targets.map(async (w) => {
				const id = base58Id();
				const event = Object.fromEntries<unknown>([
					['deliveryId', id],
					['webhookId', w.id],
					['originalDeliveryId', id],
					['isRedelivery', false],
					['type', type],
					['timestamp', Math.floor(Date.now() / 1000)],
					...members,
				]);
				return await this.send(w, id, event);
			}),
		);
	}

	/** Sends an earlier delivery again as BTCPay's redelivery does (new id, same original id and timestamp). */
	async redeliver(deliveryId: string, newId = base58Id()): Promise<Delivery> {
		const old = this.deliveries.find((d) => d.id === deliveryId);
		if (!old) throw new Error(`fake BTCPay: no delivery ${deliveryId}`);
		const w = this.webhooks.find((x) => x.id === old.webhookId);
		if (!w) throw new Error(`fake BTCPay: webhook ${old.webhookId} is gone`);
		const event = JSON.parse(old.body) as Record<string, unknown>;
		event.deliveryId = newId;
		event.webhookId = w.id;
		event.originalDeliveryId ??= deliveryId;
		event.isRedelivery = true;
		return await this.send(w, newId, event);
	}

	private async send(w: Webhook, id: string, event: Record<string, unknown>): Promise<Delivery> {
		const body = indented(event);
		const signature = signBtcPayDelivery(body, w.secret);
		const result = await deliver(w.url, 'POST', { 'Content-Type': 'application/json', 'BTCPay-Sig': signature }, body);
		const httpCode = typeof result.answer === 'number' ? result.answer : null;
		const status = httpCode === null ? 'Failed' : httpCode >= 200 && httpCode < 300 ? 'HttpSuccess' : 'HttpError';
		const delivery: Delivery = {
			id,
			webhookId: w.id,
			timestamp: event.timestamp as number,
			body,
			signature,
			status,
			httpCode,
			answer: result.answerBody,
			errorMessage: httpCode === null ? String(result.answer) : status === 'HttpError' ? `HTTP Error Code ${httpCode}` : null,
		};
		this.log.push(delivery);
		return delivery;
	}

	/** Resolves when `count` deliveries have been sent in total (answered or failed). */
	waitForDeliveries(count: number, timeoutMs = 20_000): Promise<Delivery[]> {
		return this.log.waitFor(count, timeoutMs);
	}
}
