/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The browser side of `npm run test:ui` (scripts/ui.mjs starts the dev n8n and hands its address over in UI_STATE):
 * Debian's chromium driven by playwright-core, and the few editor moves and checks the scenarios are made of.
 * Selectors are n8n's own `data-test-id`s (the ones its Playwright suite uses), the same in 2.41.1 and 1.123.81
 * unless noted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export interface UiState {
	version: string;
	/** 'http://localhost:<port>/' (the editor URL `npm run dev` prints) */
	baseUrl: string;
	fakePort: number;
	artifacts: string;
	loop: { triggerWorkflowId: string; senderWorkflowId: string; credentialId: string; testUrl: string };
	logFile: string;
	/** The owner account the set-up form creates (throw-away, local). */
	owner: { email: string; firstName: string; lastName: string; password: string };
}

export function uiState(): UiState {
	const statePath = process.env.UI_STATE;
	if (!statePath) throw new Error('No running n8n: start the browser check with `npm run test:ui` (scripts/ui.mjs).');
	return JSON.parse(readFileSync(statePath, 'utf8')) as UiState;
}

export const PACKAGE = 'n8n-nodes-crypto-webhooks';

/** What went wrong in the page: console errors, failed requests, HTTP errors (URL and text, in order). */
export interface PageProblem {
	kind: 'console' | 'request' | 'http';
	text: string;
	url: string;
}

/**
 * The one lookup of this package the editor makes on its own: the community-node details ask the npm registry for
 * the package (update check). Offline here (and unpublished), so it fails; it is n8n's request, not our nodes'.
 */
const REGISTRY_LOOKUP = new RegExp(`^https://registry\\.npmjs\\.org/${PACKAGE}\\b`);

/** Expected requests about this package that fail here for reasons outside its nodes (see above). Every node ships
 * its output schemas (`/schemas/<type>/<version>[/<resource>/<operation>].json`), so a 404 there is a problem. */
export function isExpectedLookup(p: PageProblem): boolean {
	return REGISTRY_LOOKUP.test(p.url);
}

/** Problems caused by this package's nodes: anything naming the package (icons, types, node files) but the above. */
export function ourProblems(problems: PageProblem[]): PageProblem[] {
	return problems.filter((p) => (p.url.includes(PACKAGE) || p.text.includes(PACKAGE)) && !isExpectedLookup(p));
}

export interface Browser {
	context: BrowserContext;
	page: Page;
	problems: PageProblem[];
	newPage(): Promise<Page>;
	close(): Promise<void>;
}

/** Chromium from Debian, headless, in a fresh profile; every page's problems are recorded. */
export async function openBrowser(): Promise<Browser> {
	const profile = mkdtempSync(join(tmpdir(), 'ui-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
		viewport: { width: 1440, height: 900 },
	});
	const problems: PageProblem[] = [];
	const watch = (page: Page) => {
		page.on('console', (m) => {
			if (m.type() === 'error') problems.push({ kind: 'console', text: m.text().slice(0, 300), url: m.location().url ?? '' });
		});
		page.on('pageerror', (e) => problems.push({ kind: 'console', text: `${e.message}\n${e.stack ?? ''}`.slice(0, 600), url: '' }));
		page.on('requestfailed', (r) => {
			const error = r.failure()?.errorText ?? '';
			if (error !== 'net::ERR_ABORTED') problems.push({ kind: 'request', text: error, url: r.url() });
		});
		page.on('response', (r) => {
			if (r.status() >= 400) problems.push({ kind: 'http', text: String(r.status()), url: r.url() });
		});
		page.setDefaultTimeout(60_000);
		page.setDefaultNavigationTimeout(120_000);
		return page;
	};
	const page = watch(context.pages()[0] ?? (await context.newPage()));
	return {
		context,
		page,
		problems,
		newPage: async () => watch(await context.newPage()),
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

export async function shot(page: Page, state: UiState, name: string): Promise<void> {
	await page.screenshot({ path: join(state.artifacts, `${name}.png`) });
}

/** The owner account, through the set-up form a new n8n shows first. */
export async function setUpOwner(page: Page, state: UiState): Promise<void> {
	await page.goto(new URL('setup', state.baseUrl).href);
	await page.fill('input[name=email]', state.owner.email, { timeout: 90_000 });
	await page.fill('input[name=firstName]', state.owner.firstName);
	await page.fill('input[name=lastName]', state.owner.lastName);
	await page.fill('input[name=password]', state.owner.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.startsWith('/setup'), { timeout: 60_000 });
}

/** Opens a workflow on the canvas and waits for its nodes. */
export async function openWorkflow(page: Page, state: UiState, id: string): Promise<void> {
	await page.goto(new URL(`workflow/${id}`, state.baseUrl).href);
	await page.waitForSelector('[data-test-id=canvas-node]', { timeout: 90_000 });
}

export interface CanvasNode {
	name: string;
	type: string;
	text: string;
	/** Icons of this package in the node: src and whether the browser could render it. */
	icons: Array<{ src: string; loaded: boolean }>;
	/** Issue badge of the node (its data-test-id), if it shows one. */
	issues: string[];
}

/** What the canvas shows for each node. */
export async function canvasNodes(page: Page): Promise<CanvasNode[]> {
	return await page.$$eval(
		'[data-test-id=canvas-node]',
		(els, pkg) =>
			els.map((el) => ({
				name: el.getAttribute('data-node-name') ?? '',
				type: el.getAttribute('data-node-type') ?? '',
				text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
				icons: [...el.querySelectorAll('img')]
					.filter((img) => img.src.includes(pkg))
					.map((img) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 })),
				// The status icons (issues, disabled …) sit in vue-flow's node wrapper, beside the node body.
				issues: [...(el.closest('.vue-flow__node') ?? el).querySelectorAll('[data-test-id]')]
					.map((x) => x.getAttribute('data-test-id') ?? '')
					.filter((id) => /issue|setup-required/i.test(id)),
			})),
		PACKAGE,
	);
}

/** Every image of this package on the page that did not load (broken icons anywhere: creator, canvas, panel). */
export async function brokenIcons(page: Page): Promise<string[]> {
	return await page.$$eval(
		'img',
		(imgs, pkg) => imgs.filter((img) => img.src.includes(pkg) && !(img.complete && img.naturalWidth > 0)).map((img) => img.src),
		PACKAGE,
	);
}

/** The issue tooltip texts of a canvas node (hovering its badge), e.g. 'Credentials for … are not set'. */
export async function issueTexts(page: Page, nodeName: string): Promise<string[]> {
	const badge = page.locator(`.vue-flow__node:has([data-test-id=canvas-node][data-node-name="${nodeName}"]) :is([data-test-id=node-issues], [data-test-id=node-setup-required])`).first();
	if ((await badge.count()) === 0) return [];
	// Pointer events sent to the badge itself: on a canvas of many nodes another node may cover it, and a real hover
	// would then reach that node instead.
	for (const type of ['mouseenter', 'mouseover']) await badge.dispatchEvent(type);
	const tooltip = page.locator('[role=tooltip]:visible, .el-popper:visible').filter({ hasText: /issue/i }).last();
	await tooltip.waitFor({ timeout: 5_000 }).catch(() => undefined);
	// No such tooltip: '' at once (textContent would wait for the element up to the page's default timeout).
	const text = (await tooltip.count()) === 0 ? '' : ((await tooltip.textContent({ timeout: 1_000 }).catch(() => '')) ?? '');
	for (const type of ['mouseleave', 'mouseout']) await badge.dispatchEvent(type);
	await page.mouse.move(5, 5);
	return text.split(/\n|(?<=[a-z.])(?=[A-Z])/).map((line) => line.trim()).filter(Boolean);
}

export interface Panel {
	title: string;
	/** Text of the parameters pane (notices, labels, webhook URLs). */
	text: string;
	/** Parameter names that have an input (`parameter-input-<name>`). */
	inputs: string[];
	/** The selected credential's name; undefined without a credential selector. */
	credential: string | undefined;
	/** Ids of the credentials the selector offers (its "Create new" entry left out). */
	credentialOptions: string[];
	/** The webhook URL shown after opening "Webhook URLs" (test URL by default), '' if none. */
	webhookUrl: string;
}

/** Opens a node's panel from the canvas and reads it (the webhook URL section is opened first, if any). */
export async function openPanel(page: Page, nodeName: string): Promise<Panel> {
	await openNode(page, nodeName);
	return await readPanel(page);
}

/**
 * Opens a node's panel from the canvas without reading it (reading waits up to 10 s for saved credentials to be
 * listed, which a node of n8n's with none, such as Slack, never gets).
 */
export async function openNode(page: Page, nodeName: string): Promise<void> {
	await page.dblclick(`[data-test-id=canvas-node][data-node-name="${nodeName}"]`);
	await page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]');
}

export async function readPanel(page: Page): Promise<Panel> {
	const ndv = page.locator('[data-test-id=ndv]');
	const toggle = ndv.getByText('Webhook URLs', { exact: true });
	if ((await toggle.count()) > 0) {
		await toggle.first().click();
		await ndv.getByText(/\/webhook(-test)?\//).first().waitFor({ timeout: 5_000 }).catch(() => undefined);
	}
	const params = ndv.locator('[data-test-id=node-parameters]');
	const text = ((await params.textContent()) ?? '').replace(/\s+/g, ' ');
	const inputs = await params.locator('[data-test-id^=parameter-input-]').evaluateAll((els) =>
		els.map((e) => (e.getAttribute('data-test-id') ?? '').replace(/^parameter-input-/, '')),
	);
	const select = ndv.locator('[data-test-id=node-credentials-select] input');
	const credential = (await select.count()) > 0 ? await select.first().inputValue() : undefined;
	const credentialOptions: string[] = [];
	if (credential !== undefined) {
		await select.first().click();
		const items = page.locator('[data-test-id^=node-credentials-select-item-]');
		await items.first().waitFor({ timeout: 10_000 });
		// "Create new credential" is listed at once, the saved credentials a moment later (seen empty under load)
		await items
			.and(page.locator(':not([data-test-id=node-credentials-select-item-new])'))
			.first()
			.waitFor({ timeout: 10_000 })
			.catch(() => undefined);
		for (const id of await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-test-id') ?? ''))) {
			const credentialId = id.replace(/^node-credentials-select-item-/, '');
			if (credentialId !== 'new' && !credentialOptions.includes(credentialId)) credentialOptions.push(credentialId);
		}
		await select.first().click();
		await items.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
	}
	// The title is an inline editor: its preview holds the name (the container also holds the hidden input's copy).
	const titleBox = ndv.locator('[data-test-id=node-title-container]').first();
	const preview = titleBox.locator('[data-test-id=inline-edit-preview]');
	const title = (((await preview.count()) > 0 ? await preview.first().textContent() : await titleBox.textContent()) ?? '').trim();
	const webhookUrl = /https?:\/\/\S+?\/webhook(?:-test)?\/[0-9a-f-]{36}\/webhook/.exec(text)?.[0] ?? '';
	return { title, text, inputs, credential, credentialOptions, webhookUrl };
}

export async function closePanel(page: Page): Promise<void> {
	// 2.x: a close button; 1.x: "Back to canvas"; Escape as the last resort.
	const close = page.locator('[data-test-id=ndv-close-button], [data-test-id=back-to-canvas]').first();
	if (await close.isVisible().catch(() => false)) await close.click();
	else await page.keyboard.press('Escape');
	await page.locator('[data-test-id=ndv]').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/**
 * Adds a node through the node creator: search `query`, pick the entry named `entry`, and, when that opens the app's
 * list of triggers and actions, the first item under `section` ('Triggers' / 'Actions'). The new node's panel opens.
 */
export async function addFromNodeCreator(page: Page, query: string, entry: RegExp, section: 'Triggers' | 'Actions', pick?: string): Promise<void> {
	const firstStep = page.locator('[data-test-id=canvas-add-button]');
	if (await firstStep.isVisible().catch(() => false)) await firstStep.click();
	else await page.click('[data-test-id=node-creator-plus-button]');
	const search = page.locator('[data-test-id=node-creator-search-bar]');
	await search.fill(query);
	const item = page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]').filter({ hasText: entry }).first();
	await item.click();
	const ndv = page.locator('[data-test-id=ndv]');
	const category = page.locator('[data-test-id=node-creator-category-item]').filter({ hasText: section });
	// Depending on the node, the entry adds it at once, or opens the app's page: with a list of triggers and actions
	// (nodes whose events become "On …" entries), or with just "Add to workflow".
	const addButton = page.locator('[data-test-id=node-creator]').getByRole('button', { name: 'Add to workflow' });
	await Promise.race([
		ndv.waitFor({ timeout: 15_000 }),
		category.first().waitFor({ timeout: 15_000 }),
		addButton.waitFor({ timeout: 15_000 }),
	]).catch(() => undefined);
	if (!(await ndv.isVisible()) && (await addButton.isVisible())) {
		await addButton.click();
		await ndv.waitFor({ timeout: 15_000 });
	}
	if (!(await ndv.isVisible())) {
		// The app's page: category headers ("Triggers (3)", "Actions (3)"), each followed by its items when expanded.
		let index = await firstItemUnder(page, section, pick);
		if (index < 0) {
			await category.first().click();
			await page.waitForTimeout(300);
			index = await firstItemUnder(page, section, pick);
		}
		if (index < 0) throw new Error(`node creator: no entry under "${section}" for ${query}`);
		await page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]').nth(index).click();
		await ndv.waitFor({ timeout: 15_000 });
	}
	await page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]');
}

/**
 * Index (among the creator's items) of the first item listed under the category header `section` (whose text
 * contains `pick`, when given: an app page groups many actions under resource labels), or -1.
 */
async function firstItemUnder(page: Page, section: string, pick?: string): Promise<number> {
	return await page.evaluate(([wanted, text]) => {
		const all = [...document.querySelectorAll('[data-test-id=node-creator] [data-test-id]')];
		let current = '';
		let itemIndex = -1;
		for (const el of all) {
			const id = el.getAttribute('data-test-id');
			if (id === 'node-creator-category-item') current = el.textContent ?? '';
			if (id === 'item-iterator-item') {
				itemIndex++;
				if (current.includes(wanted) && (!text || (el.textContent ?? '').includes(text))) return itemIndex;
			}
		}
		return -1;
	}, [section, pick ?? ''] as const);
}

/**
 * Saves a workflow through the editor's own REST call (`POST /rest/workflows`, with the session cookie and the
 * `browser-id` header the editor sends) and returns its id.
 */
export async function createWorkflow(page: Page, workflow: object): Promise<string> {
	const created = await page.evaluate(async (body) => {
		const res = await fetch('/rest/workflows', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
			body: JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, text };
	}, workflow);
	const id = (JSON.parse(created.text) as { data?: { id?: string } }).data?.id;
	if (created.status !== 200 || !id) throw new Error(`POST /rest/workflows answered ${created.status}: ${created.text.slice(0, 300)}`);
	return id;
}

/** The NDV's input panel (the left pane of a node that has a parent). */
export const inputPanel = (page: Page) => page.locator('[data-test-id=ndv-input-panel]');

/** A field of the input panel's schema view, by its exact name (the drag handle for mapping it). */
export const schemaField = (page: Page, name: string) =>
	inputPanel(page)
		.locator('[data-test-id=run-data-schema-item] span')
		.filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
		.first();

/**
 * Drags `source` onto `target` the way a user does (n8n's mapping listens to mouse events, not HTML5 drag and drop):
 * press, move a little to start the drag, move over the target in steps, release.
 */
export async function dragOnto(page: Page, source: Locator, target: Locator): Promise<void> {
	await source.scrollIntoViewIfNeeded();
	const from = await source.boundingBox();
	const to = await target.boundingBox();
	if (!from || !to) throw new Error('drag: source or target is not visible');
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await page.mouse.down();
	await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 5, { steps: 5 });
	await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
	await page.waitForTimeout(300);
	await page.mouse.up();
}

/** The NDV's whole text (trigger panel, parameters, input and output panes), whitespace collapsed. */
export async function ndvText(page: Page): Promise<string> {
	return ((await page.locator('[data-test-id=ndv]').textContent()) ?? '').replace(/\s+/g, ' ');
}
