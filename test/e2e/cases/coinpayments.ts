/**
 * CoinPayments as a provider case (./types.ts). The contract runs on the IPN of the v1 API (the mode merchants run
 * and the trigger's default): a form body whose HMAC header is the HMAC-SHA512 of the raw bytes with the IPN Secret,
 * fields of CoinPayments' IPN page, form-encoded the way PHP's http_build_query does. The newer API's webhooks
 * (signed over BOM + POST + the exact URL + client ID + timestamp + body) run in the case's own scenarios on the
 * `api` lane (./coinpayments.lanes.mjs), signed for that lane's production URL with a fresh timestamp. Everything
 * is signed with the package's own signers and the values of test/fixtures/coinpayments/test-credentials.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signCoinPaymentsIpn, signCoinPaymentsWebhook } from '../../../nodes/CoinPayments/signature';
import type { RawRequest } from '../harness/rawHttp';
import { uuidOf } from '../harness/target';
import type { ProviderCase } from './types';

const cred = JSON.parse(readFileSync(join(__dirname, '../../fixtures/coinpayments/test-credentials.json'), 'utf8')) as {
	merchantId: string;
	ipnSecret: string;
	clientId: string;
	clientSecret: string;
	otherSecret: string;
};

const FORM: [string, string] = ['content-type', 'application/x-www-form-urlencoded'];
const JSON_TYPE: [string, string] = ['content-type', 'application/json'];

/** Form-encodes like PHP's http_build_query (RFC 1738: space as '+'; `~` escaped like PHP's urlencode). */
const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString().replace(/~/g, '%7E');

const txnOf = (n: string) => `CP${uuidOf(n).replace(/-/g, '').slice(0, 24).toUpperCase()}`;

/** An API-transaction IPN, complete (status 100), for a nonce. */
const apiIpnFields = (n: string, changes: Record<string, string> = {}): Array<[string, string]> =>
	Object.entries({
		ipn_version: '1.0',
		ipn_id: uuidOf(`ipn-${n}`).replace(/-/g, ''),
		ipn_mode: 'hmac',
		merchant: cred.merchantId,
		ipn_type: 'api',
		txn_id: txnOf(n),
		status: '100',
		status_text: 'Complete',
		currency1: 'USD',
		currency2: 'BTC',
		amount1: '12.50',
		amount2: '0.00041234',
		fee: '0.00000206',
		buyer_name: 'Zoë Ñandú',
		email: 'buyer+n8n@example.com',
		item_name: 'Order — 2 items',
		invoice: n,
		custom: `https://shop.example/orders/${n}?src=n8n&x=a b`,
		received_amount: '0.00041234',
		received_confirms: '3',
		send_tx: 'c01d93c268ee884f09c586c89340ed35b5b05fba5a1bb726924f2dd1eb9319b6',
		...changes,
	});

const depositIpnFields = (n: string): Array<[string, string]> => [
	['ipn_version', '1.0'],
	['ipn_id', uuidOf(`ipn-${n}`).replace(/-/g, '')],
	['ipn_mode', 'hmac'],
	['merchant', cred.merchantId],
	['ipn_type', 'deposit'],
	['deposit_id', `CD${txnOf(n).slice(2)}`],
	['txn_id', '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b'],
	['address', 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh'],
	['status', '0'],
	['status_text', 'Deposit seen on network'],
	['currency', 'BTC'],
	['confirms', '1'],
	['amount', '0.01500000'],
	['amounti', '1500000'],
	['fiat_coin', 'USD'],
	['fiat_amount', '1012.35'],
];

/** An IPN request: `body` sent, HMAC over `signedBody` (another nonce's for "signed for another body"). */
const ipn = (body: string, signedBody = body, secret = cred.ipnSecret): RawRequest => ({
	method: 'POST',
	headers: [FORM, ['hmac', signCoinPaymentsIpn(signedBody, secret)]],
	body: Buffer.from(body, 'utf8'),
});

/** `YYYY-MM-DDTHH:mm:ss` (UTC, no zone) at now + `shiftMs`, as CoinPayments sends X-CoinPayments-Timestamp. */
const cpTimestamp = (shiftMs = 0) => new Date(Date.now() + shiftMs).toISOString().split('.')[0];

/** An invoicePaid webhook of the newer API for a nonce (the shape of their published example). */
const webhookJson = (n: string) =>
	`{"id":"${uuidOf(`notification-${n}`).replace(/-/g, '')}","type":"invoicePaid","timestamp":"${new Date().toISOString()}","invoice":{"invoiceId":"${n}","id":"${uuidOf(n)}","invoiceNumber":"${n}","description":"Caf\\u00E9 order","amount":{"currency":{"id":5057,"smartContract":null},"subtotal":10000,"total":10000},"state":"Paid","payments":[]}}`;

/** A webhook signed for `signUrl` (the lane's URL unless given) with the given secret, client and time shift. */
function apiWebhook(url: string, n: string, o: { signUrl?: string; secret?: string; shiftMs?: number; client?: string } = {}): RawRequest {
	const timestamp = cpTimestamp(o.shiftMs);
	const body = webhookJson(n);
	const clientId = o.client ?? cred.clientId;
	const signature = signCoinPaymentsWebhook({ url: o.signUrl ?? url, clientId, timestamp, rawBody: body }, o.secret ?? cred.clientSecret);
	return {
		method: 'POST',
		headers: [JSON_TYPE, ['x-coinpayments-client', clientId], ['x-coinpayments-timestamp', timestamp], ['x-coinpayments-signature', signature]],
		body: Buffer.from(body, 'utf8'),
	};
}

const MINUTES_10 = 10 * 60_000;

const coinpayments: ProviderCase = {
	id: 'coinpayments',
	name: 'CoinPayments',
	callbacks: {
		kind: 'raw',
		methods: ['POST'],
		signatureHeader: 'hmac',
		encoding: 'hex',
		requiredHeaders: [],
		signsUrl: false,
		build(_url, o) {
			return ipn(form(apiIpnFields(o.nonce)), form(apiIpnFields(o.signNonce ?? o.nonce)), o.otherKey ? cred.otherSecret : cred.ipnSecret);
		},
	},
	ack: { status: 200, contentType: 'text/plain', body: 'IPN OK' },
	item: (n) => ({
		provider: 'coinpayments',
		event: 'api',
		status: '100',
		state: 'completed',
		isFinal: true,
		id: txnOf(n),
		orderId: n,
		amount: '12.50',
		currency: 'USD',
		confirmations: 3,
		dedupeKey: `api:${txnOf(n)}:100`,
		signedWith: 'ipnSecret',
	}),
	payload: (n) => Object.fromEntries(apiIpnFields(n)),
	secrets: [cred.ipnSecret, cred.clientSecret],
	scenarios: [
		{
			title: 'deposit IPN to a callback address (status 0) → IPN OK, one pending item with the coin amount',
			request: (_url, n) => ipn(form(depositIpnFields(n))),
			status: 200,
			item: { event: 'deposit', status: '0', state: 'pending', isFinal: false, amount: '0.01500000', currency: 'BTC', confirmations: 1 },
		},
		{
			title: 'IPN validly signed but for another merchant ID → 401, nothing starts',
			request: (_url, n) => ipn(form(apiIpnFields(n, { merchant: 'ffffffffffffffffffffffffffffffff' }))),
			status: 401,
		},
		{
			title: 'IPN validly signed but with ipn_mode httpauth → 401, nothing starts',
			request: (_url, n) => ipn(form(apiIpnFields(n, { ipn_mode: 'httpauth' }))),
			status: 401,
		},
		{
			title: 'IPN whose HMAC is given in upper-case hex → IPN OK, one item',
			request: (_url, n) => {
				const req = ipn(form(apiIpnFields(n)));
				return { ...req, headers: req.headers.map(([name, value]) => [name, name === 'hmac' ? value.toUpperCase() : value]) };
			},
			status: 200,
			item: { event: 'api', state: 'completed' },
		},
		{
			title: 'API webhook (invoicePaid) signed for this URL with a fresh timestamp → {"received":true}, one item',
			lane: 'api',
			request: (url, n) => apiWebhook(url, n),
			status: 200,
			body: '{"received":true}',
			item: { provider: 'coinpayments', event: 'invoicePaid', status: 'Paid', state: 'completed', isFinal: false, currency: '5057', signedWith: 'clientSecret' },
		},
		{
			title: 'API webhook signed with another client secret → 401, nothing starts',
			lane: 'api',
			request: (url, n) => apiWebhook(url, n, { secret: cred.otherSecret }),
			status: 401,
		},
		{
			title: 'API webhook signed for another URL → 401, nothing starts',
			lane: 'api',
			request: (url, n) => apiWebhook(url, n, { signUrl: url.replace('/webhook/', '/webhook-test/') }),
			status: 401,
		},
		{
			title: 'API webhook correctly signed 10 minutes ago (replayed) → 401, nothing starts',
			lane: 'api',
			request: (url, n) => apiWebhook(url, n, { shiftMs: -MINUTES_10 }),
			status: 401,
		},
		{
			title: 'API webhook correctly signed 10 minutes ahead → 401, nothing starts',
			lane: 'api',
			request: (url, n) => apiWebhook(url, n, { shiftMs: MINUTES_10 }),
			status: 401,
		},
		{
			title: 'API webhook from another integration (X-CoinPayments-Client) → 401, nothing starts',
			lane: 'api',
			request: (url, n) => apiWebhook(url, n, { client: 'ffffffffffffffffffffffffffffffff' }),
			status: 401,
		},
	],
};

export default coinpayments;
