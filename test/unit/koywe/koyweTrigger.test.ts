import type { INodeCredentialTestResult } from 'n8n-workflow';

import { KoyweTrigger } from '../../../nodes/Koywe/KoyweTrigger.node';
import { signKoywe, signKoyweBody } from '../../../nodes/Koywe/signature';
import { JSON_ACK } from '../../../nodes/shared/webhookGlue';
import { runActivation, runWebhook, type MockSetup } from '../../helpers/webhookContext';
import { BODY_VECTOR, HEADER_VECTOR_BODY, HEADER_VECTOR_HEADERS, ORDER_ID, SECRET } from './fixtures';

const node = new KoyweTrigger();

function setup(overrides: Partial<MockSetup> & { parameters?: Record<string, unknown> } = {}): MockSetup {
	return {
		nodeType: 'n8n-nodes-crypto-webhooks.koyweTrigger',
		credentials: { koyweApi: { webhookSecret: SECRET } },
		...overrides,
		parameters: {
			signatureMode: 'body',
			events: ['payment_received', 'payment_rejected', 'payment_expired', 'crypto_tx_sent', 'crypto_delivered', 'crypto_tx_failed'],
			eventTypes: '',
			options: {},
			...overrides.parameters,
		},
	};
}

const bodyRequest = (body: string | Buffer) => ({ body, headers: { 'content-type': 'application/json' } });
const headerRequest = (body: Buffer | string = HEADER_VECTOR_BODY, headers = HEADER_VECTOR_HEADERS) => ({ body, headers });

describe('KoyweTrigger.webhook() — body signature (Ramp API)', () => {
	it('emits one normalized item for the spec vector and answers 200', async () => {
		const run = await runWebhook(node, setup({ request: bodyRequest(BODY_VECTOR) }));
		expect(run.response).toMatchObject({ status: 200, body: JSON_ACK.body, ended: true });
		expect(run.result.noWebhookResponse).toBe(true);
		expect(run.items).toHaveLength(1);
		const [item] = run.items;
		expect(item).toMatchObject({
			provider: 'koywe',
			event: 'crypto_delivered',
			state: 'completed',
			isFinal: true,
			orderId: ORDER_ID,
			dedupeKey: `${ORDER_ID}:crypto_delivered`,
			payload: JSON.parse(BODY_VECTOR),
		});
		expect(Number.isNaN(Date.parse(item.receivedAt as string))).toBe(false);
	});

	it('answers 401, starts nothing and logs only the reason for a forged event', async () => {
		const forged = BODY_VECTOR.replace('crypto_delivered', 'payment_received');
		const run = await runWebhook(node, setup({ request: bodyRequest(forged) }));
		expect(run.response).toMatchObject({ status: 401, body: 'Unauthorized' });
		expect(run.items).toHaveLength(0);
		const logged = JSON.stringify(run.logs);
		expect(logged).toContain('mismatch');
		expect(logged).not.toContain(SECRET);
		expect(logged).not.toContain(ORDER_ID);
	});

	it('answers 401 for an unsigned body and 400 for a body that is not JSON', async () => {
		const unsigned = await runWebhook(node, setup({ request: bodyRequest(`{"eventName":"payment_received","orderId":"${ORDER_ID}"}`) }));
		expect(unsigned.response.status).toBe(401);
		const notJson = await runWebhook(node, setup({ request: bodyRequest('eventName=payment_received') }));
		expect(notJson.response.status).toBe(400);
		expect([...unsigned.items, ...notJson.items]).toHaveLength(0);
	});

	it('acknowledges an unselected event without starting the workflow', async () => {
		const run = await runWebhook(node, setup({ parameters: { events: ['payment_received'] }, request: bodyRequest(BODY_VECTOR) }));
		expect(run.response).toMatchObject({ status: 200, body: JSON_ACK.body });
		expect(run.items).toHaveLength(0);
	});

	it('answers 400 for a validly signed body without an eventName', async () => {
		const body = signKoyweBody(`{"orderId":"${ORDER_ID}"}`, SECRET);
		const run = await runWebhook(node, setup({ request: bodyRequest(body) }));
		expect(run.response.status).toBe(400);
		expect(run.items).toHaveLength(0);
	});

	it('applies the replay window when set', async () => {
		const stale = await runWebhook(node, setup({ parameters: { options: { replayWindowSeconds: 300 } }, request: bodyRequest(BODY_VECTOR) }));
		expect(stale.response.status).toBe(401);
		expect(JSON.stringify(stale.logs)).toContain('stale');
		const fresh = signKoyweBody(
			`{"eventName":"payment_received","orderId":"${ORDER_ID}","timeStamp":"${new Date().toISOString()}"}`,
			SECRET,
		);
		const ok = await runWebhook(node, setup({ parameters: { options: { replayWindowSeconds: 300 } }, request: bodyRequest(fresh) }));
		expect(ok.items).toHaveLength(1);
	});

	it('reads the raw body when n8n has not buffered it yet, and can drop the payload', async () => {
		const run = await runWebhook(
			node,
			setup({ parameters: { options: { includePayload: false } }, request: { ...bodyRequest(BODY_VECTOR), lazyRawBody: true } }),
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).not.toHaveProperty('payload');
	});
});

describe('KoyweTrigger.webhook() — Koywe-Signature header (Payments API)', () => {
	const headerSetup = (request: MockSetup['request'], eventTypes = '') =>
		setup({ parameters: { signatureMode: 'header', eventTypes }, request });

	it('emits the spec vector', async () => {
		const run = await runWebhook(node, headerSetup(headerRequest()));
		expect(run.response.status).toBe(200);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ event: 'order.completed', id: 'evt_1', orderId: ORDER_ID, state: 'completed' });
	});

	it('rejects a body-signed event, a missing header and extra whitespace in the body', async () => {
		const bodySigned = await runWebhook(node, headerSetup(bodyRequest(BODY_VECTOR)));
		const noHeader = await runWebhook(node, headerSetup(headerRequest(HEADER_VECTOR_BODY, { 'content-type': 'application/json' })));
		const spaced = await runWebhook(node, headerSetup(headerRequest(Buffer.concat([HEADER_VECTOR_BODY, Buffer.from('\n')]))));
		for (const run of [bodySigned, noHeader, spaced]) {
			expect(run.response.status).toBe(401);
			expect(run.items).toHaveLength(0);
		}
	});

	it('answers 400 for a validly signed body that is not JSON or has no type', async () => {
		for (const text of ['type=order.paid', '{"id":"evt_3","data":{}}']) {
			const body = Buffer.from(text);
			const headers = { 'content-type': 'application/json', 'koywe-signature': signKoywe(body, SECRET) };
			const run = await runWebhook(node, headerSetup(headerRequest(body, headers)));
			expect(run.response.status).toBe(400);
			expect(run.items).toHaveLength(0);
		}
	});

	it('filters by the free list of event types', async () => {
		const skipped = await runWebhook(node, headerSetup(headerRequest(), 'order.paid'));
		expect(skipped.response.status).toBe(200);
		expect(skipped.items).toHaveLength(0);
		const wildcard = await runWebhook(node, headerSetup(headerRequest(), 'contact.*, order.*'));
		expect(wildcard.items).toHaveLength(1);
	});
});

describe('KoyweTrigger configuration', () => {
	it('refuses unsigned events in both modes before reading the credential (reading it would fail here)', async () => {
		const credentials = { koyweApi: new Error('the credential must not be read for this request') };
		const unsignedBody = JSON.stringify({ eventName: 'crypto_delivered', orderId: ORDER_ID });
		const body = await runWebhook(node, setup({ credentials, request: bodyRequest(unsignedBody) }));
		const header = await runWebhook(node, setup({ credentials, parameters: { signatureMode: 'header' }, request: bodyRequest(HEADER_VECTOR_BODY) }));
		for (const run of [body, header]) {
			expect([run.response.status, run.items.length]).toEqual([401, 0]);
			expect(JSON.stringify(run.logs)).toContain('missing_signature');
		}
		const signed = await runWebhook(node, setup({ credentials, request: bodyRequest(BODY_VECTOR) }));
		expect(JSON.stringify(signed.logs)).toContain('credential_missing');
	});

	it('answers 401 when the credential is missing or empty', async () => {
		const missing = await runWebhook(node, setup({ credentials: {}, request: bodyRequest(BODY_VECTOR) }));
		const empty = await runWebhook(node, setup({ credentials: { koyweApi: { webhookSecret: '  ' } }, request: bodyRequest(BODY_VECTOR) }));
		for (const run of [missing, empty]) {
			expect(run.response.status).toBe(401);
			expect(run.items).toHaveLength(0);
			expect(JSON.stringify(run.logs)).toContain('credential_missing');
		}
	});

	it('answers 403 outside the IP allowlist', async () => {
		const run = await runWebhook(
			node,
			setup({ parameters: { options: { ipAllowlist: '203.0.113.0/24' } }, request: { ...bodyRequest(BODY_VECTOR), remoteAddress: '198.51.100.7' } }),
		);
		expect(run.response.status).toBe(403);
		expect(run.items).toHaveLength(0);
	});

	it('refuses to activate without a secret or with a bad allowlist', async () => {
		await expect(runActivation(node, setup())).resolves.toBe(true);
		await expect(runActivation(node, setup({ credentials: { koyweApi: { webhookSecret: '' } } }))).rejects.toThrow(/no webhook secret/);
		await expect(runActivation(node, setup({ parameters: { options: { ipAllowlist: 'not-an-ip' } } }))).rejects.toThrow(/not-an-ip/);
	});

	it('has an honest credential test', async () => {
		const test = node.methods.credentialTest.koyweApiTest;
		const run = async (data: Record<string, string>): Promise<INodeCredentialTestResult> =>
			await test.call({} as never, { id: '1', name: 'Koywe', type: 'koyweApi', data });
		await expect(run({ webhookSecret: '' })).resolves.toMatchObject({ status: 'Error' });
		await expect(run({ webhookSecret: SECRET })).resolves.toMatchObject({ status: 'OK' });
	});
});
