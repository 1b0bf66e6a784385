/**
 * The nodes package.json's `n8n.nodes` lists (what n8n loads), instantiated from their sources
 * (`dist/nodes/X/Y.node.js` → `nodes/X/Y.node.ts`), so tests cover every node without a list of their own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

export const REPO_ROOT = join(__dirname, '..', '..');

export const PACKAGE_JSON = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
	homepage: string;
	n8n: { nodes: string[]; credentials: string[] };
};

const load = createRequire(__filename);

export interface PackageNode {
	/** As package.json lists it, e.g. `dist/nodes/CryptomusTrigger/CryptomusTrigger.node.js`. */
	file: string;
	node: INodeType;
}

export const PACKAGE_NODES: PackageNode[] = PACKAGE_JSON.n8n.nodes.map((file) => {
	const exported = Object.values(load(join(REPO_ROOT, file.replace(/^dist\//, '').replace(/\.js$/, ''))) as Record<string, unknown>);
	const NodeClass = exported.find((value) => typeof value === 'function') as new () => INodeType;
	return { file, node: new NodeClass() };
});

export const isTrigger = ({ node }: PackageNode): boolean => node.description.group.includes('trigger');
