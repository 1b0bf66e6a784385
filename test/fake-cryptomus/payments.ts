/**
 * Fake invoices, payment history, resend, services, payout info and balance — stateful like Cryptomus's own:
 * `POST /v1/payment` stores an invoice (the same `order_id` again returns it), `pay()` marks it paid and POSTs the
 * signed webhook to its `url_callback`, `/v1/payment/resend` delivers the current webhook again.
 *
 * Payment history pages by `perPage`, newest first; `paginate.nextCursor` is an opaque cursor the client sends back
 * as the `?cursor=` query parameter.
 */
import { randomUUID } from 'node:crypto';

import { signCryptomusWebhookBody } from '../../nodes/Cryptomus/signature';
import { checker, fieldErrors, isText, ok, rejected, type Answer, type Body, type HandlerContext } from './api';

export type Invoice = Record<string, unknown> & { uuid: string; order_id: string; created_at: string };

/** Statuses after which Cryptomus calls an invoice final. */
const FINAL = ['paid', 'paid_over', 'wrong_amount', 'fail', 'cancel', 'system_fail', 'refund_paid', 'refund_fail'];

/** Cryptomus's timestamps: `YYYY-MM-DD HH:mm:ss` in UTC+3. */
export function cryptomusTime(ms: number): string {
	return new Date(ms + 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The payout the providers/cryptomus.md payout vector describes, readable through `/v1/payout/info`. */
export const KNOWN_PAYOUT = {
	uuid: '2b852d86-3cf1-43fb-b1bb-36f0b7d12151',
	amount: '207.00000000',
	currency: 'USDT',
	network: 'bsc',
	address: '0x9b9F6e0aEa4e1B5e9fB3aD6f5f3c5b1D0e7A2c41',
	txid: '0xcf8',
	status: 'paid',
	is_final: true,
	balance: '1037.21000000',
	payer_currency: 'USDT',
	payer_amount: '207.00000000',
	order_id: '129359',
};

export const SERVICES = [
	{ network: 'tron', currency: 'USDT', is_available: true, limit: { min_amount: '1.00000000', max_amount: '1000000.00000000' }, commission: { fee_amount: '0.00', percent: '2.00' } },
	{ network: 'eth', currency: 'ETH', is_available: true, limit: { min_amount: '0.00100000', max_amount: '1000.00000000' }, commission: { fee_amount: '0.00', percent: '2.00' } },
	{ network: 'btc', currency: 'BTC', is_available: false, limit: { min_amount: '0.00010000', max_amount: '10.00000000' }, commission: { fee_amount: '0.00', percent: '2.00' } },
];

export const BALANCE = [
	{
		balance: {
			merchant: [{ uuid: 'abcdabcd-abcd-1234-1234-abcdabcdabcd', balance: '12.50000000', currency_code: 'USDT', balance_usd: '12.50' }],
			user: [{ uuid: 'bcdabcda-bcda-2345-2345-bcdabcdabcda', balance: '0.00000000', currency_code: 'BTC', balance_usd: '0.00' }],
		},
	},
];

/** The fake's own bookkeeping on an invoice, never shown in API answers. */
const HIDDEN = ['url_callback', 'request'];

export class InvoiceStore {
	/** Oldest first; the history answers newest first. */
	readonly invoices: Invoice[] = [];
	private clock = Date.now();

	constructor(
		private readonly ctx: HandlerContext,
		private readonly perPage: number,
	) {}

	find(body: Body): Invoice | undefined {
		if (isText(body.uuid)) return this.invoices.find((i) => i.uuid === body.uuid);
		return this.invoices.find((i) => i.order_id === body.order_id);
	}

	/** Adds an invoice without an API call (for history tests); each one is a second newer than the last. */
	add(fields: Body = {}): Invoice {
		this.clock += 1000;
		const uuid = randomUUID();
		const invoice: Invoice = {
			uuid,
			order_id: `seed-${this.invoices.length + 1}`,
			amount: '10.00',
			payment_amount: null,
			payer_amount: null,
			discount_percent: null,
			discount: '0.00000000',
			payer_currency: null,
			currency: 'USDT',
			merchant_amount: null,
			network: null,
			address: null,
			from: null,
			txid: null,
			payment_status: 'check',
			url: `${this.ctx.baseUrl}/pay/${uuid}`,
			expired_at: Math.floor(this.clock / 1000) + 3600,
			status: 'check',
			is_final: false,
			additional_data: null,
			created_at: cryptomusTime(this.clock),
			updated_at: cryptomusTime(this.clock),
			...fields,
		};
		this.invoices.push(invoice);
		return invoice;
	}

	create(body: Body): Answer {
		const check = checker(body);
		check.required('amount', 'currency', 'order_id');
		if (isText(body.amount) && !/^\d+(\.\d+)?$/.test(body.amount)) check.add('amount', 'numeric');
		check.alphaDash('order_id', 128);
		for (const field of ['url_callback', 'url_return', 'url_success']) check.url(field, 6, 255);
		check.integerBetween('lifetime', 300, 43200);
		check.integerBetween('subtract', 0, 100);
		check.integerBetween('discount_percent', -99, 100);
		const invalid = fieldErrors(check.errors);
		if (invalid) return invalid;
		if (body.currency === 'XXX') return rejected('Payment service not found');
		const existing = this.find({ order_id: body.order_id });
		if (existing) return ok(this.view(existing));
		const lifetime = typeof body.lifetime === 'number' ? body.lifetime : 3600;
		const invoice = this.add({
			order_id: body.order_id,
			amount: body.amount,
			currency: body.currency,
			network: body.network ?? null,
			additional_data: body.additional_data ?? null,
			url_callback: body.url_callback,
			request: body,
		});
		invoice.expired_at = Math.floor(this.clock / 1000) + lifetime;
		return ok(this.view(invoice));
	}

	/** What the API shows of an invoice (the fake's own bookkeeping stays out). */
	view(invoice: Invoice): Body {
		return Object.fromEntries(Object.entries(invoice).filter(([key]) => !HIDDEN.includes(key)));
	}

	info(body: Body): Answer {
		const missing = this.lookupErrors(body);
		if (missing) return missing;
		const invoice = this.find(body);
		return invoice ? ok(this.view(invoice)) : rejected('Payment not found');
	}

	/** The invoice's webhook as Cryptomus sends it, signed with the payment key. */
	webhookBody(invoice: Invoice): string {
		const payload = {
			type: 'payment',
			uuid: invoice.uuid,
			order_id: invoice.order_id,
			amount: invoice.amount,
			payment_amount: invoice.payment_amount,
			payment_amount_usd: invoice.payment_amount,
			merchant_amount: invoice.merchant_amount,
			commission: '0.00000000',
			is_final: invoice.is_final,
			status: invoice.status,
			from: invoice.from,
			wallet_address_uuid: null,
			network: invoice.network,
			currency: invoice.currency,
			payer_currency: invoice.payer_currency,
			payer_amount: invoice.payer_amount,
			additional_data: invoice.additional_data,
			convert: null,
			txid: invoice.txid,
		};
		return signCryptomusWebhookBody(JSON.stringify(payload), this.ctx.paymentApiKey);
	}

	/** The payer pays (or the invoice ends with another status): updates it and sends its webhook. */
	pay(id: { uuid?: string; order_id?: string }, status = 'paid'): Invoice {
		const invoice = this.find(id);
		if (!invoice) throw new Error(`fake Cryptomus: no invoice ${JSON.stringify(id)}`);
		Object.assign(invoice, {
			status,
			payment_status: status,
			is_final: FINAL.includes(status),
			payment_amount: invoice.amount,
			payer_amount: invoice.amount,
			payer_currency: invoice.currency,
			merchant_amount: invoice.amount,
			network: invoice.network ?? 'tron',
			from: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf',
			txid: `0x${invoice.uuid.replace(/-/g, '')}`,
			updated_at: cryptomusTime(Date.now()),
		});
		if (isText(invoice.url_callback)) this.ctx.deliver(invoice.url_callback, this.webhookBody(invoice));
		return invoice;
	}

	resend(body: Body): Answer {
		const missing = this.lookupErrors(body);
		if (missing) return missing;
		const invoice = this.find(body);
		if (!invoice) return rejected('Payment not found');
		if (!invoice.is_final) return rejected('Payment is not finalized');
		if (!isText(invoice.url_callback)) return rejected('Url callback not found');
		this.ctx.deliver(invoice.url_callback, this.webhookBody(invoice));
		return ok([]);
	}

	list(body: Body, cursor: string | undefined): Answer {
		const check = checker(body);
		check.dateFormat('date_from');
		check.dateFormat('date_to');
		const invalid = fieldErrors(check.errors);
		if (invalid) return invalid;
		const matching = [...this.invoices]
			.reverse()
			.filter((i) => (!isText(body.date_from) || i.created_at >= body.date_from) && (!isText(body.date_to) || i.created_at <= body.date_to));
		let offset = 0;
		if (cursor !== undefined) {
			const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
			if (!match) return rejected('Invalid cursor');
			offset = Number(match[1]);
		}
		const page = matching.slice(offset, offset + this.perPage);
		const at = (n: number) => Buffer.from(`offset:${n}`).toString('base64url');
		return ok({
			items: page.map((i) => this.view(i)),
			paginate: {
				count: page.length,
				hasPages: matching.length > this.perPage,
				nextCursor: offset + this.perPage < matching.length ? at(offset + this.perPage) : null,
				previousCursor: offset > 0 ? at(Math.max(0, offset - this.perPage)) : null,
				perPage: this.perPage,
			},
		});
	}

	payoutInfo(body: Body): Answer {
		const missing = this.lookupErrors(body);
		if (missing) return missing;
		const found = body.uuid === KNOWN_PAYOUT.uuid || (!isText(body.uuid) && body.order_id === KNOWN_PAYOUT.order_id);
		return found ? ok(KNOWN_PAYOUT) : rejected('Payout not found');
	}

	private lookupErrors(body: Body): Answer | undefined {
		if (isText(body.uuid) || isText(body.order_id)) return undefined;
		return fieldErrors({ uuid: ['validation.required_without'], order_id: ['validation.required_without'] });
	}
}
