/**
 * The first hour in the n8n editor, in a real browser (Debian's chromium, playwright-core), against the dev n8n of
 * scripts/ui.mjs: owner account, the node creator for every provider and each of our nodes on a canvas (with
 * every trigger's listening panel), every example workflow and every node panel of ours, Cryptomus "Test this
 * trigger" fed by the Cryptomus node's Test Webhook (through the fake Cryptomus API), and every node's items typed
 * before the first event: one never-run workflow "node → Slack" per node, the fields in Slack's input panel, one
 * dragged into Slack's message text. Screenshots: artifacts/ui/<version>/. Helpers: browser.ts; data: expected.ts.
 */
import { randomUUID } from 'node:crypto';

import { startFakeCryptomus, type FakeCryptomus } from '../fake-cryptomus/server';
import { cryptomusTestCredentials } from '../helpers/cryptomusFixtures';
import {
	addFromNodeCreator,
	brokenIcons,
	canvasNodes,
	closePanel,
	createWorkflow,
	dragOnto,
	isExpectedLookup,
	inputPanel,
	issueTexts,
	ndvText,
	openBrowser,
	openNode,
	openPanel,
	openWorkflow,
	ourProblems,
	readPanel,
	schemaField,
	setUpOwner,
	shot,
	uiState,
	type Browser,
	type Panel,
} from './browser';
import { EXAMPLE_WORKFLOWS, NODES, nodeByType, type ExpectedNode } from './expected';

const state = uiState();
/** What the check saw that is worth a line in the report (issue badges, page problems), printed at the end. */
const findings: string[] = [];
let browser: Browser;
const page = () => browser.page;

beforeAll(async () => {
	browser = await openBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A panel of one of our nodes shows its name, parameters, notices, credential and (triggers) webhook URL. */
function expectPanel(panel: Panel, node: ExpectedNode) {
	// n8n numbers a name already on the canvas: the second "Create an invoice" (OxaPay, then BTCPay) is "Create an invoice1".
	expect(node.titles).toContain(panel.title.replace(/(\D)\d+$/, '$1'));
	for (const name of node.parameters) expect(panel.inputs.concat(collectionLabels(panel, node))).toContain(name);
	for (const notice of node.notices) expect(panel.text).toContain(notice);
	expectCredentialSelector(panel, node);
	if (node.isTrigger) expect(panel.webhookUrl).toMatch(new RegExp(`^${state.baseUrl}webhook(-test)?/`));
	else expect(panel.webhookUrl).toBe('');
}

/**
 * The selector offers exactly the credentials of the node's type (the examples' placeholder, plus the UI check's
 * Cryptomus credential), and one of them is selected; no selector for a node without credentials (CryptAPI).
 */
function expectCredentialSelector(panel: Panel, node: ExpectedNode) {
	if (!node.credentialType) {
		expect(panel.credential).toBeUndefined();
		return;
	}
	const ids = [...node.exampleCredentialIds, ...(node.credentialType === 'cryptomusApi' ? [state.loop.credentialId] : [])];
	expect(panel.credentialOptions.sort()).toEqual(ids.sort());
	expect(panel.credential).not.toBe('');
}

/** Collections and fixed collections (Options, Additional Fields, Callback Parameters) have no input of their own: their label stands for them. */
function collectionLabels(panel: Panel, node: ExpectedNode): string[] {
	return Object.entries(node.collections).flatMap(([name, label]) => (panel.text.includes(label) ? [name] : []));
}

/** The app node every preview lane ends in: Slack (not a core node, so its input panel previews), message text. */
const APP_NODE = { type: 'n8n-nodes-base.slack', typeVersion: 2.4, field: 'text' };

interface PreviewLane {
	node: ExpectedNode;
	/** Our node's name in the workflow, and the Slack node after it. */
	source: string;
	app: string;
	/** The trigger carries its example's pinned sample (n8n 2: no schema preview for trigger parents). */
	pinned: boolean;
	/** A trigger without a pinned sample where the editor is known to show no preview (n8n 2): recorded, not mapped. */
	declined: boolean;
}

/**
 * One workflow, never run, holding a lane "node → Slack" for every node of NODES (an action node after a Manual
 * Trigger, with the operation its preview names). `pinTriggers`: each trigger carries its example's sample item, and
 * one more lane (the first trigger, without it) records what the editor shows for an unpinned trigger.
 */
function previewWorkflow(pinTriggers: boolean): { workflow: object; lanes: PreviewLane[] } {
	const nodes: object[] = [];
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	const pinData: Record<string, Array<{ json: object }>> = {};
	const lanes: PreviewLane[] = [];
	const link = (from: string, to: string) => (connections[from] = { main: [[{ node: to, type: 'main', index: 0 }]] });
	const lane = (node: ExpectedNode, source: string, row: number, pinned: boolean) => {
		const y = row * 200;
		const app = `Slack after ${source}`;
		nodes.push({
			id: randomUUID(),
			name: source,
			type: node.type,
			typeVersion: node.preview.typeVersion,
			position: [0, y],
			parameters: node.preview.parameters,
			...(node.isTrigger ? { webhookId: randomUUID() } : {}),
		});
		nodes.push({ id: randomUUID(), name: app, type: APP_NODE.type, typeVersion: APP_NODE.typeVersion, position: [300, y], parameters: {} });
		link(source, app);
		if (!node.isTrigger) {
			const start = `Start ${source}`;
			nodes.push({ id: randomUUID(), name: start, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [-300, y], parameters: {} });
			link(start, source);
		}
		if (pinned && node.preview.sample) pinData[source] = [{ json: node.preview.sample }];
		lanes.push({ node, source, app, pinned: pinned && node.preview.sample !== undefined, declined: node.isTrigger && pinTriggers && !pinned });
	};
	NODES.forEach((node, row) => lane(node, node.displayName, row, pinTriggers && node.isTrigger));
	const firstTrigger = NODES.find((n) => n.isTrigger);
	if (pinTriggers && firstTrigger) lane(firstTrigger, `${firstTrigger.displayName} (no sample)`, NODES.length, false);
	return {
		workflow: { name: `UI check: schema previews (${state.version})`, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData },
		lanes,
	};
}

describe(`editor (n8n ${state.version})`, () => {
	it('owner account created through the set-up form', async () => {
		await setUpOwner(page(), state);
		await shot(page(), state, '01-after-owner-setup');
	});

	// One scenario per node (each within jest's per-test time, each reported), all on one canvas.
	it('node creator: a new workflow', async () => {
		await page().goto(new URL('workflow/new', state.baseUrl).href);
		await page().waitForSelector('[data-test-id=canvas-add-button]', { timeout: 90_000 });
	});

	for (const node of NODES) {
		it(`node creator: ${node.displayName}${node.isTrigger ? '' : ` (${node.creator.pick})`} found by name and added, its panel complete`, async () => {
			await addFromNodeCreator(page(), node.creator.query, node.creator.entry, node.creator.section, node.creator.pick).catch(async (err: Error) => {
				await shot(page(), state, `failed-add-${node.type.split('.')[1]}`);
				throw err;
			});
			const panel = await readPanel(page());
			expectPanel(panel, node);
			if (node.triggerPanel) {
				// the listening panel: how to get a test event, and that the provider gets the Production URL
				const text = await ndvText(page());
				expect(text).toContain(node.triggerPanel.header);
				expect(text).toContain(node.triggerPanel.hint);
			}
			await shot(page(), state, `02-added-${node.type.split('.')[1]}`);
			await closePanel(page());
		});
	}

	it('canvas: every node added once, named, its icon loaded, no issue badge but what a fresh node may show', async () => {
		// Every node in view, for the screenshot at the end (reading the badges does not move the canvas).
		await page().click('[data-test-id=zoom-to-fit]').catch(() => undefined);
		const onCanvas = await canvasNodes(page());
		expect(onCanvas.map((n) => n.type).sort()).toEqual(NODES.map((n) => n.type).sort());
		for (const n of onCanvas) {
			const expected = nodeByType(n.type) as ExpectedNode;
			expect(expected.titles.some((title) => n.text.startsWith(title))).toBe(true);
			// A fresh node may only flag what the user still has to fill in: credentials, required empty parameters.
			const allowed = [/credential/i, ...expected.requiredEmpty.map((name) => new RegExp(`"${name}"`))];
			const issues = await issueTexts(page(), n.name);
			if (n.issues.length > 0) findings.push(`fresh ${n.name}: ${n.issues.join(', ')}: ${issues.join(' / ') || 'tooltip not read'}`);
			expect(issues.filter((text) => !allowed.some((re) => re.test(text)))).toEqual([]);
			// A badge whose tooltip could not be read is only acceptable where something required starts empty.
			if (n.issues.length > 0 && issues.length === 0) expect(expected.requiredEmpty.length).toBeGreaterThan(0);
			expect(n.icons.length).toBeGreaterThan(0);
			expect(n.icons.filter((icon) => !icon.loaded)).toEqual([]);
		}
		expect(await brokenIcons(page())).toEqual([]);
		await shot(page(), state, '03-all-nodes');
	});

	for (const example of EXAMPLE_WORKFLOWS) {
		it(`example "${example.name}": icons load, no issue badges, every panel of ours complete`, async () => {
			await openWorkflow(page(), state, example.id);
			await page().click('[data-test-id=zoom-to-fit]').catch(() => undefined);
			await shot(page(), state, `04-example-${example.file}`);
			const onCanvas = await canvasNodes(page());
			for (const ours of example.ours) {
				const n = onCanvas.find((c) => c.name === ours.name);
				expect(n?.icons.length).toBeGreaterThan(0);
				expect(n?.icons.filter((icon) => !icon.loaded)).toEqual([]);
			}
			expect(onCanvas.filter((n) => n.issues.length > 0).map((n) => n.name)).toEqual([]);
			expect(await brokenIcons(page())).toEqual([]);
			for (const ours of example.ours) {
				const expected = nodeByType(ours.type) as ExpectedNode;
				const panel = await openPanel(page(), ours.name);
				expect(panel.title).toBe(ours.name);
				expect(panel.inputs.length).toBeGreaterThan(0);
				expectCredentialSelector(panel, expected);
				if (expected.isTrigger) expect(panel.webhookUrl).toMatch(new RegExp(`^${state.baseUrl}webhook(-test)?/`));
				await shot(page(), state, `05-panel-${example.file}-${ours.type.split('.')[1]}`);
				await closePanel(page());
			}
		});
	}

	it('Cryptomus "Test this trigger": the Cryptomus node\'s Test Webhook (fake API) reaches the trigger\'s test URL → item in the output panel', async () => {
		let fake: FakeCryptomus | undefined;
		const sender = await browser.newPage();
		try {
			fake = await startFakeCryptomus({ ...cryptomusTestCredentials, port: state.fakePort });
			// Tab 1: the trigger listens for a test event.
			await openWorkflow(page(), state, state.loop.triggerWorkflowId);
			const panel = await openPanel(page(), 'Cryptomus Trigger');
			expect(panel.webhookUrl).toMatch(/\/webhook-test\//);
			await page().locator('[data-test-id=ndv]').getByRole('button', { name: /Test this trigger|Listen for test event|Execute step/ }).first().click();
			await page().locator('[data-test-id=ndv]').getByText(/Listening|Waiting/i).first().waitFor({ timeout: 30_000 });
			await shot(page(), state, '06-cryptomus-listening');
			// Tab 2: the Cryptomus node asks (fake) Cryptomus to send a signed test webhook to that test URL.
			await openWorkflow(sender, state, state.loop.senderWorkflowId);
			await sender.click('[data-test-id=execute-workflow-button]');
			const [sent] = await fake.waitForWebhooks(1, 60_000);
			expect(sent.url).toBe(state.loop.testUrl);
			expect(sent.answer).toBe(200);
			// Tab 1: the output panel shows the verified item.
			const output = page().locator('[data-test-id=output-panel]');
			await output.getByText('cryptomus').first().waitFor({ timeout: 30_000 });
			expect(await output.textContent()).toMatch(/ui-check-1/);
			await shot(page(), state, '07-cryptomus-test-event-output');
		} finally {
			await sender.close();
			await fake?.close();
		}
	});

	describe('schema preview: in a never-run "node → Slack", Slack lists the node\'s fields; a dragged one becomes {{ $json.<field> }}', () => {
		// n8n 2's editor declines a schema preview for a trigger parent (its VirtualSchema: "Trigger nodes do not have
		// schema previews"); n8n 1 shows it. There each trigger carries its example's pinned sample instead.
		const triggerPreviews = Number(state.version.split('.')[0]) < 2;
		const { workflow, lanes } = previewWorkflow(!triggerPreviews);

		it('one workflow with a lane per node, saved and opened once', async () => {
			await openWorkflow(page(), state, await createWorkflow(page(), workflow));
		});

		for (const lane of lanes) {
			const { preview } = lane.node;
			const name = `${lane.node.type.split('.')[1]}${lane.declined ? '-no-sample' : ''}`;
			const what = lane.declined ? 'what the editor shows' : lane.pinned ? `pinned sample, ${preview.drag} mapped` : `schema preview, ${preview.drag} mapped`;
			it(`${lane.source} → Slack: ${what}`, async () => {
				await openNode(page(), lane.app);
				if (lane.declined) {
					await inputPanel(page()).getByText(/Execute previous nodes/).first().waitFor({ timeout: 30_000 });
					findings.push(`n8n ${state.version}: ${lane.source} → Slack shows "Execute previous nodes" (no preview for trigger parents); the pinned sample lanes map`);
					await shot(page(), state, `08-preview-${name}`);
					await closePanel(page());
					return;
				}
				for (const field of preview.fields) await schemaField(page(), field).waitFor({ timeout: 30_000 });
				if (!lane.pinned) {
					// "Usually outputs the following fields": the schema this package ships, not data
					expect(await inputPanel(page()).textContent()).toMatch(/Usually outputs the following fields/);
				}
				const target = page().locator(`[data-test-id=ndv] [data-test-id=parameter-input-${APP_NODE.field}]`);
				await dragOnto(page(), schemaField(page(), preview.drag), target);
				await target.filter({ hasText: preview.expression }).first().waitFor({ timeout: 15_000 }).catch(async (err: Error) => {
					await shot(page(), state, `failed-preview-${name}`);
					throw new Error(`${lane.app}: message text is "${((await target.textContent()) ?? '').trim()}", not ${preview.expression} (${err.message})`);
				});
				await shot(page(), state, `08-preview-${name}`);
				await closePanel(page());
			});
		}
	});

	it('no console error, failed request or HTTP error caused by our nodes', () => {
		const all = browser.problems.map((p) => `${p.kind} ${p.text} ${p.url}`);
		// Everything else is n8n's own offline noise (kept in the log line below for the report).
		process.stdout.write(`      page problems seen: ${all.length}, caused by our nodes: ${ourProblems(browser.problems).length}\n`);
		for (const line of [...new Set(all)].slice(0, 15)) process.stdout.write(`        ${line.slice(0, 200)}\n`);
		const lookups = [...new Set(browser.problems.filter(isExpectedLookup).map((p) => `${p.kind} ${p.text} ${p.url}`))];
		for (const line of [...findings, ...lookups.map((l) => `expected lookup failed: ${l}`)]) process.stdout.write(`      finding: ${line}\n`);
		expect(ourProblems(browser.problems)).toEqual([]);
	});
});
