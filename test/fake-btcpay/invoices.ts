/**
 * Invoices as the Greenfield API keeps them (`Controllers/GreenField/GreenfieldInvoiceController.cs`, schema
 * `InvoiceData` of `swagger.template.invoices.json`), and the webhook events their life sends
 * (`Plugins/Webhooks/TriggerProviders/InvoiceTriggerProvider.cs`).
 *
 * Create: `amount` as a decimal string or number (kept as the text sent: C#'s decimal keeps "10.50"), `currency`
 * (the store's default, USD here, when empty), `metadata`, `checkout`; 422 for a negative or unreadable amount, an
 * expiration under 30 s, a payment tolerance outside 0–100, an unknown payment method; InvoiceCreated is sent.
 * `pay()` plays the payer (InvoiceReceivedPayment, InvoiceProcessing), `settle()` the confirmations
 * (InvoicePaymentSettled, InvoiceSettled), `expire()` the clock (InvoiceExpired).
 */
import { apiError, base58Id, ok, validationError, type Answer } from './api';
import type { WebhookStore } from './webhooks';

export type Invoice = Record<string, unknown> & { id: string; storeId: string; status: string; createdTime: number; metadata: Record<string, unknown> };

const DECIMAL = /^\d+(\.\d+)?$/;
/** Payment methods a store with an on-chain wallet and Lightning offers (`PaymentMethodId` schema). */
const PAYMENT_METHODS = ['BTC-CHAIN', 'BTC-LN', 'BTC-LNURL'];
const SPEED_POLICIES = ['HighSpeed', 'MediumSpeed', 'LowMediumSpeed', 'LowSpeed'];

export interface Payment {
	paymentMethodId: string;
	value: string;
	fee?: string;
	/** Default: a made-up on-chain outpoint `<txid>-0`. */
	id?: string;
}

export class InvoiceStore {
	readonly invoices: Invoice[] = [];
	/** The last payment of each invoice (what InvoicePaymentSettled reports), kept out of the API answers. */
	private readonly payments = new Map<string, { paymentMethodId: string; model: Record<string, unknown> }>();

	constructor(
		private readonly webhooks: WebhookStore,
		private readonly baseUrl: () => string,
	) {}

	create(storeId: string, body: Record<string, unknown>): Answer {
		const errors: Array<{ path: string; message: string }> = [];
		const amount = body.amount === undefined || body.amount === null ? null : String(body.amount);
		if (amount !== null && !DECIMAL.test(amount)) {
			errors.push({ path: 'amount', message: amount.startsWith('-') ? 'The amount should be 0 or more.' : 'Invalid amount' });
		}
		const checkout = (body.checkout ?? {}) as Record<string, unknown>;
		const methods = Array.isArray(checkout.paymentMethods) ? checkout.paymentMethods.map(String) : undefined;
		methods?.forEach((m, i) => {
			if (!PAYMENT_METHODS.includes(m)) errors.push({ path: `checkout.paymentMethods[${i}]`, message: 'Invalid PaymentMethodId' });
		});
		if (typeof checkout.expirationMinutes === 'number' && checkout.expirationMinutes < 0.5) {
			errors.push({ path: 'checkout.expirationMinutes', message: 'Expiration time must be at least 30 seconds' });
		}
		if (typeof checkout.paymentTolerance === 'number' && (checkout.paymentTolerance < 0 || checkout.paymentTolerance > 100)) {
			errors.push({ path: 'checkout.paymentTolerance', message: 'PaymentTolerance can only be between 0 and 100 percent' });
		}
		if (checkout.speedPolicy !== undefined && !SPEED_POLICIES.includes(String(checkout.speedPolicy))) {
			errors.push({ path: 'checkout.speedPolicy', message: 'Invalid speedPolicy' });
		}
		if (errors.length > 0) return validationError(errors);

		const now = Math.floor(Date.now() / 1000);
		const expirationMinutes = typeof checkout.expirationMinutes === 'number' ? checkout.expirationMinutes : 15;
		const id = base58Id();
		const invoice: Invoice = {
			id,
			storeId,
			amount: amount ?? '0',
			paidAmount: '0',
			currency: typeof body.currency === 'string' && body.currency !== '' ? body.currency : 'USD',
			type: amount === null ? 'TopUp' : 'Standard',
			checkoutLink: `${this.baseUrl()}/i/${id}`,
			createdTime: now,
			expirationTime: now + Math.round(expirationMinutes * 60),
			monitoringExpiration: now + Math.round(expirationMinutes * 60) + 1440 * 60,
			status: 'New',
			additionalStatus: 'None',
			availableStatusesForManualMarking: ['Settled', 'Invalid'],
			archived: false,
			metadata: (body.metadata ?? {}) as Record<string, unknown>,
			checkout: {
				speedPolicy: checkout.speedPolicy ?? 'MediumSpeed',
				paymentMethods: methods ?? PAYMENT_METHODS.slice(0, 2),
				defaultPaymentMethod: checkout.defaultPaymentMethod ?? null,
				expirationMinutes,
				monitoringMinutes: checkout.monitoringMinutes ?? 1440,
				paymentTolerance: checkout.paymentTolerance ?? 0,
				redirectURL: checkout.redirectURL ?? null,
				redirectAutomatically: checkout.redirectAutomatically ?? false,
				defaultLanguage: checkout.defaultLanguage ?? null,
			},
			receipt: { enabled: true, showQR: true, showPayments: true },
		};
		this.invoices.push(invoice);
		void this.event(invoice, 'InvoiceCreated', []);
		return ok(invoice);
	}

	find(storeId: string, id: string): Invoice | undefined {
		return this.invoices.find((i) => i.storeId === storeId && i.id === id);
	}

	get(storeId: string, id: string): Answer {
		const invoice = this.find(storeId, id);
		return invoice ? ok(invoice) : apiError(404, 'invoice-not-found', 'The invoice was not found');
	}

	/** `GET …/invoices`: newest first; `orderId` and `status` repeat; dates are Unix seconds; `skip`/`take` page. */
	list(storeId: string, query: URLSearchParams): Answer {
		const orderIds = query.getAll('orderId');
		const statuses = query.getAll('status');
		const startDate = query.get('startDate');
		const endDate = query.get('endDate');
		if (startDate !== null && endDate !== null && Number(startDate) > Number(endDate)) {
			return validationError([
				{ path: 'startDate', message: 'startDate should not be above endDate' },
				{ path: 'endDate', message: 'endDate should not be below startDate' },
			]);
		}
		const matching = this.invoices
			.filter((i) => i.storeId === storeId)
			.filter((i) => orderIds.length === 0 || orderIds.includes(String(i.metadata.orderId ?? '')))
			.filter((i) => statuses.length === 0 || statuses.includes(i.status))
			.filter((i) => startDate === null || i.createdTime >= Number(startDate))
			.filter((i) => endDate === null || i.createdTime <= Number(endDate))
			.reverse();
		const skip = Number(query.get('skip') ?? 0);
		const take = query.get('take');
		return ok(matching.slice(skip, take === null ? undefined : skip + Number(take)));
	}

	/** The payer pays: InvoiceReceivedPayment, then (paid in full) InvoiceProcessing. */
	async pay(id: string, payment: Payment = { paymentMethodId: 'BTC-CHAIN', value: '0.00010500' }): Promise<void> {
		const invoice = this.mustFind(id);
		invoice.status = 'Processing';
		invoice.paidAmount = invoice.amount;
		const paymentModel = {
			id: payment.id ?? `${'ab'.repeat(32)}-0`,
			receivedDate: Math.floor(Date.now() / 1000),
			value: payment.value,
			fee: payment.fee ?? '0.00000141',
			status: 'Processing',
			destination: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
		};
		this.payments.set(id, { paymentMethodId: payment.paymentMethodId, model: paymentModel });
		await this.event(invoice, 'InvoiceReceivedPayment', [
			['afterExpiration', false],
			['paymentMethodId', payment.paymentMethodId],
			['payment', paymentModel],
		]);
		await this.event(invoice, 'InvoiceProcessing', [['overPaid', false]]);
	}

	/** The payment confirms: InvoicePaymentSettled (when `pay()` came first), then InvoiceSettled. */
	async settle(id: string): Promise<void> {
		const invoice = this.mustFind(id);
		invoice.status = 'Settled';
		invoice.availableStatusesForManualMarking = [];
		const paid = this.payments.get(id);
		if (paid) {
			await this.event(invoice, 'InvoicePaymentSettled', [
				['afterExpiration', false],
				['paymentMethodId', paid.paymentMethodId],
				['payment', { ...paid.model, status: 'Settled' }],
			]);
		}
		await this.event(invoice, 'InvoiceSettled', [
			['manuallyMarked', false],
			['overPaid', false],
		]);
	}

	async expire(id: string): Promise<void> {
		const invoice = this.mustFind(id);
		invoice.status = 'Expired';
		await this.event(invoice, 'InvoiceExpired', [['partiallyPaid', false]]);
	}

	private mustFind(id: string): Invoice {
		const invoice = this.invoices.find((i) => i.id === id);
		if (!invoice) throw new Error(`fake BTCPay: no invoice ${id}`);
		return invoice;
	}

	private async event(invoice: Invoice, type: string, members: Array<[string, unknown]>): Promise<void> {
		await this.webhooks.emit(invoice.storeId, type, [
			...members,
			['storeId', invoice.storeId],
			['invoiceId', invoice.id],
			['metadata', invoice.metadata],
		]);
	}
}
