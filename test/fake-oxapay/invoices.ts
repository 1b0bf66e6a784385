/**
 * Invoices of the fake OxaPay — stateful like OxaPay's own (https://docs.oxapay.com/api-reference/payment/generate-invoice,
 * /payment-information, /webhook):
 * - `POST /v1/payment/invoice` validates the body with the documented limits, stores the invoice (amounts as the exact
 *   JSON literals received) and answers `data: {track_id, payment_url, expired_at, date}`.
 * - `GET /v1/payment/{track_id}` answers the invoice with its current status and transactions.
 * - `pay()` plays the payer: the status moves on (`paying`, then `paid`) and, when the invoice has a `callback_url`,
 *   each step is POSTed there as OxaPay does — a JSON body with the status capitalised (`Paying`, `Paid`, as OxaPay's
 *   WooCommerce plugin reads them), header `HMAC` = hex HMAC-SHA512 of the raw body with the merchant API key
 *   (`signOxaPay`, the package's signer on `nodes/shared/bodyHmac.ts`).
 */
import { signOxaPay } from '../../nodes/OxaPay/signature';
import { JsonDecimal, stringifyExact, type ExactJson } from '../../nodes/shared/exactJson';
import { getMember, scalarText, type JsonNode } from '../../nodes/shared/losslessJson';
import type { Answer, Delivery } from '../helpers/fakeHttp';

/** OxaPay's envelope: `{data, message, error: {type, key, message} | {}, status, version}` (api-reference/error). */
export function envelope(status: number, data: Record<string, ExactJson>, message: string, error: { type: string; key: string; message: string } | Record<string, never> = {}): Answer {
	return {
		status,
		body: undefined,
		raw: stringifyExact({ data, message, error, status, version: '1.0.0' }),
		rawType: 'application/json',
	};
}

export const ok = (data: Record<string, ExactJson>): Answer => envelope(200, data, 'Operation completed successfully!');

/**
 * An error answer. OxaPay documents the shape and the HTTP statuses; the `type` names and the message texts below are
 * the fake's own (Laravel-style messages, as the official PHP SDK's test shows for `lifetime`).
 */
export const failure = (status: number, type: string, key: string, message: string): Answer => envelope(status, {}, '', { type, key, message });

export interface Invoice {
	trackId: string;
	/** The request's members: numbers as their literal text. */
	request: Record<string, string | boolean | undefined>;
	status: 'new' | 'waiting' | 'paying' | 'paid' | 'expired';
	date: number;
	expiredAt: number;
	txs: Array<Record<string, ExactJson>>;
}

const CURRENCIES = ['USD', 'EUR', 'USDT', 'BTC', 'ETH', 'TRX', 'LTC'];
const NUMERIC = /^\d+(\.\d+)?$/;

/** The value of a member as the fake stores it: text for strings and numbers (the literal), booleans as they are. */
function read(root: JsonNode, key: string): string | boolean | undefined {
	const node = getMember(root, key);
	if (node?.type === 'boolean') return node.value;
	return node === undefined || node.type === 'null' ? undefined : scalarText(node);
}

export class InvoiceStore {
	readonly invoices: Invoice[] = [];
	private nextTrackId = 151811887;

	constructor(
		private readonly merchantApiKey: string,
		private readonly send: (url: string, headers: Record<string, string>, body: string) => Promise<Delivery>,
	) {}

	create(root: JsonNode): Answer {
		const request: Invoice['request'] = {};
		for (const key of ['amount', 'currency', 'lifetime', 'fee_paid_by_payer', 'under_paid_coverage', 'to_currency', 'auto_withdrawal', 'mixed_payment', 'callback_url', 'return_url', 'email', 'order_id', 'thanks_message', 'description', 'sandbox']) {
			request[key] = read(root, key);
		}
		const invalid = (key: string, message: string) => failure(400, 'validation_error', key, message);
		const amountNode = getMember(root, 'amount');
		if (amountNode === undefined) return invalid('amount', 'The amount field is required.');
		if (amountNode.type !== 'number' || !NUMERIC.test(amountNode.raw) || !/[1-9]/.test(amountNode.raw)) return invalid('amount', 'The amount must be a number greater than 0.');
		if (request.currency !== undefined && !CURRENCIES.includes(String(request.currency).toUpperCase())) return invalid('currency', 'Invalid currency');
		const lifetime = request.lifetime === undefined ? 60 : Number(request.lifetime);
		if (!Number.isInteger(lifetime) || lifetime < 15 || lifetime > 2880) return invalid('lifetime', 'The lifetime field must be between 15 and 2880.');
		if (request.fee_paid_by_payer !== undefined && !['0', '1'].includes(String(request.fee_paid_by_payer))) return invalid('fee_paid_by_payer', 'The fee paid by payer field must be 0 or 1.');
		const coverage = request.under_paid_coverage;
		if (coverage !== undefined && (!NUMERIC.test(String(coverage)) || Number(coverage) > 60)) return invalid('under_paid_coverage', 'The under paid coverage field must be between 0 and 60.');
		for (const key of ['callback_url', 'return_url']) {
			const value = request[key];
			if (value !== undefined && !/^https?:\/\/\S+$/.test(String(value))) return invalid(key, `The ${key.replace('_', ' ')} field must be a valid URL.`);
		}
		if (request.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(request.email))) return invalid('email', 'The email field must be a valid email address.');

		const date = Math.floor(Date.now() / 1000);
		const invoice: Invoice = { trackId: String(this.nextTrackId++), request, status: 'waiting', date, expiredAt: date + lifetime * 60, txs: [] };
		this.invoices.push(invoice);
		return ok({ track_id: invoice.trackId, payment_url: `https://pay.oxapay.com/13355044/${invoice.trackId}`, expired_at: invoice.expiredAt, date });
	}

	info(trackId: string): Answer {
		const invoice = this.invoices.find((i) => i.trackId === trackId);
		if (!invoice) return failure(404, 'not_found', 'track_id', 'Payment not found');
		const r = invoice.request;
		const number = (value: string | boolean | undefined, fallback: string) => new JsonDecimal(typeof value === 'string' ? value : fallback);
		return ok({
			track_id: invoice.trackId,
			type: 'invoice',
			amount: number(r.amount, '0'),
			currency: String(r.currency ?? 'USD'),
			status: invoice.status,
			mixed_payment: r.mixed_payment === true,
			fee_paid_by_payer: number(r.fee_paid_by_payer, '0'),
			under_paid_coverage: number(r.under_paid_coverage, '0'),
			lifetime: number(r.lifetime, '60'),
			callback_url: String(r.callback_url ?? ''),
			return_url: String(r.return_url ?? ''),
			email: String(r.email ?? ''),
			order_id: String(r.order_id ?? ''),
			description: String(r.description ?? ''),
			thanks_message: String(r.thanks_message ?? ''),
			expired_at: invoice.expiredAt,
			date: invoice.date,
			txs: invoice.txs,
		});
	}

	/** The payer pays the whole amount: `paying` then `paid` (or only the statuses given), each called back. */
	async pay(trackId: string, statuses: Array<'paying' | 'paid'> = ['paying', 'paid']): Promise<Delivery[]> {
		const invoice = this.invoices.find((i) => i.trackId === trackId);
		if (!invoice) throw new Error(`fake OxaPay: no invoice ${trackId}`);
		const amount = typeof invoice.request.amount === 'string' ? invoice.request.amount : '0';
		const currency = String(invoice.request.currency ?? 'USD');
		const deliveries: Delivery[] = [];
		for (const status of statuses) {
			invoice.status = status;
			invoice.txs = [
				{
					tx_hash: `7d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d${trackId.slice(-6)}`,
					amount: new JsonDecimal(amount),
					currency,
					network: 'Tron Network',
					address: 'TXe1Receiver00000000000000000000000',
					status: status === 'paid' ? 'confirmed' : 'confirming',
					confirmations: status === 'paid' ? 19 : 1,
					date: invoice.date + 60,
				},
			];
			const url = invoice.request.callback_url;
			if (typeof url !== 'string') continue;
			const body = stringifyExact({
				track_id: trackId,
				status: status === 'paid' ? 'Paid' : 'Paying',
				type: 'invoice',
				module_name: 'OxaPay',
				amount: new JsonDecimal(amount),
				value: new JsonDecimal(amount),
				sent_value: new JsonDecimal(amount),
				currency,
				order_id: String(invoice.request.order_id ?? ''),
				email: String(invoice.request.email ?? ''),
				note: '',
				fee_paid_by_payer: new JsonDecimal(String(invoice.request.fee_paid_by_payer ?? '0')),
				under_paid_coverage: new JsonDecimal(String(invoice.request.under_paid_coverage ?? '0')),
				description: String(invoice.request.description ?? ''),
				date: invoice.date,
				txs: invoice.txs,
			});
			deliveries.push(await this.send(url, { 'Content-Type': 'application/json', HMAC: signOxaPay(body, this.merchantApiKey) }, body));
		}
		return deliveries;
	}
}
