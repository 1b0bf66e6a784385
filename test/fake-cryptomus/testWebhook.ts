/** Fake `POST /v1/test-webhook/{payment|payout|wallet}`: validates like Cryptomus, then POSTs a signed webhook. */
import { randomUUID } from 'node:crypto';

import { TEST_WEBHOOK_STATUSES, type CryptomusEvent } from '../../nodes/Cryptomus/payload';
import { signCryptomusWebhookBody } from '../../nodes/Cryptomus/signature';
import { checker, fieldErrors, ok, rejected, type Answer, type Body, type HandlerContext } from './api';

export const UNKNOWN_UUID = '00000000-0000-0000-0000-000000000000';

/** The webhook Cryptomus would send for a test-webhook request (fields as in providers/cryptomus.md). */
export function testWebhookPayload(type: CryptomusEvent, request: Record<string, unknown>): Record<string, unknown> {
	const uuid = typeof request.uuid === 'string' ? request.uuid : randomUUID();
	const orderId = typeof request.order_id === 'string' ? request.order_id : `test-${uuid.slice(0, 8)}`;
	const status = String(request.status);
	const common = {
		type,
		uuid,
		order_id: orderId,
		amount: '15.00000000',
		merchant_amount: '14.70000000',
		commission: '0.30000000',
		is_final: ['paid', 'paid_over', 'fail', 'cancel', 'system_fail', 'refund_paid', 'refund_fail', 'wrong_amount'].includes(status),
		status,
		txid: '0x5d2c3bd4b2e1e39a44ff9f3b6d0f6d5a8c0c1f4e9e2a7b6c5d4e3f2a1b0c9d8e',
		currency: request.currency,
		network: request.network,
		payer_currency: request.currency,
		payer_amount: '15.00000000',
	};
	if (type === 'payout') return common;
	return {
		...common,
		payment_amount: '15.00000000',
		payment_amount_usd: '15.00',
		from: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf',
		wallet_address_uuid: type === 'wallet' ? randomUUID() : null,
		additional_data: 'test webhook https://example.com/o/1 — café',
		convert: null,
	};
}

export function handleTestWebhook(type: CryptomusEvent, body: Body, ctx: HandlerContext): Answer {
	const check = checker(body);
	check.required('url_callback', 'currency', 'network', 'status');
	if (!check.errors.url_callback) check.url('url_callback', 6, 150);
	if (!check.errors.status && !TEST_WEBHOOK_STATUSES[type].includes(String(body.status))) check.add('status', 'in');
	if (body.order_id !== undefined) check.alphaDash('order_id', 32);
	const invalid = fieldErrors(check.errors);
	if (invalid) return invalid;
	if (body.uuid === UNKNOWN_UUID || body.order_id === 'not-found') return rejected(`Not found ${type}`);
	if (body.currency === 'XXX') return rejected(`${type === 'payout' ? 'Payout' : 'Payment'} service not found`);
	ctx.deliver(String(body.url_callback), signCryptomusWebhookBody(JSON.stringify(testWebhookPayload(type, body)), ctx.paymentApiKey));
	return ok([]);
}
