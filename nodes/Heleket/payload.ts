/**
 * Heleket webhook payloads: the shapes and statuses of the Cryptomus scheme (doc.heleket.com methods/payments/webhook,
 * payments/payment-statuses, payouts/webhook, payouts/payout-statuses list the same fields and the same statuses), so
 * only the data differs: the item's `provider`, and which statuses are final when a body carries no `is_final` —
 * Heleket's SDKs publish that list (`Heleket/php-sdk` src/Enum/PaymentStatus.php, PayoutStatus.php; `Heleket/go-sdk`
 * status.go): unlike the state-derived Cryptomus table, `wrong_amount` ("underpaid, no further attempts allowed")
 * and `locked` ("AML hold") are final.
 */
import type { JsonNode } from '../shared/losslessJson';
import type { NormalizedFields } from '../shared/types';
import {
	normalizeCryptomusScheme,
	PAYMENT_STATES,
	PAYOUT_STATES,
	type CryptomusSchemeStatuses,
} from '../Cryptomus/payload';

export const HELEKET_STATUSES: CryptomusSchemeStatuses = {
	provider: 'heleket',
	payment: {
		states: PAYMENT_STATES,
		final: new Set(['paid', 'paid_over', 'wrong_amount', 'fail', 'cancel', 'system_fail', 'refund_fail', 'refund_paid', 'locked']),
	},
	payout: { states: PAYOUT_STATES, final: new Set(['paid', 'fail', 'cancel', 'system_fail']) },
};

/** A verified Heleket body as normalized fields. */
export function normalizeHeleket(root: JsonNode): NormalizedFields | undefined {
	return normalizeCryptomusScheme(root, HELEKET_STATUSES);
}
