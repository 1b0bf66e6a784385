#!/usr/bin/env node
// Installs (once, cached in .n8n-local/) Node 24 and the n8n versions the dev server and e2e suite use.
//   node scripts/provision.mjs            → every supported version
//   node scripts/provision.mjs 2.41.1     → only that one
import { N8N_VERSIONS, ensureN8n } from './lib/provision.mjs';

const versions = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(N8N_VERSIONS);
try {
  for (const v of versions) {
    const p = await ensureN8n(v);
    console.log(`n8n ${v}: ${p.bin}`);
  }
} catch (err) {
  console.error(`\n${err.message}`);
  process.exit(1);
}
