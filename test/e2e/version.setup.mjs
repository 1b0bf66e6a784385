// Every trigger at node version 1.1 (what n8n creates now; the other scenario files use version 1, as saved
// workflows have it), start node → capture. Read back as `run.lane('version.<trigger>')` by version.e2e.ts.
import { packageTriggers } from './bench/bench.setup.mjs';
import { lane, workflow } from './harness/workflows.mjs';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function versionSetup(ctx) {
  const { credentials, starts } = packageTriggers({ idPrefix: 'e2eV11', typeVersion: 1.1 });
  const wf = workflow(ctx, {
    id: 'e2eVersion11Wf01',
    name: 'E2E triggers at version 1.1',
    lanes: Object.entries(starts).map(([name, start]) => lane(name, start)),
  });
  return { credentials: Object.values(credentials), workflows: [wf] };
}
