/**
 * The BTCPay Server Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as
 * BTCPay's Greenfield reference describes its webhook events (`swagger.template.webhooks.json`: `WebhookEvent`,
 * `WebhookInvoiceEvent`, `WebhookInvoice…Event`; the payment as `Payment` of `swagger.template.invoices.json`) and as
 * the server sends them (`BTCPayServer.Client/Models/WebhookInvoiceEvent.cs`, `WebhookPayoutEvent.cs`,
 * `WebhookPaymentRequestEvent.cs`). One schema for every type: which members a delivery has depends on its `type`
 * (each says for which); BTCPay adds types and members over time, so the payload stays open. Decimals are strings.
 */
import {
	flag,
	integer,
	nullableText,
	object,
	text,
	triggerOutput,
	type JsonSchema,
	type PropertiesOf,
	type SchemaOf,
} from '../shared/outputSchema';
import { BTCPAY_EVENTS, EVENT_CATEGORIES } from './events';
import type { BtcPayExtras } from './payload';

/** An invoice's metadata (`InvoiceMetadata`): free JSON; these members are the ones BTCPay names and this package sets. */
export const invoiceMetadata = (description: string): JsonSchema =>
	object(description, {
		orderId: nullableText('The order ID from an external system (e.g. your shop); BTCPay indexes it for searches'),
		orderUrl: nullableText('A URL linking back to the order page of the external system'),
		itemDesc: nullableText('The item description of the purchased item'),
		buyerEmail: nullableText("The buyer's email"),
		posData: { type: 'object', description: 'A custom JSON object shown in the invoice details (Point of Sale)' },
	});

const nullableId = (description: string): SchemaOf<string | null> => ({ type: ['string', 'null'], description });

const extra: PropertiesOf<BtcPayExtras> = {
	storeId: nullableId('The store the event belongs to (storeId); null for an event without a store'),
	webhookId: nullableId('The id of the BTCPay webhook that sent the delivery (webhookId)'),
	deliveryId: nullableId('The id of this delivery (deliveryId); a redelivery gets a new one'),
	originalDeliveryId: nullableId(
		'The id of the first delivery of this event (originalDeliveryId), kept on every redelivery; the dedupeKey',
	),
	isRedelivery: { type: 'boolean', description: 'True if this delivery is a redelivery (isRedelivery)' },
	isTest: {
		type: 'boolean',
		description:
			'True for a delivery of the "Test webhook" button of BTCPay Server before 2.3 (made-up ids __test__…__test__): not a real invoice, payout or payment request',
	},
};

export const btcPayTriggerOutput = triggerOutput({
	provider: 'btcpay',
	events: EVENT_CATEGORIES,
	statuses: BTCPAY_EVENTS.map(({ value }) => value),
	fields: {
		event: "the kind of BTCPay's event type: invoice, payout, paymentRequest, pendingTransaction, subscription, or other",
		status: "BTCPay's event type (type), e.g. InvoiceSettled",
		id: 'invoiceId, payoutId or paymentRequestId',
		orderId: "the invoice's metadata.orderId (invoice events)",
		amount:
			"payment.value of a payment event (InvoiceReceivedPayment, InvoicePaymentSettled), in the payment method's currency; null for every other event (invoice events carry no price: BTCPay Server node, Invoice → Get)",
		currency: 'the currency code of paymentMethodId (BTC-CHAIN → BTC), payment events only',
		network: 'paymentMethodId of a payment event (BTC-CHAIN, BTC-LN, …)',
		txHash: "the txid of an on-chain payment (payment.id is <txid>-<output index>); null for Lightning",
		confirmations: 'BTCPay sends none',
		dedupeKey: 'originalDeliveryId (the same on every redelivery of the event)',
	},
	extra,
	payload: {
		description: 'The webhook event BTCPay Server sent, parsed and unchanged',
		properties: {
			deliveryId: text('The delivery id of the webhook'),
			webhookId: text('The id of the webhook'),
			originalDeliveryId: text('If this delivery is a redelivery, the delivery id of the original delivery'),
			isRedelivery: flag('True if this delivery is a redelivery'),
			type: text('The type of this event, e.g. InvoiceCreated, InvoiceSettled, PayoutUpdated'),
			timestamp: integer('The timestamp when this delivery has been created (Unix seconds)'),
			storeId: text('The store id of the event'),
			invoiceId: text('Invoice events: the invoice id of the invoice\'s event'),
			metadata: invoiceMetadata("Invoice events: the invoice's metadata (orderId, orderUrl, itemDesc, buyerEmail, posData, …)"),
			manuallyMarked: flag(
				'InvoiceSettled, InvoiceInvalid: whether the invoice has been manually marked settled or invalid',
			),
			overPaid: flag('InvoiceSettled, InvoiceProcessing: whether this invoice has received more money than expected'),
			partiallyPaid: flag('InvoiceExpired: whether the invoice received some payments before being expired'),
			afterExpiration: flag(
				'InvoiceReceivedPayment, InvoicePaymentSettled: whether this payment has been sent after expiration of the invoice',
			),
			paymentMethodId: text(
				'InvoiceReceivedPayment, InvoicePaymentSettled: the payment method used for this payment, e.g. BTC-CHAIN, BTC-LN (BTCPay 2.0+)',
			),
			paymentMethod: text('InvoiceReceivedPayment, InvoicePaymentSettled: the payment method (servers before 2.0)'),
			payment: object('InvoiceReceivedPayment, InvoicePaymentSettled: details about the payment', {
				id: text('A unique identifier for this payment (on-chain: <txid>-<output index>)'),
				receivedDate: integer('The date the payment was recorded (Unix seconds)'),
				value: text('The value of the payment, in the payment method\'s currency (a decimal string)'),
				fee: text('The fee paid for the payment (a decimal string)'),
				status: text('The status of the payment: Invalid, Processing or Settled'),
				destination: text('The destination the payment was made to'),
			}),
			payoutId: text('Payout events: the payout id'),
			pullPaymentId: text('Payout events: the pull payment the payout belongs to'),
			payoutState: text(
				'Payout events: the state of the payout: AwaitingApproval, AwaitingPayment, InProgress, Completed or Cancelled',
			),
			paymentRequestId: text('Payment request events: the payment request id'),
			status: text('Payment request events: the status of the payment request: Pending, Processing, Completed or Expired'),
		},
	},
});
