// `npm run dev -- --check`: asks the running dev n8n, through the same REST routes the editor uses, whether it
// serves every node and credential type of this package and holds every example workflow and placeholder
// credential; whether it serves every output schema the build wrote (the editor's schema preview, `GET /schemas/…`)
// exactly as built; and whether each example's pinned sample item validates against the schema n8n serves for its
// trigger (ajv, strict). Returns the list of what is missing or wrong (empty = all there).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import AjvModule from 'ajv';

import { PACKAGE_NAME, setupOwner, restGet } from './n8n.mjs';
import { EXAMPLES, exampleCredentials, exampleWorkflows, packageTypes } from './devInstance.mjs';
import { REPO_ROOT } from './provision.mjs';

const OWNER = { email: 'dev-check@example.com', firstName: 'Dev', lastName: 'Check', password: 'Dev-Check-Passw0rd' };
const Ajv = AjvModule.default ?? AjvModule;
/** As test/helpers/outputSchemas.ts: draft-07, strict, the formats the schemas use. */
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  formats: {
    'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
    email: /^[^\s@]+@[^\s@]+$/,
    uri: /^[a-z][a-z0-9+.-]*:/i,
  },
});

/** Logs one line for a kind of thing and returns what of `expected` is not in `served`. */
function compare(what, expected, served, log) {
  const have = new Set(served);
  const missing = expected.filter((x) => !have.has(x));
  log(`  ${missing.length ? '✗' : '✓'} ${what}: ${expected.length - missing.length} of ${expected.length}`);
  return missing.map((x) => `${what}: ${x}`);
}

/** Every schema file the build wrote (dist/), as the editor asks for it: `schemas/<type>/<version>[/<res>/<op>].json`. */
function builtSchemas() {
  const req = createRequire(path.join(REPO_ROOT, 'package.json'));
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const { schemaFilesOf } = req(path.join(REPO_ROOT, 'dist/nodes/outputSchemas.js'));
  return pkg.n8n.nodes.flatMap((file) => {
    const NodeClass = Object.values(req(path.join(REPO_ROOT, file))).find((v) => typeof v === 'function');
    const { description } = new NodeClass();
    return schemaFilesOf(description).map(({ path: rel, schema }) => ({
      route: `schemas/${PACKAGE_NAME}.${description.name}/${rel.replace(/^v/, '')}`,
      schema,
    }));
  });
}

async function fetchJson(baseUrl, route) {
  const res = await fetch(new URL(route, baseUrl), { signal: AbortSignal.timeout(30000) });
  return res.status === 200 ? await res.json() : undefined;
}

/** The schemas n8n serves for this package: each built file, byte for byte the same JSON. */
async function checkSchemas(baseUrl, log) {
  const built = builtSchemas();
  const wrong = [];
  for (const { route, schema } of built) {
    const served = await fetchJson(baseUrl, route);
    if (JSON.stringify(served) !== JSON.stringify(schema)) wrong.push(`output schema not served as built: GET /${route}`);
  }
  log(`  ${wrong.length ? '✗' : '✓'} output schemas served (editor's schema preview): ${built.length - wrong.length} of ${built.length}`);
  return wrong;
}

/**
 * Each example's pinned items against the schema n8n serves for that node and version: one sample on the trigger of
 * every example started by one of our triggers (the action-node examples, started by n8n's Webhook node, pin none).
 */
async function checkPinnedSamples(baseUrl, log) {
  const problems = [];
  let checked = 0;
  let startedByOurs = 0;
  for (const { file } of exampleWorkflows()) {
    const wf = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
    if (wf.nodes.some((n) => n.type.startsWith(`${PACKAGE_NAME}.`) && n.type.endsWith('Trigger'))) startedByOurs++;
    for (const [name, items] of Object.entries(wf.pinData ?? {})) {
      const node = wf.nodes.find((n) => n.name === name);
      if (!node?.type.startsWith(`${PACKAGE_NAME}.`)) continue;
      const version = String(node.typeVersion).split('.').concat(['0', '0']).slice(0, 3).join('.');
      const route = `schemas/${node.type}/${version}.json`;
      const schema = await fetchJson(baseUrl, route);
      if (!schema) {
        problems.push(`${file}: no schema served for ${name} (GET /${route})`);
        continue;
      }
      const validate = ajv.compile(schema);
      for (const { json } of items) {
        checked++;
        if (!validate(json)) {
          const why = validate.errors.map((e) => `${e.instancePath || '(item)'} ${e.message}`).join('; ');
          problems.push(`${file}: pinned item of ${name} does not match its schema: ${why}`);
        }
      }
    }
  }
  if (checked !== startedByOurs) problems.push(`pinned sample items: ${checked} for ${startedByOurs} example workflows started by one of our triggers (one each expected)`);
  log(`  ${problems.length ? '✗' : '✓'} pinned sample items valid against the served schema: ${checked} checked`);
  return problems;
}

export async function checkDevInstance(baseUrl, { log }) {
  const cookie = await setupOwner(baseUrl, OWNER);
  const expected = packageTypes();
  const names = (list) => list.map((x) => x.name);

  // The editor loads the two type documents at start-up (with the session cookie) to know every node and credential.
  return [
    ...compare('node types of this package served', expected.nodes, names(await restGet(baseUrl, cookie, 'types/nodes.json')), log),
    ...compare('credential types served', expected.credentials, names(await restGet(baseUrl, cookie, 'types/credentials.json')), log),
    ...compare('example workflows imported', names(exampleWorkflows()), names(await restGet(baseUrl, cookie, 'rest/workflows')), log),
    ...compare('placeholder credentials imported', names(exampleCredentials()), names(await restGet(baseUrl, cookie, 'rest/credentials')), log),
    ...(await checkSchemas(baseUrl, log)),
    ...(await checkPinnedSamples(baseUrl, log)),
  ];
}
