/**
 * The user-validation trigger through `webhook()` on a real HTTP connection. After `webhook()` returns, the test
 * does what n8n does in "respond when the last node finishes" mode (webhook-helpers.js, 2.41.1 and 1.123.81):
 * nothing if the node answered itself (`noWebhookResponse`), otherwise run the workflow and write the last node's
 * first item with 200, or `{"message":"Error in workflow"}` with 500.
 */
import type { IDataObject, INodeCredentialTestResult, IWebhookResponseData } from 'n8n-workflow';

import { KoyweUserValidationTrigger } from '../../../nodes/KoyweUserValidation/KoyweUserValidationTrigger.node';
import { runActivation, webhookContext, type LogLine, type MockSetup } from '../../helpers/webhookContext';
import { post, serve, type Served } from './expressLike';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrb3l3ZSJ9.c2lnbmF0dXJl';
const AUTH = { authorization: `Bearer ${JWT}` };
const node = new KoyweUserValidationTrigger();

/** The user's workflow: gets the trigger's items, returns the last node's items or throws. */
type Workflow = (items: IDataObject[]) => Promise<IDataObject[]>;

interface Scenario {
	parameters?: Record<string, unknown>;
	credentials?: Record<string, Record<string, string>>;
	workflow: Workflow;
}

let scenario: Scenario;
let served: Served;
const seen: { items: IDataObject[][]; logs: LogLine[]; results: IWebhookResponseData[] } = { items: [], logs: [], results: [] };

async function actLikeN8nLastNode(res: { status(code: number): { json(body: unknown): unknown } }, result: IWebhookResponseData) {
	if (result.noWebhookResponse === true) return;
	const items = (result.workflowData ?? []).flat().map((item) => item.json);
	seen.items.push(items);
	let lastNodeItems: IDataObject[];
	try {
		lastNodeItems = await scenario.workflow(items);
	} catch {
		res.status(500).json({ message: 'Error in workflow' });
		return;
	}
	if (lastNodeItems.length === 0) {
		res.status(500).json({ code: 0, message: 'No item to return was found' });
		return;
	}
	res.status(200).json(lastNodeItems[0]);
}

beforeAll(async () => {
	served = await serve(async (req, res) => {
		const { context, logs } = webhookContext(node, {
			nodeType: 'n8n-nodes-crypto-webhooks.koyweUserValidationTrigger',
			parameters: { decisionField: 'allowed', options: { decisionTimeoutSeconds: 0.5 }, ...scenario.parameters },
			credentials: scenario.credentials ?? { koyweUserValidationApi: { authentication: 'bearer', bearerToken: JWT } },
			http: { req, res },
		});
		seen.logs = logs;
		const result = await node.webhook.call(context);
		seen.results.push(result);
		await actLikeN8nLastNode(res, result);
	});
});
afterAll(async () => await served.close());
beforeEach(() => {
	seen.items = [];
	seen.results = [];
});

const ask = async (s: Scenario, body = '{"email":"ana@example.com"}', headers: Record<string, string> = AUTH) => {
	scenario = s;
	return await post(served.url, body, headers);
};
const decide = (allowed: IDataObject[string]): Workflow => async (items) => items.map((item) => ({ ...item, allowed }));

describe('KoyweUserValidationTrigger.webhook()', () => {
	it('answers true when the workflow allows, and starts it with {email}', async () => {
		const answer = await ask({ workflow: decide(true) });
		expect(answer).toMatchObject({ status: 200, text: 'true' });
		expect(answer.contentType).toMatch(/^application\/json/);
		expect(seen.items).toEqual([[{ email: 'ana@example.com' }]]);
		expect(seen.results[0].noWebhookResponse).toBeUndefined();
	});

	it('answers false when the workflow denies', async () => {
		expect(await ask({ workflow: decide(false) })).toMatchObject({ status: 200, text: 'false' });
	});

	it('looks the email up (a worked example) and answers per user', async () => {
		const allowList = new Set(['ana@example.com', 'josé@ejemplo.cl']);
		const lookup: Workflow = async (items) => items.map((item) => ({ allowed: allowList.has(String(item.email)) }));
		expect((await ask({ workflow: lookup }, '{"email":"jos\\u00e9@ejemplo.cl"}')).text).toBe('true');
		expect((await ask({ workflow: lookup }, '{"email":"eve@example.com"}')).text).toBe('false');
	});

	it.each<[string, Workflow]>([
		['the workflow throws', async () => { throw new Error('CRM down'); }],
		['the field is missing', async (items) => items],
		['the field is the string "true"', decide('true')],
		['the field is 1', decide(1)],
		['the last node returns no item', async () => []],
	])('fails closed (false) when %s', async (_name, workflow) => {
		expect(await ask({ workflow })).toMatchObject({ status: 200, text: 'false' });
		expect(seen.items).toHaveLength(1);
	});

	it('fails closed when the workflow is slower than the decision timeout, and logs why', async () => {
		const started = Date.now();
		const slow: Workflow = async (items) => await new Promise((resolve) => setTimeout(() => resolve(items.map((i) => ({ ...i, allowed: true }))), 1500));
		const answer = await ask({ workflow: slow, parameters: { options: { decisionTimeoutSeconds: 0.3 } } });
		expect(answer).toMatchObject({ status: 200, text: 'false' });
		expect(Date.now() - started).toBeLessThan(1400);
		expect(JSON.stringify(seen.logs)).toContain('timeout');
		await new Promise((resolve) => setTimeout(resolve, 1300));
	});

	it('reads a custom decision field', async () => {
		const workflow: Workflow = async () => [{ canOperate: true, allowed: false }];
		expect((await ask({ workflow, parameters: { decisionField: 'canOperate' } })).text).toBe('true');
	});

	it.each([
		['a wrong token', { authorization: `Bearer ${JWT}x` }],
		['no Authorization header', {}],
		['the token without "Bearer"', { authorization: JWT }],
	])('answers 401 and starts nothing for %s', async (_name, headers) => {
		const answer = await ask({ workflow: decide(true) }, '{"email":"ana@example.com"}', headers);
		expect(answer).toMatchObject({ status: 401, text: 'Unauthorized' });
		expect(seen.items).toHaveLength(0);
		expect(JSON.stringify(seen.logs)).not.toContain(JWT);
	});

	it('authenticates with a custom header when configured so', async () => {
		const credentials = { koyweUserValidationApi: { authentication: 'header', headerName: 'X-Koywe-Token', headerSecret: 'v4lue' } };
		expect((await ask({ workflow: decide(true), credentials }, undefined, { 'x-koywe-token': 'v4lue' })).text).toBe('true');
		expect((await ask({ workflow: decide(true), credentials }, undefined, { 'x-koywe-token': 'v4lux' })).status).toBe(401);
		expect((await ask({ workflow: decide(true), credentials }, undefined, AUTH)).status).toBe(401);
	});

	it('answers 401 with a missing or empty credential', async () => {
		expect((await ask({ workflow: decide(true), credentials: {} })).status).toBe(401);
		const empty = { koyweUserValidationApi: { authentication: 'bearer', bearerToken: ' ' } };
		expect((await ask({ workflow: decide(true), credentials: empty })).status).toBe(401);
		expect(seen.items).toHaveLength(0);
	});

	it('answers 400 for a body without an email', async () => {
		const answer = await ask({ workflow: decide(true) }, '{"mail":"ana@example.com"}');
		expect(answer.status).toBe(400);
		expect(seen.items).toHaveLength(0);
	});
});

describe('KoyweUserValidationTrigger configuration', () => {
	const setup = (credentials: MockSetup['credentials'], parameters: Record<string, unknown> = {}): MockSetup => ({
		nodeType: 'n8n-nodes-crypto-webhooks.koyweUserValidationTrigger',
		parameters: { decisionField: 'allowed', options: {}, ...parameters },
		credentials,
	});
	const good = { koyweUserValidationApi: { authentication: 'bearer', bearerToken: JWT } };

	it('refuses to activate with an unusable credential, an empty decision field or a bad allowlist', async () => {
		await expect(runActivation(node, setup(good))).resolves.toBe(true);
		await expect(runActivation(node, setup({ koyweUserValidationApi: { authentication: 'bearer', bearerToken: '' } }))).rejects.toThrow(/bearer token is empty/);
		await expect(
			runActivation(node, setup({ koyweUserValidationApi: { authentication: 'header', headerName: 'X Bad', headerSecret: 'v' } })),
		).rejects.toThrow(/header name/);
		await expect(runActivation(node, setup(good, { decisionField: ' ' }))).rejects.toThrow(/Decision Field/);
		await expect(runActivation(node, setup(good, { options: { ipAllowlist: '10.0.0.0/33' } }))).rejects.toThrow();
	});

	it('has an honest credential test', async () => {
		const test = node.methods.credentialTest.koyweUserValidationApiTest;
		const run = async (data: Record<string, string>): Promise<INodeCredentialTestResult> =>
			await test.call({} as never, { id: '1', name: 'Koywe', type: 'koyweUserValidationApi', data });
		await expect(run({ authentication: 'bearer', bearerToken: '' })).resolves.toMatchObject({ status: 'Error' });
		await expect(run({ authentication: 'header', headerName: 'X-Token', headerSecret: 'v' })).resolves.toMatchObject({ status: 'OK' });
	});
});
