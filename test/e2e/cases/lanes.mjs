// Every provider case's credentials and trigger node (./types.ts). One line per provider; the same order as
// ./index.ts. Read by ../callbacks.setup.mjs and ../hostile/hostile.setup.mjs.
import btcpay from './btcpay.lanes.mjs';
import coinpayments from './coinpayments.lanes.mjs';
import heleket from './heleket.lanes.mjs';
import nowpayments from './nowpayments.lanes.mjs';
import oxapay from './oxapay.lanes.mjs';

/** @type {Array<(ctx: object) => { id: string, credentials: object[], trigger: object, narrow: object, extra?: Record<string, object> }>} */
export const CASE_LANES = [oxapay, heleket, coinpayments, nowpayments, btcpay];
