#!/usr/bin/env node
// `npm run scan` — n8n's community-package scanner (@n8n/scan-community-package, the check n8n runs before it
// verifies a package), offline, on this repo and on the tarball `npm pack` makes.
//
// The scanner's CLI downloads a published version and the source its npm provenance points at; its own analysis,
// `analyzePackage(dir, patterns)`, is what it then runs on each. This script runs that same function, with the same
// file patterns, on local copies instead:
//   source leg   the repo             SOURCE_FILE_PATTERNS (exported by the scanner: package.json, nodes/, credentials/)
//   tarball leg  the packed tarball   ['**/*.js', 'package.json'] (the literal the scanner's analyzePackageByName uses)
// and checks that package.json's repository, homepage and bugs name one GitHub repository (n8n matches the
// provenance's source repository against it), and that the tarball holds every output schema the build wrote
// (the scanner's tarball leg reads only *.js). Prints one line per check, then `N passed, N failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

import { buildAndPack } from './lib/n8n.mjs';
import { REPO_ROOT } from './lib/provision.mjs';

/** The tarball leg's patterns, as in the scanner's analyzePackageByName (not exported there). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** `owner/name` of a GitHub URL in any of the forms package.json uses, or undefined. */
function githubRepo(url) {
  const match = /^(?:git\+)?https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(?:[/#].*)?$/.exec(url ?? '');
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** repository, homepage and bugs must all point at the same GitHub repository. */
function checkRepositoryFields(pkg) {
  const found = {
    repository: githubRepo(typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url),
    homepage: githubRepo(pkg.homepage),
    bugs: githubRepo(typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url),
  };
  const missing = Object.entries(found).filter(([, repo]) => !repo).map(([field]) => field);
  if (missing.length) return { passed: false, message: `no GitHub URL in ${missing.join(', ')}` };
  const repos = [...new Set(Object.values(found))];
  if (repos.length > 1) return { passed: false, message: `they name different repositories: ${JSON.stringify(found)}` };
  return { passed: true, message: `github.com/${repos[0]}` };
}

/** Every `__schema__/…json` under `dir`, relative to it. */
function schemaFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.split(path.sep).includes('__schema__') && f.endsWith('.json'))
    .sort();
}

/** The tarball holds the same output schemas as dist/ (n8n serves them from the installed package), each valid JSON. */
function checkPackedSchemas(unpacked) {
  const built = schemaFiles(path.join(REPO_ROOT, 'dist'));
  const packed = schemaFiles(path.join(unpacked, 'dist'));
  const missing = built.filter((f) => !packed.includes(f));
  const unreadable = packed.filter((f) => {
    try {
      const schema = JSON.parse(fs.readFileSync(path.join(unpacked, 'dist', f), 'utf8'));
      return schema.type !== 'object' || Object.keys(schema.properties ?? {}).length === 0;
    } catch {
      return true;
    }
  });
  if (built.length === 0) return { passed: false, message: 'the build wrote no output schemas (dist/nodes/*/__schema__/)' };
  if (missing.length || unreadable.length) {
    return { passed: false, message: `missing: ${missing.join(', ') || 'none'}; unreadable: ${unreadable.join(', ') || 'none'}` };
  }
  return { passed: true, message: `${packed.length} files` };
}

async function main() {
  const started = Date.now();
  const results = [];
  const record = (name, result) => {
    results.push(result.passed);
    console.log(`  ${result.passed ? 'PASS' : 'FAIL'} ${name}${result.message ? ` — ${result.message}` : ''}`);
    if (!result.passed && result.details) console.log(result.details);
  };

  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  record('package.json: repository, homepage and bugs name one GitHub repository', checkRepositoryFields(pkg));

  record(`source leg: scanner on the repo (${SOURCE_FILE_PATTERNS.join(', ')})`, await analyzePackage(REPO_ROOT, SOURCE_FILE_PATTERNS));

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
  try {
    const tgz = await buildAndPack(work, { logFile: path.join(work, 'build.log') });
    const unpacked = path.join(work, 'package');
    fs.mkdirSync(unpacked);
    const untar = spawnSync('tar', ['-xzf', tgz, '-C', unpacked, '--strip-components=1'], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`unpacking ${tgz} failed: ${untar.stderr}`);
    record(
      `tarball leg: scanner on ${path.basename(tgz)} (${TARBALL_FILE_PATTERNS.join(', ')})`,
      await analyzePackage(unpacked, TARBALL_FILE_PATTERNS),
    );
    record('tarball: every output schema the build wrote is packed, as valid JSON', checkPackedSchemas(unpacked));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  const failed = results.filter((passed) => !passed).length;
  console.log(`scan took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
