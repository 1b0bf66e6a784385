/**
 * The seven triggers as the hostile and load scenarios see them: how to build a valid callback for a fresh id
 * (signed with the package's own `sign…()` helpers and the e2e test keys), and where its proof of origin sits, so
 * the generator (./mutations.ts) can break exactly one thing. Lanes and credentials: ./hostile.setup.mjs.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signCryptApi } from '../../../nodes/CryptApi/signature';
import { decodeCrypto2bSecret } from '../../../nodes/Crypto2b/keys';
import { crypto2bCallbackHeaders } from '../../../nodes/Crypto2b/signature';
import type { CryptofuseSignatureSettings } from '../../../nodes/Cryptofuse/settings';
import { signCryptofuse } from '../../../nodes/Cryptofuse/signature';
import { signCryptomusWebhookBody } from '../../../nodes/Cryptomus/signature';
import { signKoywe, signKoyweBody } from '../../../nodes/Koywe/signature';
import { CASES } from '../cases';
import { uuidOf, type CallbackBuilder } from '../harness/target';

export type { BuildOptions, SignedKind } from '../harness/target';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const json = <T>(path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;

/** A trigger the hostile scenarios attack: how to build its callbacks, and its lanes in ./hostile.setup.mjs. */
export interface Target extends CallbackBuilder {
	name: string;
	/** Lane (trigger → capture, ./hostile.setup.mjs) that the reject scenarios attack. */
	lane: string;
	/** Lane of ./hostile.setup.mjs (trigger → Remove Duplicates → capture) that the load scenarios fill. */
	loadLane: string;
}

const JSON_TYPE: [string, string] = ['content-type', 'application/json'];
const NOTE = 'café Ñandú'; // NFC text, so NFC → NFD re-encodings change bytes
export { uuidOf } from '../harness/target';
const body = (text: string): Buffer => Buffer.from(text, 'utf8');

// ---------------------------------------------------------------------------------------------- keys

const cryptomusKeys = json<{ paymentApiKey: string; payoutApiKey: string }>('cryptomus/test-credentials.json');
const cryptapiPrivate = readFileSync(join(FIXTURES, 'cryptapi', 'cryptapi-test-private.pem'), 'utf8');
const crypto2b = json<{ publicKey: string; secretKeyBase64: string }>('crypto2b/vectors.json');
const crypto2bSecret = decodeCrypto2bSecret(crypto2b.secretKeyBase64) as Buffer;
const cryptofuse = json<{ webhookSecret: string }>('cryptofuse/test-credentials.json');
const koywe = json<{ secret: string }>('koywe/vectors.json');
/** Same value as E2E_VALIDATION_JWT in test/e2e/koywe.setup.mjs. */
export const VALIDATION_JWT = 'e2e.koywe-validation.jwt-not-secret';

/** Every secret a log line must never contain. */
export const SECRETS: string[] = [
	cryptomusKeys.paymentApiKey,
	cryptomusKeys.payoutApiKey,
	crypto2b.secretKeyBase64,
	cryptofuse.webhookSecret,
	koywe.secret,
	VALIDATION_JWT,
	cryptapiPrivate.split('\n')[1],
	...CASES.flatMap((c) => c.secrets),
];

/** The `custom` Cryptofuse lane's settings (test/fixtures/cryptofuse/e2e-custom-parameters.json): signed timestamp. */
const { signatureEncoding, signaturePrefix, ...sameNames } = json<
	Omit<CryptofuseSignatureSettings, 'encoding' | 'prefix'> & { signatureEncoding: 'base64'; signaturePrefix: string }
>('cryptofuse/e2e-custom-parameters.json');
const CRYPTOFUSE_CUSTOM: CryptofuseSignatureSettings = { ...sameNames, encoding: signatureEncoding, prefix: signaturePrefix };
const OTHER = 'not-the-configured-secret-0123456789';
/** A second RSA key (CryptAPI "from another key"). */
const OTHER_RSA = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

// ---------------------------------------------------------------------------------------------- bodies

const cryptomusJson = (n: string) =>
	`{"type":"payment","uuid":"${uuidOf(n)}","order_id":"${n}","amount":"3.00000000","payment_amount":"3.00000000","merchant_amount":"2.94000000","commission":"0.06000000","is_final":true,"status":"paid","from":"THgEWubVc8tPKXLJ4VZ5zbiiAK7AgqSeGH","network":"tron","currency":"TRX","additional_data":"https:\\/\\/shop.example\\/o\\/${n} ${NOTE}","txid":"6f0d9c8374db57ca"}`;
const cryptapiQuery = (n: string) =>
	`order_id=${n}&note=caf%C3%A9+x%2Fy&uuid=${uuidOf(n)}&address_in=3PFoGK63cVVUWnd2vu7W1kM83NXUfvzMqM&txid_in=a2174ffd39&value_coin=0.05&coin=btc&confirmations=3&pending=0`;
const cryptapiJson = (n: string) =>
	`{"uuid":"${uuidOf(n)}","address_in":"TXLAQ63Xg1NAzckPwKHvzw7CSEmLMEqcdj","txid_in":"a2174ffd39","value_coin":"12.5","coin":"trc20_usdt","confirmations":"3","pending":"0","order_id":"${n}","note":"${NOTE} a/b"}`;
const crypto2bJson = (n: string) =>
	`{"data":{"type":"Deposit","id":${parseInt(uuidOf(n).slice(0, 7), 16)},"status":"Success","date":"2024-01-15T10:30:00Z","clientDepositId":"${n}","error":null,"note":"${NOTE} a/b"}}`;
const cryptofuseJson = (n: string) =>
	`{"event":"payment_status_update","data":{"transaction_id":"${uuidOf(n)}","status":"completed","order_id":"${n}","price_amount":"100.00","price_currency":"USD","note":"${NOTE} a/b"},"timestamp":"2025-01-15T10:20:00Z"}`;
const koyweBodyJson = (n: string) =>
	`{"eventName":"payment_received","orderId":"${uuidOf(n)}","note":"${NOTE} a/b","timeStamp":"2022-10-26T22:36:41.658Z"}`;
const koyweHeaderJson = (n: string) =>
	`{"id":"evt_${n}","type":"order.completed","data":{"orderId":"${uuidOf(n)}","note":"${NOTE} a/b"}}`;
const validationJson = (n: string) => `{"email":"${n}@example.com","note":"${NOTE}"}`;

// ---------------------------------------------------------------------------------------------- targets

const path = (url: string) => new URL(url).pathname;

/**
 * A target whose signature is a member of the JSON body over the body's value (Cryptomus `sign`, Koywe `signature`):
 * `signedBody(json, otherKey)` is the provider's signer, returning the body with the member appended.
 */
function valueSigned(
	name: string,
	laneName: string,
	member: string,
	json: (nonce: string) => string,
	signedBody: (json: string, otherKey: boolean) => string,
): Target {
	const pattern = new RegExp(`"${member}":"([0-9a-f]+)"`);
	return {
		name,
		lane: `hostile.${laneName}`,
		loadLane: `hostile.load-${laneName}`,
		encoding: 'hex',
		kind: 'value',
		methods: ['POST'],
		signatureHeader: '',
		requiredHeaders: [],
		signsUrl: false,
		build(_url, o) {
			const sig = pattern.exec(signedBody(json(o.signNonce ?? o.nonce), o.otherKey === true))?.[1] ?? '';
			return { method: 'POST', headers: [JSON_TYPE], body: body(`${json(o.nonce).slice(0, -1)},"${member}":"${sig}"}`) };
		},
	};
}

export const TARGETS: Target[] = [
	valueSigned('Cryptomus', 'cryptomus', 'sign', cryptomusJson, (json, other) =>
		signCryptomusWebhookBody(json, other ? OTHER : cryptomusKeys.paymentApiKey),
	),
	{
		name: 'CryptAPI',
		loadLane: 'hostile.load-cryptapi',
		encoding: 'base64',
		lane: 'hostile.cryptapi',
		kind: 'raw',
		methods: ['GET', 'POST'],
		signatureHeader: 'x-ca-signature',
		withBody: { post: true },
		requiredHeaders: [],
		signsUrl: true,
		build(url, o) {
			const key = o.otherKey ? OTHER_RSA : cryptapiPrivate;
			if (o.post) {
				const sig = signCryptApi(cryptapiJson(o.signNonce ?? o.nonce), key);
				return { method: 'POST', headers: [JSON_TYPE, ['x-ca-signature', sig]], body: body(cryptapiJson(o.nonce)) };
			}
			const query = cryptapiQuery(o.nonce);
			const signedQuery = o.signNonce ? cryptapiQuery(o.signNonce) : query;
			const sig = signCryptApi(`${o.signUrl ?? url}?${signedQuery}`, key);
			return { method: 'GET', query: `?${o.sendQuery ? o.sendQuery(query) : query}`, headers: [['x-ca-signature', sig]] };
		},
	},
	{
		name: 'Crypto2B',
		loadLane: 'hostile.load-crypto2b',
		encoding: 'base64',
		lane: 'hostile.crypto2b',
		kind: 'raw',
		methods: ['POST'],
		signatureHeader: 'x-processing-signature',
		requiredHeaders: ['x-processing-key', 'x-processing-timestamp', 'x-processing-recvwindow'],
		timestamp: { header: 'x-processing-timestamp', windowMs: 5_000, unit: 'ms' },
		signsUrl: true,
		build(url, o) {
			const headers = crypto2bCallbackHeaders({
				publicKey: crypto2b.publicKey,
				secret: o.otherKey ? Buffer.from(OTHER) : crypto2bSecret,
				timestamp: o.timestampText ?? String(o.atMs ?? Date.now()),
				recvWindow: o.recvWindow ?? '5000',
				relativeUrl: path(o.signUrl ?? url),
				body: crypto2bJson(o.signNonce ?? o.nonce),
			});
			return { method: 'POST', headers: [JSON_TYPE, ...Object.entries(headers)], body: body(crypto2bJson(o.nonce)) };
		},
	},
	{
		name: 'Cryptofuse',
		loadLane: 'hostile.load-cryptofuse',
		encoding: 'base64',
		lane: 'hostile.cryptofuse',
		kind: 'raw',
		methods: ['POST'],
		signatureHeader: CRYPTOFUSE_CUSTOM.signatureHeader.toLowerCase(),
		signatureList: true,
		requiredHeaders: [CRYPTOFUSE_CUSTOM.timestampHeader.toLowerCase()],
		timestamp: { header: CRYPTOFUSE_CUSTOM.timestampHeader.toLowerCase(), windowMs: CRYPTOFUSE_CUSTOM.replayWindowSeconds * 1000, unit: 's' },
		signsUrl: false,
		build(_url, o) {
			const stamp = o.timestampText ?? String(Math.floor((o.atMs ?? Date.now()) / 1000));
			const signed = body(cryptofuseJson(o.signNonce ?? o.nonce));
			const sig = signCryptofuse(signed, o.otherKey ? OTHER : cryptofuse.webhookSecret, CRYPTOFUSE_CUSTOM, stamp);
			return {
				method: 'POST',
				headers: [JSON_TYPE, [CRYPTOFUSE_CUSTOM.timestampHeader, stamp], [CRYPTOFUSE_CUSTOM.signatureHeader, sig]],
				body: body(cryptofuseJson(o.nonce)),
			};
		},
	},
	valueSigned('Koywe (body signature)', 'koyweBody', 'signature', koyweBodyJson, (json, other) =>
		signKoyweBody(json, other ? OTHER : koywe.secret),
	),
	{
		name: 'Koywe (header signature)',
		loadLane: 'hostile.load-koyweHeader',
		encoding: 'hex',
		lane: 'hostile.koyweHeader',
		kind: 'raw',
		methods: ['POST'],
		signatureHeader: 'koywe-signature',
		requiredHeaders: [],
		signsUrl: false,
		build(_url, o) {
			const sig = signKoywe(koyweHeaderJson(o.signNonce ?? o.nonce), o.otherKey ? OTHER : koywe.secret);
			return { method: 'POST', headers: [JSON_TYPE, ['koywe-signature', sig]], body: body(koyweHeaderJson(o.nonce)) };
		},
	},
	...CASES.map((c): Target => ({ ...c.callbacks, name: c.name, lane: `hostile.${c.id}`, loadLane: `hostile.load-${c.id}` })),
	{
		name: 'Koywe user validation',
		loadLane: 'hostile.load-koyweValidation',
		encoding: 'token',
		lane: 'hostile.koyweValidation',
		kind: 'token',
		methods: ['POST'],
		signatureHeader: 'authorization',
		requiredHeaders: [],
		signsUrl: false,
		build(_url, o) {
			const token = o.otherKey ? 'e2e.another-tenant.jwt-not-secret' : VALIDATION_JWT;
			return { method: 'POST', headers: [JSON_TYPE, ['authorization', `Bearer ${token}`]], body: body(validationJson(o.nonce)) };
		},
	},
];
