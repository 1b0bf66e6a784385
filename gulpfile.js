const fs = require('fs');
const path = require('path');
const { task, src, dest, series } = require('gulp');

// n8n loads node/credential icons and codex files (*.node.json) from dist/ next to the compiled .js files.
task('build:icons', copyAssets);

function copyAssets() {
	const sources = [
		path.resolve('nodes', '**', '*.{png,svg,json}'),
		path.resolve('credentials', '**', '*.{png,svg}'),
	];
	return src(sources, { base: '.', encoding: false }).pipe(dest('dist'));
}

// The output schemas n8n's editor previews before a node's first run, written from nodes/outputSchemas.ts (compiled
// by tsc first) into `__schema__/` beside each node file package.json lists: where n8n looks for them.
task('build:schemas', async () => writeOutputSchemas());

function writeOutputSchemas() {
	const { schemaFilesOf } = require('./dist/nodes/outputSchemas');
	const nodes = require('./package.json').n8n.nodes;
	for (const file of nodes) {
		const NodeClass = Object.values(require(path.resolve(file))).find((value) => typeof value === 'function');
		const dir = path.join(path.dirname(file), '__schema__');
		fs.rmSync(dir, { recursive: true, force: true });
		for (const { path: relative, schema } of schemaFilesOf(new NodeClass().description)) {
			const target = path.join(dir, relative);
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, `${JSON.stringify(schema, null, '\t')}\n`);
		}
	}
}

task('build', series('build:icons', 'build:schemas'));
