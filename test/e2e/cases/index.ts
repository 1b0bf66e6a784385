/** Every provider case (./types.ts). One line per provider; the same order as ./lanes.mjs. */
import btcpay from './btcpay';
import type { ProviderCase } from './types';

export const CASES: ProviderCase[] = [btcpay];
