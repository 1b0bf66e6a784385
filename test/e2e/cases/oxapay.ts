/**
 * OxaPay as data for the contract scenarios (./types.ts): an invoice callback per nonce, pretty-printed JSON with
 * number literals whose text matters (`10.50`), non-ASCII text and an escaped `/`, signed over the exact bytes with
 * the package's own `signOxaPay` and the e2e test keys; the ack is `ok` as text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signOxaPay } from '../../../nodes/OxaPay/signature';
import type { CallbackBuilder } from '../harness/target';
import type { ProviderCase } from './types';

const keys = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'oxapay', 'test-credentials.json'), 'utf8')) as {
	merchantApiKey: string;
	payoutApiKey: string;
};
const OTHER = 'not-the-configured-merchant-api-key';

/** A numeric-looking track id per nonce (OxaPay's are decimal digits). */
const trackIdOf = (nonce: string) => String(parseInt(createHash('sha1').update(nonce).digest('hex').slice(0, 12), 16));

const invoiceJson = (nonce: string) => `{
  "track_id": "${trackIdOf(nonce)}",
  "status": "Paid",
  "type": "invoice",
  "amount": 10.50,
  "value": 10.50,
  "sent_value": 9.9800,
  "currency": "USDT",
  "order_id": "${nonce}",
  "description": "Café crème \\/ ${nonce}",
  "date": 1738493900,
  "txs": [{"status": "confirmed", "tx_hash": "0x${createHash('sha256').update(nonce).digest('hex')}", "network": "Tron Network", "confirmations": 19}]
}`;
const payoutJson = (nonce: string) =>
	`{"track_id":"${trackIdOf(nonce)}","type":"payout","status":"Confirmed","amount":25.000000,"currency":"USDT","network":"TRC20","tx_hash":"0xabc","confirmations":3}`;

const callbacks: CallbackBuilder = {
	kind: 'raw',
	methods: ['POST'],
	signatureHeader: 'hmac',
	encoding: 'hex',
	requiredHeaders: [],
	signsUrl: false,
	build(_url, o) {
		const hmac = signOxaPay(invoiceJson(o.signNonce ?? o.nonce), o.otherKey ? OTHER : keys.merchantApiKey);
		return { method: 'POST', headers: [['content-type', 'application/json'], ['HMAC', hmac]], body: Buffer.from(invoiceJson(o.nonce), 'utf8') };
	},
};

const payoutRequest = (key: string) => (_url: string, nonce: string) => ({
	method: 'POST',
	headers: [['content-type', 'application/json'], ['HMAC', signOxaPay(payoutJson(nonce), key)]] as Array<[string, string]>,
	body: Buffer.from(payoutJson(nonce), 'utf8'),
});

const oxapay: ProviderCase = {
	id: 'oxapay',
	name: 'OxaPay',
	callbacks,
	ack: { status: 200, contentType: 'text/plain', body: 'ok' },
	item: (nonce) => ({
		provider: 'oxapay',
		event: 'invoice',
		status: 'Paid',
		state: 'completed',
		isFinal: true,
		id: trackIdOf(nonce),
		orderId: nonce,
		amount: '10.50',
		currency: 'USDT',
		network: 'Tron Network',
		confirmations: 19,
		dedupeKey: `${trackIdOf(nonce)}:paid`,
		signedWith: 'merchant',
	}),
	// The parsed body, with the number literals JSON.parse would shorten kept as sent.
	payload: (nonce) => ({ ...(JSON.parse(invoiceJson(nonce)) as object), amount: '10.50', value: '10.50', sent_value: '9.9800' }),
	secrets: [keys.merchantApiKey, keys.payoutApiKey],
	scenarios: [
		{
			title: 'payout callback signed with the Payout API key → ok, one execution, signedWith "payout"',
			request: payoutRequest(keys.payoutApiKey),
			status: 200,
			item: { provider: 'oxapay', event: 'payout', status: 'Confirmed', state: 'completed', amount: '25.000000', signedWith: 'payout' },
		},
		{
			title: 'payout callback signed with the Merchant API key → 401, zero executions',
			request: payoutRequest(keys.merchantApiKey),
			status: 401,
		},
	],
};

export default oxapay;
