/**
 * BTCPay Server as a provider case (./types.ts) in **manual** registration mode: the user created the store webhook
 * in BTCPay and put its secret into the credential (a fixed test secret from test/fixtures/btcpay). Deliveries are
 * built the way BTCPay sends them — the event as indented JSON, `BTCPay-Sig: sha256=<hex HMAC-SHA256>` over those
 * bytes — and signed with the package's own `signBtcPayDelivery`. The automatic mode (the node registers its own
 * webhook) needs a running Greenfield API: ../btcpay.e2e.ts with the fake in test/fake-btcpay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signBtcPayDelivery } from '../../../nodes/BtcPayServer/signature';
import type { RawRequest } from '../harness/rawHttp';
import type { ProviderCase } from './types';

const keys = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'btcpay', 'test-credentials.json'), 'utf8')) as {
	storeId: string;
	otherStoreId: string;
	webhookSecret: string;
	otherSecret: string;
};

/** The event as BTCPay writes it (Newtonsoft, indented): `members` after the common ones. */
function delivery(nonce: string, type: string, members: Array<[string, unknown]>, original = nonce): string {
	const event = Object.fromEntries<unknown>([
		['deliveryId', nonce],
		['webhookId', 'Q2Hb9Xy5ZDj7mA3wC4tUkE'],
		['originalDeliveryId', original],
		['isRedelivery', original !== nonce],
		['type', type],
		['timestamp', 1750000321],
		...members,
	]);
	return JSON.stringify(event, null, 2);
}

const settled = (nonce: string, { store = keys.storeId, original = nonce } = {}) =>
	delivery(
		nonce,
		'InvoiceSettled',
		[
			['manuallyMarked', false],
			['overPaid', false],
			['storeId', store],
			['invoiceId', `inv-${nonce}`],
			['metadata', { orderId: `order-${nonce}`, itemDesc: 'Café au lait ☕ a/b' }],
		],
		original,
	);

const signed = (text: string, secret = keys.webhookSecret, sent = text): RawRequest => ({
	method: 'POST',
	headers: [
		['content-type', 'application/json'],
		['btcpay-sig', signBtcPayDelivery(text, secret)],
	],
	body: Buffer.from(sent, 'utf8'),
});

const btcpay: ProviderCase = {
	id: 'btcpay',
	name: 'BTCPay Server',
	callbacks: {
		kind: 'raw',
		methods: ['POST'],
		signatureHeader: 'btcpay-sig',
		encoding: 'hex',
		requiredHeaders: [],
		signsUrl: false,
		build: (_url, o) => signed(settled(o.signNonce ?? o.nonce), o.otherKey ? keys.otherSecret : keys.webhookSecret, settled(o.nonce)),
	},
	ack: { status: 200, contentType: 'application/json', body: '{"received":true}' },
	item: (nonce) => ({
		provider: 'btcpay',
		event: 'invoice',
		status: 'InvoiceSettled',
		state: 'completed',
		isFinal: true,
		id: `inv-${nonce}`,
		orderId: `order-${nonce}`,
		amount: null,
		currency: null,
		dedupeKey: nonce,
		deliveryId: nonce,
		isRedelivery: false,
		storeId: keys.storeId,
	}),
	payload: (nonce) => JSON.parse(settled(nonce)) as unknown,
	secrets: [keys.webhookSecret],
	scenarios: [
		{
			title: 'a redelivery (new deliveryId, same originalDeliveryId) → the ack, one execution, the first delivery\'s dedupeKey',
			request: (_url, nonce) => signed(settled(`${nonce}-again`, { original: nonce })),
			status: 200,
			item: (nonce) => ({ isRedelivery: true, deliveryId: `${nonce}-again`, dedupeKey: nonce }),
		},
		{
			title: 'a payment event → amount = payment.value as sent, currency from paymentMethodId',
			request: (_url, nonce) =>
				signed(
					delivery(nonce, 'InvoiceReceivedPayment', [
						['afterExpiration', false],
						['paymentMethodId', 'BTC-LN'],
						['payment', { id: `ln-${nonce}`, receivedDate: 1750000300, value: '0.00010500', fee: '0.00000000', status: 'Settled', destination: 'lnbc1' }],
						['storeId', keys.storeId],
						['invoiceId', `inv-${nonce}`],
						['metadata', {}],
					]),
				),
			status: 200,
			item: { status: 'InvoiceReceivedPayment', state: 'confirming', amount: '0.00010500', currency: 'BTC', network: 'BTC-LN', orderId: null },
		},
		{
			title: 'an event type BTCPay added later → the ack, one execution, state unknown',
			request: (_url, nonce) => signed(delivery(nonce, 'SubscriberCreated', [['storeId', keys.storeId]])),
			status: 200,
			item: { event: 'subscription', status: 'SubscriberCreated', state: 'unknown', id: null },
		},
		{
			title: 'a delivery for another store, signed with the same secret → the ack, no execution',
			request: (_url, nonce) => signed(settled(nonce, { store: keys.otherStoreId })),
			status: 200,
		},
		{
			title: 'BTCPay-Sig without its sha256= label → 401, no execution',
			request: (_url, nonce) => {
				const req = signed(settled(nonce));
				return { ...req, headers: req.headers.map(([n, v]) => [n, n === 'btcpay-sig' ? v.slice('sha256='.length) : v] as [string, string]) };
			},
			status: 401,
		},
		{
			title: 'validly signed body that is not a BTCPay event → 400, no execution',
			request: () => signed('{"hello":"world"}'),
			status: 400,
		},
	],
};

export default btcpay;
