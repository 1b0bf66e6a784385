/** Every provider case (./types.ts). One line per provider; the same order as ./lanes.mjs. */
import oxapay from './oxapay';
import type { ProviderCase } from './types';

export const CASES: ProviderCase[] = [oxapay];
