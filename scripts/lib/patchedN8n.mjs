// A patched copy of a provisioned n8n, to measure a change proposed to n8n (`npm run bench:n8n`'s `patched`
// configuration) without touching `.n8n-local/`, which `npm run dev` and the e2e suites use.
//
// The copy is `.bench/n8n-<version>-<patch name>/`: every file of `.n8n-local/n8n-<version>/` hard-linked (`cp -al`:
// seconds, no extra disk), then each file the patch changes written as a *new* file (a new inode) in its place, so
// the original keeps its bytes. That is checked every time (the original's SHA-256 before and after, the inodes
// differ) and once more after the run, together with a search for any shared (hard-linked) file n8n modified while it
// ran. The patch is a unified diff with paths relative to the n8n folder (`a/node_modules/n8n/dist/…`), applied with
// GNU patch into a new file. The copy is reused while the n8n install (its `.complete` marker) and the patch are the
// same. Plain Node ESM without dependencies, like the rest of scripts/lib.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, readMarker, removeTree } from './provision.mjs';

const MARKER = '.patched';
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const sha256File = (file) => sha256(fs.readFileSync(file));

/** The patch split per file: `[{ file, text }]`, `file` relative to the n8n folder (the `+++ b/…` path). */
export function patchSections(patchText) {
  const sections = [];
  const lines = patchText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('--- ') || !lines[i + 1]?.startsWith('+++ ')) continue;
    const file = lines[i + 1]
      .slice(4)
      .split('\t')[0]
      .trim()
      .replace(/^b\//, '');
    if (path.isAbsolute(file) || file.split('/').includes('..')) throw new Error(`patch path ${file} leaves the n8n folder`);
    let end = i + 2;
    while (end < lines.length && !(lines[end].startsWith('--- ') && lines[end + 1]?.startsWith('+++ '))) end++;
    sections.push({ file, text: `${lines.slice(i, end).join('\n')}\n` });
    i = end - 1;
  }
  if (sections.length === 0) throw new Error('the patch changes no file (no ---/+++ header)');
  return sections;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.error) throw new Error(`${cmd} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim().slice(0, 500)}`);
  return r.stdout;
}

/**
 * `inst` (what ensureN8n() returned) with the patch applied, in its own folder under .bench/. Returns the same shape
 * (`dir`, `bin`, `node24`) plus `patch` (name, files) and `verify()`, which throws when an original file changed.
 */
export function patchedN8n(inst, patchFile, { log = () => {} } = {}) {
  const patchText = fs.readFileSync(patchFile, 'utf8');
  const sections = patchSections(patchText);
  const name = path.basename(patchFile).replace(/\.(diff|patch)$/, '');
  const dest = path.join(REPO_ROOT, '.bench', `${path.basename(inst.dir)}-${name}`);
  const key = `${readMarker(inst.dir)} patch ${sha256(patchText)}`;
  const originals = sections.map(({ file }) => {
    const original = path.join(inst.dir, file);
    if (!fs.existsSync(original)) throw new Error(`the patch changes ${file}, which ${inst.dir} does not have`);
    return { file, original, copy: path.join(dest, file), sha: sha256File(original) };
  });

  // Not `.complete`: in the copy that is a hard link to the original's marker (and must never be written).
  let made = null;
  try {
    made = fs.readFileSync(path.join(dest, MARKER), 'utf8').trim();
  } catch {
    made = null;
  }
  const fresh = made !== key;
  if (fresh) {
    log(`Making a patched copy of ${path.relative(REPO_ROOT, inst.dir)} in ${path.relative(REPO_ROOT, dest)} (hard links + ${name})`);
    removeTree(dest);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    run('cp', ['-al', inst.dir, dest]);
    for (const [i, { copy, original }] of originals.entries()) {
      // Read through the hard link, write a new file, then replace the link: the original inode is never written.
      const tmp = `${copy}.patched-${process.pid}`;
      const patchPath = path.join(path.dirname(dest), `${name}.${i}.diff`);
      fs.writeFileSync(patchPath, sections[i].text);
      try {
        run('patch', ['--batch', '--silent', '--forward', '-o', tmp, copy, patchPath]);
      } finally {
        fs.rmSync(patchPath, { force: true });
      }
      fs.chmodSync(tmp, fs.statSync(original).mode);
      fs.rmSync(copy);
      fs.renameSync(tmp, copy);
    }
    fs.writeFileSync(path.join(dest, MARKER), `${key}\n`); // a new file: the original folder has none
  }

  /** Throws when an original changed, the copy is not patched, or n8n modified a file shared with the original. */
  const verify = ({ afterRun = false } = {}) => {
    for (const { file, original, copy, sha } of originals) {
      if (sha256File(original) !== sha) throw new Error(`${original} changed while patching: .n8n-local must stay untouched`);
      if (fs.statSync(original).ino === fs.statSync(copy).ino) throw new Error(`${file} in the copy is still the original's inode`);
      if (sha256File(copy) === sha) throw new Error(`${file} in the copy is not patched`);
    }
    if (afterRun) {
      // A shared inode modified after the copy was made would have changed the original too.
      const touched = run('find', [dest, '-type', 'f', '-links', '+1', '-newer', path.join(dest, MARKER)]).trim();
      if (touched) throw new Error(`n8n modified files it shares with ${inst.dir}:\n${touched.split('\n').slice(0, 10).join('\n')}`);
    }
  };
  verify();
  log(`  ${fresh ? 'made' : 'reused'} ${path.relative(REPO_ROOT, dest)}: ${originals.map((o) => o.file).join(', ')} patched as new files; originals byte-identical (sha256)`);
  return {
    ...inst,
    dir: dest,
    bin: path.join(dest, 'node_modules', 'n8n', 'bin', 'n8n'),
    patch: { name, files: originals.map((o) => o.file) },
    verify,
  };
}
