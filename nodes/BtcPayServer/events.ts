/**
 * BTCPay Server webhook event types: what the trigger offers to select and registers as `authorizedEvents`.
 *
 * Sources: the Greenfield reference lists InvoiceCreated … PayoutUpdated and the subscription events
 * (`swagger.template.webhooks.json`, `x-webhooks` and `WebhookEvent.type`); the server also sends the invoice events
 * `InvoiceExpiredPaidPartial`, `InvoicePaidAfterExpiration` (since v2.2.0) and `InvoiceRefund` (since v2.4.1), and
 * `PaymentRequestCompleted` (since v2.2.0), which the reference does not list (`BTCPayServer.Client/Models/
 * WebhookEventType.cs`, `BTCPayServer/Plugins/Webhooks/WebhooksPlugin.cs`). BTCPay adds types over time, so a
 * delivery of a type not listed here is still accepted when "every event" is selected (state `unknown`).
 *
 * Pure: no imports.
 */
/** The selection meaning "every event BTCPay sends, including types added later" (`authorizedEvents.everything`). */
export const EVERY_EVENT = '*';

export const BTCPAY_EVENTS: ReadonlyArray<{ value: string; name: string; description: string }> = [
	{ value: 'InvoiceCreated', name: 'Invoice Created', description: 'A new invoice was created' },
	{ value: 'InvoiceReceivedPayment', name: 'Invoice Received Payment', description: 'A payment to an invoice was seen (not yet confirmed; may be partial)' },
	{ value: 'InvoicePaymentSettled', name: 'Invoice Payment Settled', description: 'One payment of an invoice got enough confirmations' },
	{ value: 'InvoiceProcessing', name: 'Invoice Processing', description: 'The invoice is paid in full and waits for confirmations' },
	{ value: 'InvoiceSettled', name: 'Invoice Settled', description: 'The invoice is paid and confirmed: deliver the order' },
	{ value: 'InvoiceExpired', name: 'Invoice Expired', description: 'The invoice expired before it was paid in full' },
	{ value: 'InvoiceExpiredPaidPartial', name: 'Invoice Expired Paid Partial', description: 'The invoice expired after a partial payment (BTCPay 2.2+)' },
	{ value: 'InvoicePaidAfterExpiration', name: 'Invoice Paid After Expiration', description: 'A payment arrived after the invoice expired (BTCPay 2.2+)' },
	{ value: 'InvoiceInvalid', name: 'Invoice Invalid', description: 'The invoice failed to confirm or was marked invalid' },
	{ value: 'InvoiceRefund', name: 'Invoice Refund', description: 'A refund was created for the invoice (BTCPay 2.4.1+)' },
	{ value: 'PaymentRequestCreated', name: 'Payment Request Created', description: 'A payment request was created' },
	{ value: 'PaymentRequestUpdated', name: 'Payment Request Updated', description: 'A payment request was changed' },
	{ value: 'PaymentRequestStatusChanged', name: 'Payment Request Status Changed', description: 'A payment request changed status' },
	{ value: 'PaymentRequestCompleted', name: 'Payment Request Completed', description: 'A payment request was paid in full (BTCPay 2.2+)' },
	{ value: 'PaymentRequestArchived', name: 'Payment Request Archived', description: 'A payment request was archived' },
	{ value: 'PayoutCreated', name: 'Payout Created', description: 'A payout was created' },
	{ value: 'PayoutApproved', name: 'Payout Approved', description: 'A payout was approved' },
	{ value: 'PayoutUpdated', name: 'Payout Updated', description: 'A payout changed state' },
];

/** The kind of event (the item's `event`) from its type: `invoice`, `payout`, `paymentRequest`, … or `other`. */
export function eventCategory(type: string): string {
	if (type.startsWith('Invoice')) return 'invoice';
	if (type.startsWith('Payout')) return 'payout';
	if (type.startsWith('PaymentRequest')) return 'paymentRequest';
	if (type.startsWith('PendingTransaction')) return 'pendingTransaction';
	if (/^(Subscriber|PaymentReminder$|PlanStarted$|CreditRefunded$)/.test(type)) return 'subscription';
	return 'other';
}

/** Whether a selection (the node's "Events") lets a delivery of `type` start the workflow. */
export function isSelected(selection: readonly string[], type: string): boolean {
	return selection.includes(EVERY_EVENT) || selection.includes(type);
}
