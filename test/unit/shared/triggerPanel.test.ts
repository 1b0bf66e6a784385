/** The listening panel every trigger shows (nodes/shared/triggerPanel.ts): its README link and each trigger's data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { README_QUICK_START, triggerPanel } from '../../../nodes/shared/triggerPanel';
import { isTrigger, PACKAGE_JSON as pkg, PACKAGE_NODES, REPO_ROOT as ROOT } from '../../helpers/packageNodes';

const TRIGGERS = PACKAGE_NODES.filter(isTrigger).map(({ node }) => node);

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

	it.each(TRIGGERS.map((node) => [node.description.displayName, node] as const))('%s has one', (_name, node) => {
		const panel = node.description.triggerPanel as ReturnType<typeof triggerPanel>;
		expect(panel.header).toMatch(/^Listen for a verified \w+ test event$/);
		const provider = /verified (\w+) test/.exec(panel.header ?? '')?.[1] ?? '';
		expect(node.description.displayName.startsWith(provider)).toBe(true);
	});
});
