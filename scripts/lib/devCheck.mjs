// `npm run dev -- --check`: asks the running dev n8n, through the same REST routes the editor uses, whether it
// serves every node and credential type of this package and holds every example workflow and placeholder
// credential. Returns the list of what is missing (empty = all there).
import { setupOwner, restGet } from './n8n.mjs';
import { exampleCredentials, exampleWorkflows, packageTypes } from './devInstance.mjs';

const OWNER = { email: 'dev-check@example.com', firstName: 'Dev', lastName: 'Check', password: 'Dev-Check-Passw0rd' };

/** Logs one line for a kind of thing and returns what of `expected` is not in `served`. */
function compare(what, expected, served, log) {
  const have = new Set(served);
  const missing = expected.filter((x) => !have.has(x));
  log(`  ${missing.length ? '✗' : '✓'} ${what}: ${expected.length - missing.length} of ${expected.length}`);
  return missing.map((x) => `${what}: ${x}`);
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
  ];
}
