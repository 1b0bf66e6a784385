/** Every provider case (./types.ts). One line per provider; the same order as ./lanes.mjs. */
import btcpay from './btcpay';
import coinpayments from './coinpayments';
import heleket from './heleket';
import nowpayments from './nowpayments';
import oxapay from './oxapay';
import type { ProviderCase } from './types';

export const CASES: ProviderCase[] = [oxapay, heleket, coinpayments, nowpayments, btcpay];
