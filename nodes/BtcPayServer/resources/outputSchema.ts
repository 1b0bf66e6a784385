/**
 * The BTCPay Server action node's output per resource and operation, for the editor's schema preview
 * (nodes/shared/outputSchema.ts). Every operation answers invoices, one item each: BTCPay's `InvoiceData` as the
 * Greenfield reference documents it (`swagger.template.invoices.json`: `InvoiceData`, `InvoiceMetadata`,
 * `CheckoutOptions`, `ReceiptOptions`; `GreenfieldInvoiceController.ToModel`). BTCPay's objects stay open (it adds
 * members over time). Decimals are strings, times Unix seconds.
 */
import { flag, integer, list, nullable, nullableText, object, text, type JsonSchema, type NodeOutput } from '../../shared/outputSchema';
import { invoiceMetadata } from '../outputSchema';

const INVOICE_STATUSES = ['New', 'Processing', 'Expired', 'Invalid', 'Settled'];

const nullableNumber = (description: string): JsonSchema => ({ type: ['number', 'null'], description });
const nullableFlag = (description: string): JsonSchema => ({ type: ['boolean', 'null'], description });

/** An invoice as `POST`/`GET …/invoices[/{invoiceId}]` answer it. */
const invoice = object('A BTCPay Server invoice', {
	id: text('The identifier of the invoice'),
	storeId: text('The store identifier that the invoice belongs to'),
	amount: text(
		'The amount of the invoice, as a decimal string (zero for a top-up invoice that is paid after invoice expiry)',
		{ examples: ['5.00'] },
	),
	paidAmount: text('The actual amount paid by the customer/buyer, as a decimal string', { examples: ['5.00'] }),
	currency: text('The currency of the invoice', { examples: ['USD'] }),
	type: text('The type of the invoice: Standard, or TopUp (no amount: any payment counts as paid in full)'),
	checkoutLink: text('The link to the checkout page, where you can redirect the customer'),
	createdTime: integer('The creation time of the invoice (Unix seconds)'),
	expirationTime: integer('The expiration time of the invoice (Unix seconds)'),
	monitoringExpiration: integer('Until when BTCPay monitors the invoice for any changes (Unix seconds)'),
	status: text('The status of the invoice', { examples: INVOICE_STATUSES }),
	additionalStatus: text('An additional status that describes why an invoice is in its current status', {
		examples: ['None', 'PaidLate', 'PaidPartial', 'Marked', 'Invalid', 'PaidOver'],
	}),
	availableStatusesForManualMarking: list('The statuses the invoice can be manually marked as', text('An invoice status')),
	archived: flag('true if the invoice is archived'),
	metadata: invoiceMetadata("The invoice's metadata: free JSON (orderId, orderUrl, itemDesc, buyerEmail, posData, …)"),
	checkout: nullable(
		object('Settings that customize the checkout flow', {
			speedPolicy: nullableText('How many confirmations settle the invoice: HighSpeed, MediumSpeed, LowMediumSpeed or LowSpeed'),
			paymentMethods: nullable(list('The payment methods of this invoice (e.g. BTC-CHAIN, BTC-LN)', text('A payment method id'))),
			defaultPaymentMethod: nullableText('The payment method the checkout shows first'),
			lazyPaymentMethods: nullableFlag('Whether payment methods are enabled individually upon user interaction'),
			expirationMinutes: nullableNumber('The number of minutes after which the invoice becomes expired'),
			monitoringMinutes: nullableNumber('The number of minutes after expiry during which BTCPay still watches for payments'),
			paymentTolerance: nullableNumber('An underpayment, in percent, that still counts the invoice as paid'),
			redirectURL: nullableText('Where the customer goes back to once the invoice is paid ({InvoiceId}, {OrderId} replaced)'),
			redirectAutomatically: nullableFlag('Whether the checkout redirects to redirectURL automatically once paid'),
			defaultLanguage: nullableText('The language code of the checkout page (e.g. en-US, fr-FR)'),
		}),
	),
	receipt: nullable(
		object('Settings of the public receipt', {
			enabled: nullableFlag('Whether a public receipt page is accessible once the invoice is settled'),
			showQR: nullableFlag('Whether the receipt page shows its QR code'),
			showPayments: nullableFlag('Whether the receipt page lists the payments'),
		}),
	),
});

export const btcPayActionOutput: NodeOutput = {
	operations: {
		invoice: { create: invoice, get: invoice, getMany: invoice },
	},
};
