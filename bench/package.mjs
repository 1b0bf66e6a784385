// `npm run bench` (package part): what installing and loading the package costs, from the built dist/.
//   require   time to require every node and credential listed in package.json (fresh Node processes, median of 7),
//             with n8n-workflow already loaded (as inside n8n) and from cold (n8n-workflow loaded too)
//   tarball   `npm pack --dry-run`: packed size, unpacked size, file count
//   deps      runtime dependencies (n8n's community rules: none) and peer dependencies
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => path.join(root, f));
for (const f of files) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);

function requireMs(preload) {
  const script = `
    ${preload ? "require('n8n-workflow');" : ''}
    const t = process.hrtime.bigint();
    for (const f of ${JSON.stringify(files)}) require(f);
    process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const runs = Array.from({ length: 7 }, () => Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })));
  runs.sort((a, b) => a - b);
  return runs[3];
}

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8' }));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`\n| package (${pkg.name} ${pkg.version}, node ${process.version}) | |`);
console.log('|---|---:|');
console.log(`| require all ${pkg.n8n.nodes.length} nodes + ${pkg.n8n.credentials.length} credentials (n8n-workflow already loaded, as in n8n) | ${requireMs(true).toFixed(1)} ms |`);
console.log(`| the same from a cold process (n8n-workflow loaded by it) | ${requireMs(false).toFixed(1)} ms |`);
console.log(`| packed tarball | ${kb(pack.size)} (${pack.entryCount} files, ${kb(pack.unpackedSize)} unpacked) |`);
console.log(`| runtime dependencies | ${Object.keys(pkg.dependencies ?? {}).length} |`);
console.log(`| peer dependencies | ${JSON.stringify(pkg.peerDependencies)} |`);
