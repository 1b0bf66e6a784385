/**
 * A fake BTCPay Server Greenfield API on loopback, for the trigger's webhook registration, the action node's tests
 * and the end-to-end loop. Built from the Greenfield reference (`BTCPayServer/wwwroot/swagger/v1/
 * swagger.template.{webhooks,invoices,api-keys}.json`) and the controllers behind it.
 *
 *   GET    /api/v1/api-keys/current                                   the key and its permissions (any valid key)
 *   GET    /api/v1/stores/{storeId}/webhooks                          btcpay.store.webhooks.canmodifywebhooks
 *   POST   /api/v1/stores/{storeId}/webhooks
 *   GET|PUT|DELETE /api/v1/stores/{storeId}/webhooks/{webhookId}
 *   GET    /api/v1/stores/{storeId}/webhooks/{webhookId}/deliveries
 *   POST   /api/v1/stores/{storeId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver
 *   POST   /api/v1/stores/{storeId}/invoices                          btcpay.store.cancreateinvoice
 *   GET    /api/v1/stores/{storeId}/invoices                          btcpay.store.canviewinvoices
 *   GET    /api/v1/stores/{storeId}/invoices/{invoiceId}              btcpay.store.canviewinvoices
 *
 * Order of checks: `Authorization: token <key>` (401 `unauthenticated`), the store exists (404 `store-not-found`; a
 * real server may answer 403 for a store the key cannot see), the permission (403 `missing-permission`), then the
 * endpoint's own 404 / 422. `fail()` makes the next matching call answer an error (outages, refused deletes).
 */
import type { IncomingHttpHeaders } from 'node:http';

import { startFakeApiServer, type RecordedRequest } from '../helpers/fakeHttp';
import { apiError, missingPermission, ok, permits, POLICY, unauthenticated, validationError, type Answer } from './api';
import { InvoiceStore } from './invoices';
import { WebhookStore } from './webhooks';

export type { Delivery, Webhook } from './webhooks';
export type { Invoice } from './invoices';

export interface FakeBtcPayOptions {
	/** Known stores. */
	stores: string[];
	/** API key → its permissions (`policy` or `policy:storeId`). */
	apiKeys: Record<string, string[]>;
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
}

export type { RecordedRequest };

export interface FakeBtcPay {
	baseUrl: string;
	requests: RecordedRequest[];
	webhooks: WebhookStore;
	invoices: InvoiceStore;
	/** The next `count` calls of `method` whose path matches `path` answer `answer` (then the normal handler again). */
	fail(method: string, path: RegExp, answer: Answer, count?: number): void;
	close(): Promise<void>;
}

interface Route {
	method: string;
	pattern: RegExp;
	policy: string;
	handle(params: string[], body: Record<string, unknown>, query: URLSearchParams): Answer;
}

export async function startFakeBtcPay(options: FakeBtcPayOptions): Promise<FakeBtcPay> {
	const failures: Array<{ method: string; path: RegExp; answer: Answer; left: number }> = [];
	let baseUrl = '';
	const webhooks = new WebhookStore();
	const invoices = new InvoiceStore(webhooks, () => baseUrl);

	// Store-scoped routes: params[0] is the store id.
	const routes: Route[] = [
		{ method: 'GET', pattern: /^\/api\/v1\/stores\/([^/]+)\/webhooks$/, policy: POLICY.modifyWebhooks, handle: ([s]) => webhooks.list(s) },
		{ method: 'POST', pattern: /^\/api\/v1\/stores\/([^/]+)\/webhooks$/, policy: POLICY.modifyWebhooks, handle: ([s], b) => webhooks.create(s, b) },
		{ method: 'GET', pattern: /^\/api\/v1\/stores\/([^/]+)\/webhooks\/([^/]+)$/, policy: POLICY.modifyWebhooks, handle: ([s, w]) => webhooks.get(s, w) },
		{ method: 'PUT', pattern: /^\/api\/v1\/stores\/([^/]+)\/webhooks\/([^/]+)$/, policy: POLICY.modifyWebhooks, handle: ([s, w], b) => webhooks.update(s, w, b) },
		{ method: 'DELETE', pattern: /^\/api\/v1\/stores\/([^/]+)\/webhooks\/([^/]+)$/, policy: POLICY.modifyWebhooks, handle: ([s, w]) => webhooks.remove(s, w) },
		{ method: 'GET', pattern: /^\/api\/v1\/stores\/([^/]+)\/webhooks\/([^/]+)\/deliveries$/, policy: POLICY.modifyWebhooks, handle: ([s, w]) => webhooks.listDeliveries(s, w) },
		{
			method: 'POST',
			pattern: /^\/api\/v1\/stores\/([^/]+)\/webhooks\/([^/]+)\/deliveries\/([^/]+)\/redeliver$/,
			policy: POLICY.modifyWebhooks,
			handle: ([s, w, d]) => webhooks.redeliverAnswer(s, w, d),
		},
		{ method: 'POST', pattern: /^\/api\/v1\/stores\/([^/]+)\/invoices$/, policy: POLICY.createInvoice, handle: ([s], b) => invoices.create(s, b) },
		{ method: 'GET', pattern: /^\/api\/v1\/stores\/([^/]+)\/invoices$/, policy: POLICY.viewInvoices, handle: ([s], _b, q) => invoices.list(s, q) },
		{ method: 'GET', pattern: /^\/api\/v1\/stores\/([^/]+)\/invoices\/([^/]+)$/, policy: POLICY.viewInvoices, handle: ([s, i]) => invoices.get(s, i) },
	];

	function keyOf(headers: IncomingHttpHeaders): string | undefined {
		const match = /^token\s+(\S+)$/i.exec(String(headers.authorization ?? '').trim());
		return match?.[1];
	}

	function route(method: string, path: string, query: URLSearchParams, headers: IncomingHttpHeaders, raw: Buffer): Answer {
		const failure = failures.find((f) => f.method === method && f.path.test(path) && f.left > 0);
		if (failure) {
			failure.left--;
			return failure.answer;
		}
		const key = keyOf(headers);
		if (key === undefined) return unauthenticated('Authentication is required for accessing this endpoint');
		const permissions = options.apiKeys[key];
		if (!permissions) return unauthenticated('ApiKey authentication failed: Unknown API Key');
		if (method === 'GET' && path === '/api/v1/api-keys/current') return ok({ apiKey: key, label: 'fake', permissions });

		const found = routes.map((r) => ({ r, m: r.pattern.exec(path) })).filter(({ m }) => m !== null);
		const match = found.find(({ r }) => r.method === method);
		if (!match?.m) return found.length > 0 ? { status: 405 } : apiError(404, 'not-found', 'Not found');
		const params = match.m.slice(1).map(decodeURIComponent);
		if (!options.stores.includes(params[0])) return apiError(404, 'store-not-found', 'The store was not found');
		if (!permits(permissions, match.r.policy, params[0])) return missingPermission(match.r.policy);
		let body: Record<string, unknown> = {};
		if (raw.length > 0) {
			try {
				const parsed = JSON.parse(raw.toString('utf8')) as unknown;
				if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
				body = parsed as Record<string, unknown>;
			} catch {
				return validationError([{ path: '', message: 'Invalid JSON' }]);
			}
		}
		return match.r.handle(params, body, query);
	}

	// The shared fake-API HTTP side records every request; BTCPay answers an empty body for a successful DELETE.
	const http = await startFakeApiServer(options.port, (request, raw) => {
		const answer = route(request.method, request.path, new URLSearchParams(request.rawQuery), request.headers, raw);
		return answer.body === undefined
			? { status: answer.status, body: undefined, raw: '', rawType: 'application/json' }
			: { status: answer.status, body: answer.body };
	});
	baseUrl = http.baseUrl;

	return {
		baseUrl,
		requests: http.requests,
		webhooks,
		invoices,
		fail(method, path, answer, count = 1) {
			failures.push({ method, path, answer, left: count });
		},
		close: () => http.close(),
	};
}
