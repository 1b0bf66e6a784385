/**
 * The pinned sample event of each example workflow (examples/*.workflow.json): the item the example's trigger
 * produces, through its real `webhook()`, for a fixture vector signed with the package's own `sign…()` and the test
 * keys — never typed by hand. ./pinnedSamples.test.ts checks the examples carry exactly these items (and writes them
 * with `npm run examples:samples`); `npm run dev -- --check` checks them against the schema n8n serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { CryptApiTrigger } from '../../../nodes/CryptApiTrigger/CryptApiTrigger.node';
import { signCryptApi } from '../../../nodes/CryptApi/signature';
import { Crypto2bTrigger } from '../../../nodes/Crypto2b/Crypto2bTrigger.node';
import { crypto2bCallbackHeaders } from '../../../nodes/Crypto2b/signature';
import { CryptofuseTrigger } from '../../../nodes/Cryptofuse/CryptofuseTrigger.node';
import { DEFAULT_SIGNATURE_SETTINGS } from '../../../nodes/Cryptofuse/settings';
import { cryptofuseSignedHeaders } from '../../../nodes/Cryptofuse/signature';
import { signCryptomusWebhookBody } from '../../../nodes/Cryptomus/signature';
import { CryptomusTrigger } from '../../../nodes/CryptomusTrigger/CryptomusTrigger.node';
import { KoyweTrigger } from '../../../nodes/Koywe/KoyweTrigger.node';
import { KoyweUserValidationTrigger } from '../../../nodes/KoyweUserValidation/KoyweUserValidationTrigger.node';
import type { MockSetup } from '../../helpers/webhookContext';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
const json = <T>(path: string): T => JSON.parse(fixture(path)) as T;

/** When every sample "arrived" (the items' receivedAt; signed timestamps use it too). */
export const SAMPLE_TIME = new Date('2026-01-15T10:30:00.000Z');
/** The request line n8n hands the trigger (its production URL's path). */
const PATH = '/webhook/test-webhook-id/webhook';
const PUBLIC_URL = `https://n8n.example.com${PATH}`;
const JSON_TYPE = { 'content-type': 'application/json' };

export interface Sample {
	/** examples/<example>.workflow.json */
	example: string;
	node: INodeType;
	/** Where the delivered bytes come from. */
	vector: string;
	/** The delivery, as `runWebhook()` takes it; `parameters` are what the test needs on top of the example's (keys). */
	setup(): MockSetup;
}

const cryptomusKeys = json<{ merchantId: string; paymentApiKey: string; payoutApiKey: string }>('cryptomus/test-credentials.json');
const crypto2b = json<{ publicKey: string; secretKeyBase64: string }>('crypto2b/vectors.json');
const koywe = json<{ secret: string }>('koywe/vectors.json');
const cryptofuse = json<{ webhookSecret: string }>('cryptofuse/test-credentials.json');

const setup = (name: string, parameters: Record<string, unknown>, rest: Omit<MockSetup, 'nodeType' | 'parameters'>): MockSetup => ({
	nodeType: `n8n-nodes-crypto-webhooks.${name}`,
	typeVersion: 1,
	parameters,
	webhookUrl: PUBLIC_URL,
	...rest,
});

export const SAMPLES: Sample[] = [
	{
		example: 'cryptomus-payments',
		node: new CryptomusTrigger(),
		vector: 'test/fixtures/cryptomus/payment-example.unsigned.json (Cryptomus\'s documented payment webhook)',
		setup: () =>
			setup(
				'cryptomusTrigger',
				{},
				{
					credentials: { cryptomusApi: { ...cryptomusKeys, baseUrl: '' } },
					request: {
						body: signCryptomusWebhookBody(fixture('cryptomus/payment-example.unsigned.json'), cryptomusKeys.paymentApiKey),
						headers: JSON_TYPE,
					},
				},
			),
	},
	{
		example: 'cryptapi-payments',
		node: new CryptApiTrigger(),
		vector: 'test/fixtures/cryptapi/sample-confirmed.query.txt (a confirmed GET callback with your order_id)',
		setup: () => {
			const query = fixture('cryptapi/sample-confirmed.query.txt').trim();
			const publicKey = fixture('cryptapi/cryptapi-test-public.pem');
			return setup(
				'cryptApiTrigger',
				{ publicKey },
				{
					request: {
						method: 'GET',
						url: `${PATH}?${query}`,
						headers: { 'x-ca-signature': signCryptApi(`${PUBLIC_URL}?${query}`, fixture('cryptapi/cryptapi-test-private.pem')) },
					},
				},
			);
		},
	},
	{
		example: 'crypto2b-operations',
		node: new Crypto2bTrigger(),
		vector: 'test/fixtures/crypto2b/constructed-deposit.body.txt',
		setup: () => {
			const body = Buffer.from(fixture('crypto2b/constructed-deposit.body.txt'), 'utf8');
			const headers = crypto2bCallbackHeaders({
				secret: Buffer.from(crypto2b.secretKeyBase64, 'base64'),
				publicKey: crypto2b.publicKey,
				timestamp: String(SAMPLE_TIME.getTime()),
				relativeUrl: PATH,
				body,
			});
			return setup(
				'crypto2bTrigger',
				{},
				{
					credentials: { crypto2bApi: { publicKey: crypto2b.publicKey, secretKey: crypto2b.secretKeyBase64 } },
					request: { body, headers: { ...JSON_TYPE, ...headers }, url: PATH },
				},
			);
		},
	},
	{
		example: 'koywe-order-events',
		node: new KoyweTrigger(),
		vector: "test/fixtures/koywe/crypto_delivered.body.txt (Koywe's documented event, signed with the test secret)",
		setup: () =>
			setup(
				'koyweTrigger',
				{},
				{
					credentials: { koyweApi: { webhookSecret: koywe.secret } },
					request: { body: fixture('koywe/crypto_delivered.body.txt'), headers: JSON_TYPE },
				},
			),
	},
	{
		example: 'koywe-user-validation',
		node: new KoyweUserValidationTrigger(),
		vector: "the README's quick-start call: {\"email\":\"ana@example.com\"} with a bearer token",
		setup: () =>
			setup(
				'koyweUserValidationTrigger',
				{ options: { decisionTimeoutSeconds: 0.1 } },
				{
					credentials: { koyweUserValidationApi: { authentication: 'bearer', bearerToken: 'sample-token' } },
					request: { body: '{"email":"ana@example.com"}', headers: { ...JSON_TYPE, authorization: 'Bearer sample-token' } },
				},
			),
	},
	{
		example: 'cryptofuse-payments',
		node: new CryptofuseTrigger(),
		vector: 'test/fixtures/cryptofuse/v1-payment-status-update.body.json (the webhook reference\'s example)',
		setup: () => {
			const body = Buffer.from(fixture('cryptofuse/v1-payment-status-update.body.json'), 'utf8');
			return setup(
				'cryptofuseTrigger',
				{},
				{
					credentials: { cryptofuseApi: { webhookSecret: cryptofuse.webhookSecret } },
					request: {
						body,
						headers: { ...JSON_TYPE, ...cryptofuseSignedHeaders(body, cryptofuse.webhookSecret, DEFAULT_SIGNATURE_SETTINGS, SAMPLE_TIME) },
					},
				},
			);
		},
	},
];

/** The paragraph every example's sticky note ends with, naming the pinned item a sample. */
export function sampleNote(triggerName: string): string {
	return `**Pinned sample event:** **${triggerName}** carries one sample item (made from a signed test vector, not a real payment), so *Execute workflow* runs the whole example at once and the next nodes show its fields. Unpin it (pin icon in the trigger's output) before you listen for a real test event; published workflows never use pinned data.`;
}
