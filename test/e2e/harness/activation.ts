/**
 * Activating and deactivating a workflow from a scenario, the way the editor does it: n8n's REST API as the owner
 * (session cookie `run.cookie`). For workflows a setup declares with `workflow(ctx, { active: false })`, which
 * scripts/e2e.mjs imports but leaves off — typically because their triggers register something at a provider's API
 * when activated, and the scenario first starts the fake that stands in for it.
 *
 *   GET  /rest/workflows/<id>                     → data.versionId (the saved version)
 *   POST /rest/workflows/<id>/activate            {"versionId": …}   (2.x: "publish" that version; 1.123.x: the same
 *                                                                     route, versionId required)
 *   POST /rest/workflows/<id>/deactivate          {}
 *   GET  /rest/workflows/<id>/publication-status  2.x only: {status: in_progress | published | partial | failed |
 *                                                 not_published, triggers: [{nodeId, status, errorMessage}]}
 *
 * n8n runs the triggers' `webhookMethods` for these (`checkExists` → `create` on activation, `delete` on
 * deactivation), on the main process also in queue mode. How the answer relates to that differs:
 * - 1.x runs them inside the request: a throwing `create` makes activation answer 400 with the node's message and
 *   the workflow stays inactive.
 * - 2.x (workflow publication service, on by default in 2.41.1) only records the (un)publication in an outbox and
 *   answers 200; a consumer on the leader then runs the triggers' methods — a failing one up to 5 times with back-off
 *   (1, 2, 4, 8 s) — and records each trigger's outcome, which `publication-status` reports. So these helpers poll
 *   it until the work is done, and report a trigger's failure as a refused activation.
 * n8n registers a production webhook's path before it runs `create`, so a URL that answers is not yet proof of a
 * finished activation: wait for these helpers, then `waitForWebhook` for every process that serves it (n8n itself,
 * or each queue-mode webhook processor).
 *
 *   const r = await activateWorkflow(run, 'e2eBtcPayAutoWf1');   // { ok: true } or { ok: false, status, message }
 *   await waitForWebhook(run, run.lane('btcpay.auto'), true);
 */
import type { E2eRun, Json, Lane } from './index';

export type ActivationResult = { ok: true } | { ok: false; status: number; message: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function rest(run: E2eRun, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
	const res = await fetch(new URL(`rest/${path}`, run.baseUrl), {
		method,
		headers: { cookie: run.cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(60_000),
	});
	const text = await res.text();
	let json: Json = {};
	try {
		json = text === '' ? {} : (JSON.parse(text) as Json);
	} catch {
		json = { message: text.slice(0, 300) };
	}
	return { status: res.status, json };
}

const messageOf = (json: Json): string => String((json as { message?: unknown }).message ?? JSON.stringify(json).slice(0, 300));

interface PublicationStatus {
	status: 'in_progress' | 'published' | 'partial' | 'failed' | 'not_published';
	triggers?: Array<{ nodeId?: string; status?: string; errorMessage?: string | null }>;
}

/**
 * 2.x: waits until n8n has finished (un)publishing the workflow and returns its publication status; `undefined` on
 * n8n 1.x, which has no such route (its activation is done when the request answers).
 */
async function settledPublication(run: E2eRun, workflowId: string, want: 'published' | 'not_published', timeoutMs = 90_000): Promise<PublicationStatus | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const answer = await rest(run, 'GET', `workflows/${workflowId}/publication-status`);
		if (answer.status === 404) return undefined;
		if (answer.status !== 200) throw new Error(`GET /rest/workflows/${workflowId}/publication-status answered ${answer.status}: ${messageOf(answer.json)}`);
		const status = ((answer.json as { data?: PublicationStatus }).data ?? answer.json) as PublicationStatus;
		const done = status.status !== 'in_progress' && (want === 'not_published' ? status.status === 'not_published' : status.status !== 'not_published');
		if (done) return status;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: publication still ${status.status} after ${timeoutMs / 1000} s`);
		await sleep(250);
	}
}

/** Activates (2.x: publishes) the workflow's saved version. Never throws for a refused activation: it returns it. */
export async function activateWorkflow(run: E2eRun, workflowId: string): Promise<ActivationResult> {
	const current = await rest(run, 'GET', `workflows/${workflowId}`);
	if (current.status !== 200) throw new Error(`GET /rest/workflows/${workflowId} answered ${current.status}: ${messageOf(current.json)}`);
	const versionId = (current.json as { data?: { versionId?: unknown } }).data?.versionId;
	if (typeof versionId !== 'string') throw new Error(`workflow ${workflowId} has no versionId`);
	const answer = await rest(run, 'POST', `workflows/${workflowId}/activate`, { versionId });
	if (answer.status !== 200) return { ok: false, status: answer.status, message: messageOf(answer.json) };
	const publication = await settledPublication(run, workflowId, 'published');
	if (!publication || publication.status === 'published') return { ok: true };
	const errors = (publication.triggers ?? []).map((t) => t.errorMessage).filter((m): m is string => typeof m === 'string' && m !== '');
	return { ok: false, status: answer.status, message: `publication ${publication.status}: ${errors.join('; ')}` };
}

/** Deactivates (2.x: unpublishes) the workflow and waits until its triggers are taken down. */
export async function deactivateWorkflow(run: E2eRun, workflowId: string): Promise<ActivationResult> {
	const answer = await rest(run, 'POST', `workflows/${workflowId}/deactivate`, {});
	if (answer.status !== 200) return { ok: false, status: answer.status, message: messageOf(answer.json) };
	await settledPublication(run, workflowId, 'not_published');
	return { ok: true };
}

/** Where production webhooks are served: n8n, or in queue mode each webhook processor. */
function webhookOrigins(run: E2eRun): string[] {
	const processors = run.queue?.processes.filter((p) => p.role === 'webhook').map((p) => p.url) ?? [];
	return processors.length > 0 ? processors : [run.baseUrl];
}

/**
 * Waits until the lane's production webhook is registered (`true`) or gone (`false`) at every origin, asking with
 * a method no lane uses (PATCH): n8n answers 404 "… not registered for PATCH" for a path it serves with another
 * method, and a plain 404 for one it does not know.
 */
export async function waitForWebhook(run: E2eRun, lane: Lane, registered: boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (const origin of webhookOrigins(run)) {
		const url = origin + new URL(lane.url).pathname.slice(1);
		for (;;) {
			const res = await fetch(url, { method: 'PATCH', signal: AbortSignal.timeout(5_000) });
			const text = await res.text();
			const isRegistered = res.status !== 404 || text.includes('not registered for PATCH');
			if (isRegistered === registered) break;
			if (Date.now() > deadline) throw new Error(`lane ${lane.key}: webhook still ${registered ? 'unregistered' : 'registered'} at ${url} after ${timeoutMs / 1000} s`);
			await sleep(250);
		}
	}
}
