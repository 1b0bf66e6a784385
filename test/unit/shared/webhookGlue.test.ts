/**
 * What every trigger answers when n8n cannot hand it the body: n8n's `req.readRawBody()` rejects with raw-body's
 * PayloadTooLargeError (status 413) for a body over N8N_PAYLOAD_SIZE_MAX, or with a BadRequestError when its
 * multipart parser already consumed the stream. Found by the hostile suite (a well-formed multipart body → 500).
 * Expected: 413 / 400 with a generic body, a log reason, no workflow — never a 500.
 */
import type { INodeType } from 'n8n-workflow';

import { CryptApiTrigger } from '../../../nodes/CryptApiTrigger/CryptApiTrigger.node';
import { Crypto2bTrigger } from '../../../nodes/Crypto2b/Crypto2bTrigger.node';
import { CryptofuseTrigger } from '../../../nodes/Cryptofuse/CryptofuseTrigger.node';
import { CryptomusTrigger } from '../../../nodes/CryptomusTrigger/CryptomusTrigger.node';
import { KoyweTrigger } from '../../../nodes/Koywe/KoyweTrigger.node';
import { KoyweUserValidationTrigger } from '../../../nodes/KoyweUserValidation/KoyweUserValidationTrigger.node';
import { runWebhook, type MockRequest, type MockSetup } from '../../helpers/webhookContext';
import { TEST_PUBLIC_PEM } from '../cryptapi/fixtures';
import { vectors as crypto2b } from '../crypto2b/fixtures';

const PKG = 'n8n-nodes-crypto-webhooks';
const JWT = 'unit.jwt-not-secret';

/** Each trigger with a configuration that gets as far as reading the body. */
const TRIGGERS: Array<[string, INodeType, Omit<MockSetup, 'request'>, MockRequest]> = [
	['Cryptomus', new CryptomusTrigger(), { nodeType: `${PKG}.cryptomusTrigger`, parameters: { options: {} }, credentials: { cryptomusApi: { merchantId: 'm', paymentApiKey: 'pay-key', payoutApiKey: '' } } }, {}],
	['CryptAPI', new CryptApiTrigger(), { nodeType: `${PKG}.cryptApiTrigger`, parameters: { publicKey: TEST_PUBLIC_PEM, options: {} } }, { headers: { 'x-ca-signature': 'x' } }],
	['Crypto2B', new Crypto2bTrigger(), { nodeType: `${PKG}.crypto2bTrigger`, parameters: { options: {} }, credentials: { crypto2bApi: { publicKey: crypto2b.publicKey, secretKey: crypto2b.secretKeyBase64 } } }, {}],
	['Cryptofuse', new CryptofuseTrigger(), { nodeType: `${PKG}.cryptofuseTrigger`, parameters: { webhookVersion: 'v1', options: {} }, credentials: { cryptofuseApi: { webhookSecret: 'secret' } } }, { headers: { 'x-cryptofuse-signature': 'x' } }],
	['Koywe (body)', new KoyweTrigger(), { nodeType: `${PKG}.koyweTrigger`, parameters: { signatureMode: 'body', options: {} }, credentials: { koyweApi: { webhookSecret: 'secret' } } }, {}],
	['Koywe (header)', new KoyweTrigger(), { nodeType: `${PKG}.koyweTrigger`, parameters: { signatureMode: 'header', options: {} }, credentials: { koyweApi: { webhookSecret: 'secret' } } }, {}],
	['Koywe user validation', new KoyweUserValidationTrigger(), { nodeType: `${PKG}.koyweUserValidationTrigger`, parameters: { decisionField: 'allowed', options: {} }, credentials: { koyweUserValidationApi: { authentication: 'bearer', bearerToken: JWT } } }, { headers: { authorization: `Bearer ${JWT}` } }],
];

/** raw-body's error for a body over the limit, as n8n's readRawBody rethrows it. */
function payloadTooLarge(): Error {
	return Object.assign(new Error('request entity too large'), { name: 'PayloadTooLargeError', type: 'entity.too.large', status: 413, statusCode: 413, expose: true, limit: 16 * 2 ** 20, length: 17 * 2 ** 20 });
}
/** n8n's BadRequestError when the stream was consumed (by its multipart parser) or aborted. */
function streamNotReadable(): Error {
	return Object.assign(new Error('Request body stream was aborted or is not readable'), { name: 'BadRequestError', httpStatusCode: 400, errorCode: 400 });
}

describe.each(TRIGGERS)('%s: n8n cannot hand over the body', (_name, node, setup, request) => {
	it('over the payload limit → 413 "Payload Too Large", logged as body_too_large, no workflow', async () => {
		const run = await runWebhook(node, { ...setup, request: { ...request, headers: { 'content-type': 'application/json', ...request.headers }, unreadableBody: payloadTooLarge() } });
		expect(run.response).toMatchObject({ status: 413, body: 'Payload Too Large', ended: true });
		expect(run.items).toHaveLength(0);
		expect(run.logs.map((l) => l.message).join('\n')).toMatch(/HTTP 413: body_too_large/);
	});

	it('stream already consumed (multipart) → 400, logged as body_unreadable, no workflow', async () => {
		const run = await runWebhook(node, { ...setup, request: { ...request, headers: { 'content-type': 'multipart/form-data; boundary=x', ...request.headers }, unreadableBody: streamNotReadable() } });
		expect(run.response).toMatchObject({ status: 400, body: 'Bad Request', ended: true });
		expect(run.items).toHaveLength(0);
		expect(run.logs.map((l) => l.message).join('\n')).toMatch(/HTTP 400: body_unreadable/);
	});
});
