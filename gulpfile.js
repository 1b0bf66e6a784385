const path = require('path');
const { task, src, dest } = require('gulp');

// n8n loads node/credential icons and codex files (*.node.json) from dist/ next to the compiled .js files.
task('build:icons', copyAssets);

function copyAssets() {
	const sources = [
		path.resolve('nodes', '**', '*.{png,svg,json}'),
		path.resolve('credentials', '**', '*.{png,svg}'),
	];
	return src(sources, { base: '.', encoding: false }).pipe(dest('dist'));
}
