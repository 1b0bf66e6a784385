/**
 * Signed callbacks of every trigger, for the benchmarks: `npm run bench` (in-process, through n8n-core's real
 * WebhookContext) and `npm run bench:n8n` (a real n8n, via the e2e harness) send exactly these requests.
 *
 * A body of about `size` bytes is the provider's own fields plus an `items` list whose entries carry slashes,
 * non-ASCII text and (where the provider's server is not PHP) a number literal that does not survive `JSON.parse`,
 * so the re-encoders and the lossless reader do their real work. Everything is signed with the package's own
 * `sign…()` functions and the test fixtures' throw-away keys.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signCryptApi } from '../../nodes/CryptApi/signature';
import { crypto2bCallbackHeaders } from '../../nodes/Crypto2b/signature';
import { cryptofuseSignedHeaders } from '../../nodes/Cryptofuse/signature';
import { DEFAULT_SIGNATURE_SETTINGS } from '../../nodes/Cryptofuse/settings';
import { signCryptomusWebhookBody } from '../../nodes/Cryptomus/signature';
import { signKoyweBody } from '../../nodes/Koywe/signature';
import { signOxaPay } from '../../nodes/OxaPay/signature';

// test/helpers/ in the repo, or .bench/test/helpers/ when `npm run bench` compiled it
const fixtures = [join(__dirname, '..', 'fixtures'), join(__dirname, '..', '..', '..', 'test', 'fixtures')].find((dir) =>
	existsSync(dir),
) as string;
const fixture = (file: string): string => readFileSync(join(fixtures, file), 'utf8');
const json = <T>(file: string): T => JSON.parse(fixture(file)) as T;

export const BENCH_TRIGGERS = ['cryptomus', 'cryptapi', 'crypto2b', 'koywe', 'cryptofuse', 'oxapay'] as const;
export type BenchTriggerName = (typeof BENCH_TRIGGERS)[number];

export interface BenchRequest {
	body: Buffer;
	/** Lower-case names. */
	headers: Record<string, string>;
}

export interface BenchTrigger {
	name: BenchTriggerName;
	/** The node's type name inside the package (`cryptomusTrigger`). */
	nodeType: string;
	/** The credential the node reads, with its data (none for CryptAPI: its key is a node parameter). */
	credential?: { type: string; data: Record<string, string> };
	parameters: Record<string, unknown>;
	/** The secret the pure verify function takes, as the node derives it from the credential or parameters. */
	secret: string;
	/** A correctly signed delivery of `jsonText` (from `payload()`) to `relativeUrl` at `now`. */
	sign(jsonText: string, relativeUrl: string, now: Date): BenchRequest;
	/** The same delivery with its signature changed in one character (well-formed, wrong). */
	forge(request: BenchRequest): BenchRequest;
	/** The header that carries the signature; none when it is a member of the body. */
	signatureHeader?: string;
	/** The provider's fields; `payload()` adds the items. */
	fields: Record<string, unknown>;
	/** PHP's json_encode escapes `/` (Cryptomus): the delivered body does too. */
	escapeSlashes?: boolean;
}

const cryptomusKeys = json<{ paymentApiKey: string; payoutApiKey: string }>('cryptomus/test-credentials.json');
const crypto2b = json<{ publicKey: string; secretKeyBase64: string }>('crypto2b/vectors.json');
const koywe = json<{ secret: string }>('koywe/vectors.json');
const cryptofuse = json<{ webhookSecret: string }>('cryptofuse/test-credentials.json');
const oxapay = json<{ merchantApiKey: string; payoutApiKey: string }>('oxapay/test-credentials.json');
export const CRYPTAPI_TEST_PRIVATE_PEM = fixture('cryptapi/cryptapi-test-private.pem');
export const CRYPTAPI_TEST_PUBLIC_PEM = fixture('cryptapi/cryptapi-test-public.pem');

/** Replaces the first character of `text` at `index` with another one of the same alphabet. */
function flipAt(text: string, index: number): string {
	const c = text[index];
	const replacement = c === '0' ? '1' : c === 'A' ? 'B' : /[0-9a-f]/.test(c) ? '0' : 'A';
	return text.slice(0, index) + replacement + text.slice(index + 1);
}

function forgeHeader(name: string): (request: BenchRequest) => BenchRequest {
	return (request) => ({ body: request.body, headers: { ...request.headers, [name]: flipAt(request.headers[name], 0) } });
}

/** Forges a signature carried in the body as `"<member>":"<hex>"`. */
function forgeBodyMember(member: string): (request: BenchRequest) => BenchRequest {
	return (request) => {
		const text = request.body.toString('utf8');
		const at = text.lastIndexOf(`"${member}":"`) + member.length + 4;
		return { body: Buffer.from(flipAt(text, at), 'utf8'), headers: request.headers };
	};
}

const lower = (headers: Record<string, string>): Record<string, string> =>
	Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

const LITERAL = '\u0000literal:';

/** A number literal JSON.parse would round or shorten (`benchPayload` writes it into the text as it is). */
function bigLiteral(digits: string): string {
	return `${LITERAL}${digits}`;
}

/**
 * The fields as a plain JSON value: `/` in strings replaced by `-`, number literals as strings. Its compact text is
 * exactly what `JSON.stringify` of the parsed body gives back (and what PHP's `json_encode` with unescaped Unicode
 * prints), so a check built from n8n's parsed `$json.body` accepts it.
 */
function plainValue(value: unknown): unknown {
	if (typeof value === 'string') return value.startsWith(LITERAL) ? value.slice(LITERAL.length) : value.replace(/\//g, '-');
	if (Array.isArray(value)) return value.map(plainValue);
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
	return value;
}

const JSON_TYPE = { 'content-type': 'application/json' };

export const benchTriggers: Record<BenchTriggerName, BenchTrigger> = {
	cryptomus: {
		name: 'cryptomus',
		nodeType: 'cryptomusTrigger',
		credential: { type: 'cryptomusApi', data: { paymentApiKey: cryptomusKeys.paymentApiKey, payoutApiKey: cryptomusKeys.payoutApiKey } },
		parameters: {},
		secret: cryptomusKeys.paymentApiKey,
		escapeSlashes: true,
		fields: {
			type: 'payment',
			uuid: '62f88b36-a9d5-4fa6-aa26-e040c3dbf26d',
			order_id: 'bench-order-1',
			amount: '3.00000000',
			payment_amount: '3.00000000',
			merchant_amount: '2.94000000',
			commission: '0.06000000',
			is_final: true,
			status: 'paid',
			from: 'TW6aAw8x4JjT9ry7KD2i6HDdhYDq7bZQjK',
			network: 'tron',
			currency: 'TRX',
			payer_currency: 'TRX',
			additional_data: 'https://shop.example/o/42 — café',
			txid: '6f0d9c8374db57cac0d806251473de754f361c83a03cd805f74aa9da3193486b',
		},
		sign: (jsonText) => ({ body: Buffer.from(signCryptomusWebhookBody(jsonText, cryptomusKeys.paymentApiKey)), headers: JSON_TYPE }),
		forge: forgeBodyMember('sign'),
	},
	cryptapi: {
		name: 'cryptapi',
		nodeType: 'cryptApiTrigger',
		parameters: { publicKey: CRYPTAPI_TEST_PUBLIC_PEM },
		secret: CRYPTAPI_TEST_PUBLIC_PEM,
		fields: {
			uuid: 'dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2',
			address_in: 'TGXYrTTsUPmmbRu8eA8FSfTE2hEUhdRwd3',
			address_out: 'TKyUjEhHjSn3GKcdWZmdVFnWcFCDxcEzrW',
			txid_in: 'a2174ffd39289100709f2a07b6c80193a2c0fb5ffd6f33ea0fbd2ee2e5e4c3cd',
			confirmations: '3',
			value_coin: '0.05',
			coin: 'trc20_usdt',
			price: '1.0003',
			pending: '0',
		},
		sign: (jsonText) => {
			const body = Buffer.from(jsonText, 'utf8');
			return { body, headers: { ...JSON_TYPE, 'x-ca-signature': signCryptApi(body, CRYPTAPI_TEST_PRIVATE_PEM) } };
		},
		forge: forgeHeader('x-ca-signature'),
		signatureHeader: 'x-ca-signature',
	},
	crypto2b: {
		name: 'crypto2b',
		nodeType: 'crypto2bTrigger',
		credential: { type: 'crypto2bApi', data: { publicKey: crypto2b.publicKey, secretKey: crypto2b.secretKeyBase64 } },
		parameters: {},
		secret: crypto2b.secretKeyBase64,
		fields: {
			data: {
				type: 'Deposit',
				id: 123456,
				status: 'Success',
				date: '2024-01-15T10:30:00Z',
				clientDepositId: 'bench/deposit-001',
				amount: '150.25',
				currency: 'USDT',
				error: null,
			},
		},
		sign: (jsonText, relativeUrl, now) => {
			const body = Buffer.from(jsonText, 'utf8');
			const headers = crypto2bCallbackHeaders({
				secret: Buffer.from(crypto2b.secretKeyBase64, 'base64'),
				publicKey: crypto2b.publicKey,
				timestamp: String(now.getTime()),
				recvWindow: '60000',
				relativeUrl,
				body,
			});
			return { body, headers: { ...JSON_TYPE, ...lower(headers) } };
		},
		forge: forgeHeader('x-processing-signature'),
		signatureHeader: 'x-processing-signature',
	},
	koywe: {
		name: 'koywe',
		nodeType: 'koyweTrigger',
		credential: { type: 'koyweApi', data: { webhookSecret: koywe.secret } },
		parameters: {},
		secret: koywe.secret,
		fields: {
			eventName: 'crypto_delivered',
			orderId: '5a3288ea-0bd4-44d2-af11-aae1f88bbd61',
			timeStamp: '2022-10-26T22:36:41.658Z',
			amountIn: bigLiteral('12345678901234567890'),
		},
		sign: (jsonText) => ({ body: Buffer.from(signKoyweBody(jsonText, koywe.secret), 'utf8'), headers: JSON_TYPE }),
		forge: forgeBodyMember('signature'),
	},
	cryptofuse: {
		name: 'cryptofuse',
		nodeType: 'cryptofuseTrigger',
		credential: { type: 'cryptofuseApi', data: { webhookSecret: cryptofuse.webhookSecret } },
		parameters: {},
		secret: cryptofuse.webhookSecret,
		fields: {
			event: 'payment_status_update',
			timestamp: '2025-01-01T00:00:00Z',
			data: { transaction_id: 'bench/tx-1', status: 'completed', pay_amount: '10.5', amount: bigLiteral('12345678901234567890') },
		},
		sign: (jsonText, _relativeUrl, now) => {
			const body = Buffer.from(jsonText, 'utf8');
			return { body, headers: { ...JSON_TYPE, ...lower(cryptofuseSignedHeaders(body, cryptofuse.webhookSecret, DEFAULT_SIGNATURE_SETTINGS, now)) } };
		},
		forge: forgeHeader('x-cryptofuse-signature'),
		signatureHeader: 'x-cryptofuse-signature',
	},
	oxapay: {
		name: 'oxapay',
		nodeType: 'oxaPayTrigger',
		credential: { type: 'oxaPayApi', data: { merchantApiKey: oxapay.merchantApiKey, payoutApiKey: oxapay.payoutApiKey } },
		parameters: {},
		secret: oxapay.merchantApiKey,
		fields: {
			track_id: '151811887',
			status: 'Paid',
			type: 'invoice',
			amount: bigLiteral('10.50'),
			value: bigLiteral('10.50'),
			currency: 'USDT',
			order_id: 'bench/order-1',
			description: 'Café crème — order 1',
			date: 1738493900,
		},
		sign: (jsonText) => {
			const body = Buffer.from(jsonText, 'utf8');
			return { body, headers: { ...JSON_TYPE, hmac: signOxaPay(body, oxapay.merchantApiKey) } };
		},
		forge: forgeHeader('hmac'),
		signatureHeader: 'hmac',
	},
};

/** One filler item: slashes, non-ASCII, and an amount kept as text. */
function item(index: number): Record<string, unknown> {
	return { sku: `cat/sub-${index}`, name: `Café ñandú — pieza ${index}/12 “ok”`, qty: 1, price: '10.50' };
}

export interface PayloadOptions {
	/**
	 * No `/` and no number literal that `JSON.parse` changes (see `plainValue`): a body whose compact text a check
	 * re-encoding n8n's parsed `$json.body` with `JSON.stringify` reproduces, for the hand-built verifier of
	 * `npm run bench:n8n`. Non-ASCII text stays.
	 */
	plain?: boolean;
}

/**
 * The JSON text of a delivery of about `size` bytes (UTF-8, before signing): the provider's fields plus items.
 * Cryptomus bodies escape `/` as PHP prints them.
 */
export function benchPayload(trigger: BenchTrigger, size: number, { plain = false }: PayloadOptions = {}): string {
	const items: Array<Record<string, unknown>> = [];
	const text = () => {
		if (plain) return JSON.stringify(plainValue({ ...trigger.fields, items }));
		const out = JSON.stringify({ ...trigger.fields, items }).replace(/"\\u0000literal:([-+0-9.eE]+)"/g, '$1');
		return trigger.escapeSlashes ? out.replace(/\//g, '\\/') : out;
	};
	const overhead = Buffer.byteLength(text());
	const perItem = Buffer.byteLength(JSON.stringify(item(100))) + 1;
	const count = Math.max(1, Math.round((size - overhead) / perItem));
	for (let i = 0; i < count; i++) items.push(item(i));
	return text();
}

/** The same delivery without any signature: no signature header, or the body as it was before signing. */
export function unsignedRequest(trigger: BenchTrigger, jsonText: string, relativeUrl: string, now = new Date()): BenchRequest {
	const signed = trigger.sign(jsonText, relativeUrl, now);
	if (!trigger.signatureHeader) return { body: Buffer.from(jsonText, 'utf8'), headers: signed.headers };
	const headers = { ...signed.headers };
	delete headers[trigger.signatureHeader];
	return { body: signed.body, headers };
}

/** A signed delivery of about `size` bytes for `trigger`, to the node's `relativeUrl` (path + query). */
export function benchRequest(trigger: BenchTrigger, size: number, relativeUrl: string, now = new Date()): BenchRequest {
	return trigger.sign(benchPayload(trigger, size), relativeUrl, now);
}
