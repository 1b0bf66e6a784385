/** The listening panel every trigger shows (nodes/shared/triggerPanel.ts): its README link and each trigger's data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BtcPayServerTrigger } from '../../../nodes/BtcPayServerTrigger/BtcPayServerTrigger.node';
import { README_QUICK_START, triggerPanel } from '../../../nodes/shared/triggerPanel';
import { isTrigger, PACKAGE_JSON as pkg, PACKAGE_NODES, REPO_ROOT as ROOT } from '../../helpers/packageNodes';

const TRIGGERS = PACKAGE_NODES.filter(isTrigger).map(({ node }) => node);
const BTCPAY = new BtcPayServerTrigger();

/** GitHub's anchor of a Markdown heading. */
const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');

describe('trigger panels', () => {
	it("link the README's quick start on the package's homepage (an anchor the README has)", () => {
		const [page, hash] = README_QUICK_START.split('#');
		expect(page).toBe(pkg.homepage);
		const headings = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').filter((l) => l.startsWith('## ')).map((l) => anchor(l.slice(3)));
		expect(headings).toContain(hash);
	});

	it('say how to get a test event and that the provider gets the Production URL, active or not', () => {
		const panel = triggerPanel({ provider: 'Foo', testEvent: 'send the request' });
		expect(panel.header).toBe('Listen for a verified Foo test event');
		for (const state of ['active', 'inactive'] as const) {
			const help = (panel.executionsHelp as Record<string, string>)[state];
			const hint = (panel.activationHint as Record<string, string>)[state];
			expect(help).toContain('Test URL');
			expect(help).toContain('then send the request.');
			expect(help).toMatch(/Foo .*Production URL|Production URL.*Foo/);
			expect(hint).toContain('then send the request.');
			expect(hint).toContain('Production URL');
		}
	});

	const TEST = '<b>Test event:</b> click the button above (n8n then listens on the <b>Test URL</b> for 2 minutes), then send the request.';

	it('without `production`: "give <provider> the Production URL (not the Test URL) and publish", as every trigger that leaves it to the user says', () => {
		const panel = triggerPanel({ provider: 'Foo', testEvent: 'send the request' });
		const live = '<b>Live events:</b> give Foo the <b>Production URL</b> (not the Test URL) and publish the workflow.';
		expect((panel.executionsHelp as Record<string, string>).inactive).toContain(`${TEST}<br /><br />${live} Then every verified Foo event starts the workflow;`);
		expect((panel.activationHint as Record<string, string>).inactive).toBe(`${TEST} ${live}`);
	});

	it('with `production`: that sentence replaces the live-events one (a trigger that registers its own URL), the rest unchanged', () => {
		const plain = triggerPanel({ provider: 'Foo', testEvent: 'send the request' });
		const live = 'publish: the node registers its <b>Production URL</b> at Foo.';
		const own = triggerPanel({ provider: 'Foo', testEvent: 'send the request', production: live });
		expect(JSON.stringify(own)).not.toContain('give Foo the');
		expect((own.executionsHelp as Record<string, string>).inactive).toBe(
			(plain.executionsHelp as Record<string, string>).inactive.replace(
				'<b>Live events:</b> give Foo the <b>Production URL</b> (not the Test URL) and publish the workflow.',
				`<b>Live events:</b> ${live}`,
			),
		);
		expect((own.activationHint as Record<string, string>).inactive).toBe(`${TEST} <b>Live events:</b> ${live}`);
		expect(own.header).toBe(plain.header);
		expect((own.executionsHelp as Record<string, string>).active).toBe((plain.executionsHelp as Record<string, string>).active);
		expect((own.activationHint as Record<string, string>).active).toBe((plain.activationHint as Record<string, string>).active);
	});

	it.each(TRIGGERS.map((node) => [node.description.displayName, node] as const))('%s has one', (_name, node) => {
		const panel = node.description.triggerPanel as ReturnType<typeof triggerPanel>;
		expect(panel.header).toMatch(/^Listen for a verified \w[\w ]* test event$/);
		const provider = /verified (\w[\w ]*) test event/.exec(panel.header ?? '')?.[1] ?? '';
		expect(node.description.displayName.startsWith(provider)).toBe(true);
	});

	it('BTCPay Server: the node registers its URLs at the store itself (automatic); the user pastes it only in manual mode', () => {
		const panel = BTCPAY.description.triggerPanel as ReturnType<typeof triggerPanel>;
		const all = JSON.stringify(panel);
		expect(all).not.toContain('give BTCPay Server the');
		const inactive = (panel.executionsHelp as Record<string, string>).inactive;
		expect(inactive).toContain('the node registers the Test URL in your BTCPay store while n8n listens');
		expect(inactive).toContain('the node registers its <b>Production URL</b> in your BTCPay store itself');
		expect(inactive).toContain('<b>Manual</b>, paste the Production URL (not the Test URL)');
		expect(inactive).toContain(README_QUICK_START);
	});
});
