/**
 * Heleket as a provider case (./types.ts): the Cryptomus scheme (`sign` inside the JSON body), so the callbacks are
 * value-signed. Bodies follow doc.heleket.com methods/payments/webhook (a URL and non-ASCII text in additional_data:
 * PHP escapes the slashes, keeps the text raw); signed with the package's own signer and the keys of
 * test/fixtures/heleket/test-credentials.json, whose algorithm the unit tests pin to vectors PHP computed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signHeleketWebhookBody } from '../../../nodes/Heleket/signature';
import type { RawRequest } from '../harness/rawHttp';
import { uuidOf } from '../harness/target';
import type { ProviderCase } from './types';

const keys = JSON.parse(readFileSync(join(__dirname, '../../fixtures/heleket/test-credentials.json'), 'utf8')) as {
	paymentApiKey: string;
	payoutApiKey: string;
};
const OTHER = 'heleket-e2e-not-the-configured-key';
const JSON_TYPE: [string, string] = ['content-type', 'application/json'];

/** The unsigned payment body for a nonce, as PHP prints it (JSON_UNESCAPED_UNICODE: `\/`, raw UTF-8). */
const paymentJson = (n: string) =>
	`{"type":"payment","uuid":"${uuidOf(n)}","order_id":"${n}","amount":"15.00","payment_amount":"15.00","payment_amount_usd":"15.00","merchant_amount":"14.91","commission":"0.09","is_final":true,"status":"paid","from":"TXyzP4gjjvDbkm6GjNjcjw8FhkaFcxvPQ8","wallet_address_uuid":null,"network":"tron","currency":"USD","payer_currency":"USDT","additional_data":"https:\\/\\/shop.example\\/orders\\/${n} — café","convert":{"to_currency":"USDT","commission":null,"rate":"1.00000000","amount":"14.91000000"},"txid":"6f0d9c8374db57cac0d806251473de754f361c83a03cd805f74aa9da3193486b"}`;

const payoutJson = (n: string) =>
	`{"type":"payout","uuid":"${uuidOf(n)}","order_id":"${n}","amount":"207.00000000","merchant_amount":"207.30000000","commission":"0.30000000","is_final":true,"status":"paid","txid":"0xcf8e","currency":"USDT","network":"bsc","payer_currency":"USDT","payer_amount":"207.00000000"}`;

const post = (body: string): RawRequest => ({ method: 'POST', headers: [JSON_TYPE], body: Buffer.from(body, 'utf8') });

/** `json` with the `sign` member the signer computed for `signedJson` (they differ for "signed for another body"). */
function withSignOf(json: string, signedJson: string, key: string): string {
	const sign = JSON.parse(signHeleketWebhookBody(signedJson, key)).sign as string;
	return `${json.slice(0, -1)},"sign":"${sign}"}`;
}

const heleket: ProviderCase = {
	id: 'heleket',
	name: 'Heleket',
	callbacks: {
		kind: 'value',
		methods: ['POST'],
		signatureHeader: '',
		encoding: 'hex',
		requiredHeaders: [],
		signsUrl: false,
		build(_url, o) {
			return post(withSignOf(paymentJson(o.nonce), paymentJson(o.signNonce ?? o.nonce), o.otherKey ? OTHER : keys.paymentApiKey));
		},
	},
	ack: { status: 200, contentType: 'application/json', body: '{"received":true}' },
	item: (n) => ({
		provider: 'heleket',
		event: 'payment',
		status: 'paid',
		state: 'completed',
		isFinal: true,
		id: uuidOf(n),
		orderId: n,
		amount: '15.00',
		currency: 'USD',
		network: 'tron',
		dedupeKey: `${uuidOf(n)}:paid`,
		signedWith: 'payment',
	}),
	payload: (n) => JSON.parse(withSignOf(paymentJson(n), paymentJson(n), keys.paymentApiKey)),
	secrets: [keys.paymentApiKey, keys.payoutApiKey],
	scenarios: [
		{
			title: 'payout webhook signed with the payout API key → the ack, one item (signedWith payout)',
			request: (_url, n) => post(withSignOf(payoutJson(n), payoutJson(n), keys.payoutApiKey)),
			status: 200,
			item: { provider: 'heleket', event: 'payout', status: 'paid', amount: '207.00000000', signedWith: 'payout' },
		},
		{
			title: 'payment webhook whose non-ASCII text is sent as \\u escapes (PHP default flags) → the ack, one item',
			request: (_url, n) => {
				const escaped = paymentJson(n).replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
				return post(withSignOf(escaped, paymentJson(n), keys.paymentApiKey));
			},
			status: 200,
			item: { provider: 'heleket', event: 'payment', currency: 'USD' },
		},
		{
			title: 'payment webhook signed with the payout API key (keys swapped) → 401, nothing starts',
			request: (_url, n) => post(withSignOf(paymentJson(n), paymentJson(n), `${keys.payoutApiKey}-x`)),
			status: 401,
		},
		{
			title: 'payment webhook re-serialized with unescaped slashes after signing → still the same value: the ack, one item',
			request: (_url, n) => post(withSignOf(paymentJson(n), paymentJson(n), keys.paymentApiKey).replace(/\\\//g, '/')),
			status: 200,
			item: { provider: 'heleket', event: 'payment' },
		},
		{
			title: 'validly signed webhook of an unknown type → 400, nothing starts',
			request: (_url, n) => {
				const json = `{"type":"refund","uuid":"${uuidOf(n)}","status":"paid"}`;
				return post(withSignOf(json, json, keys.paymentApiKey));
			},
			status: 400,
		},
	],
};

export default heleket;
