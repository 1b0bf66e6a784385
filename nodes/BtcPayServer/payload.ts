/**
 * BTCPay Server webhook deliveries and their mapping to the normalized item.
 *
 * Every delivery carries `deliveryId`, `webhookId`, `originalDeliveryId`, `isRedelivery`, `type` and `timestamp`;
 * store events add `storeId`; invoice events `invoiceId` and `metadata` (the invoice's metadata: `orderId`, …),
 * payment events `afterExpiration`, `paymentMethodId` (`paymentMethod` before v2.0) and `payment {id, receivedDate,
 * value, fee, status, destination}`, payout events `payoutId`, `pullPaymentId`, `payoutState`, payment request events
 * `paymentRequestId`, `status` (sources: `swagger.template.webhooks.json`; `BTCPayServer.Client/Models/
 * WebhookInvoiceEvent.cs`; `Plugins/Webhooks/TriggerProviders/InvoiceTriggerProvider.cs`).
 *
 * The invoice's amount and currency are in no invoice event: `amount`/`currency` are filled only from a payment event's
 * `payment.value` and the currency code of its `paymentMethodId` (`BTC-CHAIN` → `BTC`), else `null`. Look the invoice
 * up (BTCPay Server node, Invoice → Get) for its price.
 *
 * `dedupeKey` is the delivery's `originalDeliveryId`: BTCPay sets it to the delivery's own id on the first attempt and
 * keeps it on every automatic or manual redelivery, which gets a new `deliveryId` and `isRedelivery: true`
 * (`HostedServices/WebhookProviderHostedService.cs`, `Plugins/Webhooks/WebhookSender.cs` `CreateRedeliveryRequest`).
 * Early servers wrote it `orignalDeliveryId` (a typo BTCPay still reads back, `WebhookEvent.cs`); both are read.
 *
 * Pure: imports only the package's own pure helpers.
 */
import { getMember, textAt, toPlain, type JsonNode } from '../shared/losslessJson';
import { dedupeKey, type NormalizedFields, type State } from '../shared/types';
import { eventCategory } from './events';

/** Invoice event types → normalized state (overridden by `overPaid` on InvoiceSettled). */
const INVOICE_STATES: Record<string, State> = {
	InvoiceCreated: 'pending',
	InvoiceReceivedPayment: 'confirming',
	InvoicePaymentSettled: 'confirming',
	InvoiceProcessing: 'confirming',
	InvoiceSettled: 'completed',
	InvoiceExpired: 'expired',
	InvoiceExpiredPaidPartial: 'partial',
	// The invoice stays Expired, additional status PaidLate (btcpayserver/btcpayserver#4146): the merchant decides.
	InvoicePaidAfterExpiration: 'expired',
	InvoiceInvalid: 'failed',
	InvoiceRefund: 'refunding',
};

/** `payoutState` of payout events (`PayoutData.cs` `PayoutState`). */
const PAYOUT_STATES: Record<string, State> = {
	AwaitingApproval: 'pending',
	AwaitingPayment: 'pending',
	InProgress: 'confirming',
	Completed: 'completed',
	Cancelled: 'cancelled',
};

/** `status` of payment request events (`PaymentRequestBaseData.cs` `PaymentRequestStatus`). */
const PAYMENT_REQUEST_STATES: Record<string, State> = {
	Pending: 'pending',
	Processing: 'confirming',
	Completed: 'completed',
	Expired: 'expired',
};

const FINAL_STATES: ReadonlySet<State> = new Set(['completed', 'overpaid', 'failed', 'cancelled', 'expired', 'refunded']);

/** What BTCPay's pre-2.3 "Test webhook" button puts in the ids it makes up: `__test__<guid>__test__`. */
const TEST_ID = /^__test__.*__test__$/;

/** An on-chain payment's id is `<txid>-<output index>` (btcpayserver/btcpayserver#4146); Lightning ids are not. */
const ONCHAIN_PAYMENT_ID = /^([0-9a-fA-F]{64})-\d+$/;

const lookup = (table: Record<string, State>, key: string | undefined): State | undefined =>
	key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

function isTrue(node: JsonNode | undefined): boolean {
	return node?.type === 'boolean' && node.value;
}

/** The normalized state of a delivery of `type` (and its state-bearing members). */
export function btcPayState(type: string, root: JsonNode): State {
	if (type === 'InvoiceSettled' && isTrue(getMember(root, 'overPaid'))) return 'overpaid';
	const invoice = lookup(INVOICE_STATES, type);
	if (invoice) return invoice;
	if (type.startsWith('Payout')) return lookup(PAYOUT_STATES, textAt(root, 'payoutState')) ?? 'pending';
	if (type === 'PaymentRequestArchived') return 'cancelled';
	if (type === 'PaymentRequestCompleted') return 'completed';
	if (type.startsWith('PaymentRequest')) return lookup(PAYMENT_REQUEST_STATES, textAt(root, 'status')) ?? 'pending';
	return 'unknown';
}

/** The id of what the event is about: the invoice, payout, payment request, or whatever `…Id` the type names. */
function subjectId(root: JsonNode): string | null {
	return textAt(root, 'invoiceId') ?? textAt(root, 'payoutId') ?? textAt(root, 'paymentRequestId') ?? null;
}

/** Provider-specific top-level fields of the item (besides the normalized ones). */
export interface BtcPayExtras {
	[key: string]: string | boolean | null;
	storeId: string | null;
	webhookId: string | null;
	deliveryId: string | null;
	originalDeliveryId: string | null;
	isRedelivery: boolean;
	/** A delivery from BTCPay's "Test webhook" button (ids `__test__…__test__`, servers before 2.3): not a real event. */
	isTest: boolean;
}

export interface BtcPayDelivery {
	fields: NormalizedFields;
	extra: BtcPayExtras;
}

/**
 * Maps a verified delivery to the normalized fields and the BTCPay extras. `undefined` when the body is not a
 * BTCPay event (no text `type`).
 */
export function normalizeBtcPay(root: JsonNode): BtcPayDelivery | undefined {
	const type = textAt(root, 'type');
	if (root.type !== 'object' || getMember(root, 'type')?.type !== 'string' || !type) return undefined;
	const state = btcPayState(type, root);
	const id = subjectId(root);
	const deliveryId = textAt(root, 'deliveryId') ?? null;
	const originalDeliveryId = textAt(root, 'originalDeliveryId') ?? textAt(root, 'orignalDeliveryId') ?? null;
	const payment = getMember(root, 'payment');
	const paymentMethod = textAt(root, 'paymentMethodId') ?? textAt(root, 'paymentMethod') ?? null;
	const paymentId = textAt(payment, 'id');
	const firstDelivery = originalDeliveryId ?? deliveryId;
	return {
		fields: {
			provider: 'btcpay',
			event: eventCategory(type),
			status: type,
			state,
			isFinal: FINAL_STATES.has(state),
			id,
			orderId: textAt(root, 'metadata', 'orderId') ?? null,
			amount: payment?.type === 'object' ? (textAt(payment, 'value') ?? null) : null,
			currency: payment?.type === 'object' && paymentMethod ? (/^[A-Za-z0-9]+/.exec(paymentMethod)?.[0] ?? null) : null,
			network: payment?.type === 'object' ? paymentMethod : null,
			txHash: ONCHAIN_PAYMENT_ID.exec(paymentId ?? '')?.[1] ?? null,
			confirmations: null,
			dedupeKey: firstDelivery ?? dedupeKey(type, id, textAt(root, 'timestamp')),
			payload: toPlain(root),
		},
		extra: {
			storeId: textAt(root, 'storeId') ?? null,
			webhookId: textAt(root, 'webhookId') ?? null,
			deliveryId,
			originalDeliveryId,
			isRedelivery: isTrue(getMember(root, 'isRedelivery')),
			isTest: [id, originalDeliveryId].some((value) => value !== null && TEST_ID.test(value)),
		},
	};
}
