/**
 * The editor's "Listen for test event" / "Test this trigger", through the REST calls the editor itself makes, as the
 * owner (session cookie from scripts/e2e.mjs):
 *
 *   n8n 2.x   POST /rest/workflows/<id>/run  {"triggerToStartFrom": {"name": <node>}}   (the saved workflow runs)
 *   n8n 1.x   POST /rest/workflows/<id>/run  {"workflowData": <GET /rest/workflows/<id>>, "triggerToStartFrom": …}
 *   both      → {"data": {"waitingForWebhook": true}}: n8n has registered the node's test URL
 *             `<base>/webhook-test/<webhookId>/<path>` for one request (120 s), then forgets it
 *             DELETE /rest/test-webhook/<id> stops listening (the editor's "Stop listening")
 *
 *   const listener = await listenForTestEvent(run, run.lane('cryptapi.all'));
 *   const answer = await send(listener.testUrl, request);     // sign for listener.testUrl where the URL is signed
 *   const execution = await listener.execution();             // the manual execution it started, or undefined
 *   execution?.item                                           // the trigger's output item (what the editor shows)
 */
import { listExecutions, type ApiExecution, type E2eRun, type Json, type Lane } from './index';

export interface TestListener {
	/** The lane's test URL, registered now. */
	testUrl: string;
	/**
	 * Waits for the manual execution the test request started (up to `timeoutMs`) and returns it with the trigger's
	 * first output item; `undefined` when none started within `timeoutMs`.
	 */
	execution(timeoutMs?: number): Promise<(ApiExecution & { item: Json | undefined }) | undefined>;
	/** Stops listening (harmless when n8n already unregistered the test URL after its one request). */
	stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function rest(run: E2eRun, method: string, path: string, body?: unknown): Promise<Json> {
	const res = await fetch(new URL(`rest/${path}`, run.baseUrl), {
		method,
		headers: { cookie: run.cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(30_000),
	});
	const text = await res.text();
	if (res.status !== 200) throw new Error(`${method} /rest/${path} answered ${res.status}: ${text.slice(0, 300)}`);
	return text === '' ? {} : (JSON.parse(text) as Json);
}

/** The trigger's test URL for a lane whose start node is one of this package's triggers (or a Webhook node). */
export function testUrlOf(run: E2eRun, lane: Lane): string {
	const production = `${run.baseUrl}webhook/`;
	if (!lane.url.startsWith(production)) throw new Error(`lane ${lane.key}: ${lane.url} is not under ${production}`);
	return `${run.baseUrl}webhook-test/${lane.url.slice(production.length)}`;
}

/** Presses "Listen for test event" on the lane's start node; resolves once n8n listens on the test URL. */
export async function listenForTestEvent(run: E2eRun, lane: Lane): Promise<TestListener> {
	const before = new Set((await listExecutions(run, lane)).map((e) => e.id));
	const triggerToStartFrom = { name: lane.startNode };
	const body = run.version.startsWith('1.')
		? { workflowData: (await rest(run, 'GET', `workflows/${lane.workflowId}`)).data, triggerToStartFrom }
		: { triggerToStartFrom };
	const answer = await rest(run, 'POST', `workflows/${lane.workflowId}/run`, body);
	if ((answer.data as Json | undefined)?.waitingForWebhook !== true) {
		throw new Error(`n8n did not start listening for a test event: ${JSON.stringify(answer).slice(0, 300)}`);
	}

	return {
		testUrl: testUrlOf(run, lane),
		async execution(timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = (await listExecutions(run, lane)).find((e) => !before.has(e.id) && e.mode === 'manual');
				if (found) {
					const output = found.data?.resultData?.runData?.[lane.startNode]?.[0]?.data?.main?.[0];
					return { ...found, item: output?.[0]?.json };
				}
				if (Date.now() >= deadline) return undefined;
				await sleep(250);
			}
		},
		async stop() {
			await rest(run, 'DELETE', `test-webhook/${lane.workflowId}`);
		},
	};
}
