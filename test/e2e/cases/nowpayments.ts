/**
 * NOWPayments as the contract suite, the hostile generator and queue mode see it (./types.ts). A valid IPN is what
 * NOWPayments' server sends: the payload sorted at every depth as JavaScript prints it, `x-nowpayments-sig` = hex
 * HMAC-SHA512 of that text under the IPN secret (the package's `signNowPaymentsIpn`, test keys of
 * test/fixtures/nowpayments). Its own scenarios: the documented body as the docs print it (verified by value), the
 * signatures NOWPayments' other published samples compute (refused), payouts, repeated deposits, number literals.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signNowPaymentsIpn } from '../../../nodes/NowPayments/signature';
import type { RawRequest } from '../harness/rawHttp';
import type { CaseScenario, ProviderCase } from './types';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'nowpayments');
const creds = JSON.parse(readFileSync(join(FIXTURES, 'test-credentials.json'), 'utf8')) as {
	ipnSecret: string;
	otherIpnSecret: string;
	apiKey: string;
	password: string;
};
const vectors = JSON.parse(readFileSync(join(FIXTURES, 'vectors.json'), 'utf8')) as {
	bodies: Record<string, Record<string, { signature: string }>>;
};
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** A 10-digit NOWPayments-style id from any text. */
const idOf = (text: string): string => `5${(parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16) % 1e9).toString().padStart(9, '0')}`;
const NOTE = 'café Ñandú'; // NFC text, so NFC → NFD re-encodings change the value

/**
 * A payment IPN for `n`, shaped like the genuine production IPN of docs/providers/nowpayments.md: nested `fee` with
 * small floats NOWPayments prints as 0.000002, `updated_at` in ms last, plus non-ASCII text and a URL.
 */
const paymentJson = (n: string) =>
	`{"payment_id":${idOf(n)},"parent_payment_id":null,"invoice_id":null,"payment_status":"finished","pay_address":"0x05Db991D7930CE6Ac8c21064de9A14EB2a154746","payin_extra_id":null,"price_amount":20,"price_currency":"usd","pay_amount":0.00656612,"actually_paid":0.00656612,"actually_paid_at_fiat":0,"pay_currency":"eth","order_id":"${n}","order_description":"${NOTE} — https://shop.example/o/${n}","purchase_id":"5172103429","outcome_amount":0.00022187,"outcome_currency":"btc","payment_extra_ids":null,"fee":{"currency":"btc","depositFee":0.000002,"withdrawalFee":0,"serviceFee":0.000003},"updated_at":1765249461097}`;

const JSON_TYPE: [string, string] = ['content-type', 'application/json'];
const ipn = (body: string, signature: string): RawRequest => ({
	method: 'POST',
	headers: [JSON_TYPE, ['x-nowpayments-sig', signature]],
	body: Buffer.from(body, 'utf8'),
});
/** As NOWPayments sends it: the sorted text, signed. */
const genuine = (payload: string): RawRequest => {
	const { body, signature } = signNowPaymentsIpn(payload, creds.ipnSecret);
	return ipn(body, signature);
};
/** A fixture body with the signature one of NOWPayments' published samples computes for it (vectors.json). */
const publishedSample = (file: string, algorithm: string): RawRequest =>
	ipn(fixture(file), vectors.bodies[file][algorithm].signature);

const payout = (n: string) =>
	`{"id":"${idOf(n)}","batch_withdrawal_id":"${idOf(`${n}/batch`)}","status":"FINISHED","error":null,"currency":"usdttrc20","amount":"50","address":"TEmGwPeRTPiLFLVfBxXkSP91yc5GMNQhfS","fee":null,"extra_id":null,"hash":"4b0b2c6a4b1f","ipn_callback_url":"https://n8n.example.com/webhook/x/webhook","unique_external_id":"${n}","created_at":"2023-07-27T15:29:40.803Z","requested_at":null,"updated_at":null}`;

const scenarios: CaseScenario[] = [
	{
		title: 'the body as the docs print it (indented, keys unsorted, \\u escapes), signed over the sorted text → 200, one execution',
		request: (_url, n) => {
			const { signature } = signNowPaymentsIpn(paymentJson(n), creds.ipnSecret);
			const documented = JSON.stringify(JSON.parse(paymentJson(n)), null, 2).replace('é', '\\u00e9');
			return ipn(documented, signature);
		},
		status: 200,
		item: { provider: 'nowpayments', event: 'payment', status: 'finished', signedWith: 'sortedDeep' },
	},
	{
		title: 'signed the 2021 docs\' way (replacer array: the nested fee printed as {}) → 401, nothing starts',
		request: () => publishedSample('doc-current-payment.body.json', 'nodeDoc2021'),
		status: 401,
	},
	{
		title: 'signed the docs\' PHP sample\'s way (\\u00e9 escapes) → 401, nothing starts',
		request: () => publishedSample('edge-text.body.json', 'phpDocCurrent'),
		status: 401,
	},
	{
		title: 'signed NOWPayments\' WooCommerce plugin\'s way (\\/ in the callback URL) → 401, nothing starts',
		request: () => publishedSample('payout.body.json', 'phpKsort'),
		status: 401,
	},
	{
		title: 'signed the docs\' Python sample\'s way (2e-06) → 401, nothing starts',
		request: () => publishedSample('edge-numbers.body.json', 'pythonDoc'),
		status: 401,
	},
	{
		title: 'a list signed as objects (the docs\' Node sample), a form this trigger does not accept → 401',
		request: () => publishedSample('repeated-deposit.body.json', 'nodeDocCurrent'),
		status: 401,
	},
	{
		title: 'float literals (1.0, 1e-7, 3E-6, an integer past 2^53) signed by the docs\' Node sample → 200, amounts as JavaScript printed them',
		request: () => publishedSample('edge-numbers.body.json', 'nodeDocCurrent'),
		status: 200,
		item: { event: 'payment', status: 'partially_paid', state: 'partial', amount: '1', actuallyPaid: '1e-7', dedupeKey: '5800567262:partially_paid' },
	},
	{
		title: 'a repeated deposit (parent_payment_id, payment_extra_ids list) → one execution naming the original payment',
		request: () => genuine(fixture('repeated-deposit.body.json')),
		status: 200,
		item: { event: 'payment', id: '4526424492', parentPaymentId: '5592161154', dedupeKey: '4526424492:finished', signedWith: 'sortedDeep' },
	},
	{
		title: 'number literals JavaScript prints otherwise (20.0, 6.56612E-3) → verified against its printing, amount "20"',
		request: (_url, n) => {
			const { signature } = signNowPaymentsIpn(paymentJson(n), creds.ipnSecret);
			return ipn(paymentJson(n).replace('"price_amount":20,', '"price_amount":20.0,').replace('"pay_amount":0.00656612', '"pay_amount":6.56612E-3'), signature);
		},
		status: 200,
		item: { amount: '20', currency: 'usd' },
	},
	{
		title: 'a payout IPN (status FINISHED) to the payouts-only trigger → one execution, event payout',
		lane: 'narrow',
		request: (_url, n) => genuine(payout(n)),
		status: 200,
		item: { provider: 'nowpayments', event: 'payout', status: 'FINISHED', state: 'completed', amount: '50', currency: 'usdttrc20' },
	},
];

const nowpayments: ProviderCase = {
	id: 'nowpayments',
	name: 'NOWPayments',
	callbacks: {
		kind: 'value',
		sortsKeys: true,
		methods: ['POST'],
		signatureHeader: 'x-nowpayments-sig',
		encoding: 'hex',
		requiredHeaders: [],
		signsUrl: false,
		build(_url, o) {
			const signed = signNowPaymentsIpn(paymentJson(o.signNonce ?? o.nonce), o.otherKey ? creds.otherIpnSecret : creds.ipnSecret);
			const sent = signNowPaymentsIpn(paymentJson(o.nonce), creds.ipnSecret);
			return ipn(sent.body, signed.signature);
		},
	},
	ack: { status: 200, contentType: 'application/json', body: '{"received":true}' },
	item: (n) => ({
		provider: 'nowpayments',
		event: 'payment',
		status: 'finished',
		state: 'completed',
		isFinal: true,
		id: idOf(n),
		orderId: n,
		amount: '20',
		currency: 'usd',
		network: null,
		txHash: null,
		dedupeKey: `${idOf(n)}:finished`,
		parentPaymentId: null,
		actuallyPaid: '0.00656612',
		payCurrency: 'eth',
		signedWith: 'sortedDeep',
	}),
	payload: (n) => JSON.parse(signNowPaymentsIpn(paymentJson(n), creds.ipnSecret).body),
	secrets: [creds.ipnSecret, creds.otherIpnSecret, creds.apiKey, creds.password],
	scenarios,
};

export default nowpayments;
