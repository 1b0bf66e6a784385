// Every provider case's credentials and trigger node (./types.ts). One line per provider; the same order as
// ./index.ts. Read by ../callbacks.setup.mjs and ../hostile/hostile.setup.mjs.
import oxapayLanes from './oxapay.lanes.mjs';

/** @type {Array<(ctx: object) => { id: string, credentials: object[], trigger: object, narrow: object }>} */
export const CASE_LANES = [oxapayLanes];
