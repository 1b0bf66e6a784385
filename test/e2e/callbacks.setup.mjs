// The provider cases' lanes (cases/types.ts): for every case its credentials and three lanes in one workflow —
// `callbacks.<id>` (trigger → capture), `callbacks.<id>-narrow` (the case's narrow trigger → capture) and
// `callbacks.<id>-dedupe` (trigger → Remove Duplicates → capture) — plus `callbacks.<id>-<name>` for each of the
// case's `extra` triggers (→ capture). The scenarios are callbacks.e2e.ts.
import { CASE_LANES } from './cases/lanes.mjs';
import { lane, removeDuplicates, workflow } from './harness/workflows.mjs';

/** @param ctx the setup context (see harness/workflows.mjs) */
export default function callbacksSetup(ctx) {
  if (CASE_LANES.length === 0) return {};
  const cases = CASE_LANES.map((lanesOf) => lanesOf(ctx));
  const credentials = [...new Set(cases.flatMap((c) => c.credentials))];
  const wf = workflow(ctx, {
    id: 'e2eCallbacksWf01',
    name: 'E2E provider callbacks',
    lanes: cases.flatMap((c) => [
      lane(c.id, c.trigger),
      lane(`${c.id}-narrow`, c.narrow),
      lane(`${c.id}-dedupe`, c.trigger, [removeDuplicates()]),
      ...Object.entries(c.extra ?? {}).map(([name, start]) => lane(`${c.id}-${name}`, start)),
    ]),
  });
  return { credentials, workflows: [wf] };
}
