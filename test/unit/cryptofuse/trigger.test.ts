import type { ICredentialsDecrypted } from 'n8n-workflow';

import { CryptofuseApi } from '../../../credentials/CryptofuseApi.credentials';
import { CryptofuseTrigger } from '../../../nodes/Cryptofuse/CryptofuseTrigger.node';
import { cryptofuseCredentialCheck } from '../../../nodes/Cryptofuse/credentialTest';
import { DEFAULT_SIGNATURE_SETTINGS as D, type CryptofuseSignatureSettings } from '../../../nodes/Cryptofuse/settings';
import { cryptofuseSignedHeaders, signCryptofuse } from '../../../nodes/Cryptofuse/signature';
import { runActivation, runWebhook, type MockRequest, type WebhookRun } from '../../helpers/webhookContext';
import { fixtureBytes, VECTORS } from './fixtures';

const node = new CryptofuseTrigger();
const SECRET = VECTORS.secret;
const URL_GUARD = 'Zq8-legacy_token.0123';
const BODY = fixtureBytes('v1-payment-status-update.body.json');
const V09 = fixtureBytes('v09-callback.body.json');
const NODE_TYPE = 'n8n-nodes-crypto-webhooks.cryptofuseTrigger';

/** Node parameters for the given signature settings (as the n8n editor stores them). */
function v1Parameters(settings: CryptofuseSignatureSettings = D, extra: Record<string, unknown> = {}) {
	return {
		webhookVersion: 'v1',
		signatureHeader: settings.signatureHeader,
		algorithm: settings.algorithm,
		signatureEncoding: settings.encoding,
		signaturePrefix: settings.prefix,
		signedContent: settings.signedContent,
		timestampHeader: settings.timestampHeader,
		replayWindowSeconds: settings.replayWindowSeconds,
		events: ['*'],
		options: {},
		...extra,
	};
}

function run(parameters: Record<string, unknown>, request: MockRequest, credential: Record<string, string> | Error = { webhookSecret: SECRET }) {
	return runWebhook(node, { nodeType: NODE_TYPE, parameters, credentials: { cryptofuseApi: credential }, request });
}

function signed(settings: CryptofuseSignatureSettings = D, body: Buffer = BODY, at = new Date()): MockRequest {
	return { body, headers: { 'content-type': 'application/json', ...cryptofuseSignedHeaders(body, SECRET, settings, at) } };
}

function expectRefused(result: WebhookRun, status: number) {
	expect(result.response.status).toBe(status);
	expect(result.items).toHaveLength(0);
	expect(result.result.noWebhookResponse).toBe(true);
	expect(result.response.body).toMatch(/^(Unauthorized|Bad Request|Forbidden)$/);
}

function logText(result: WebhookRun): string {
	return result.logs.map((line) => `${line.message} ${JSON.stringify(line.meta)}`).join('\n');
}

describe('v1.0 signed webhooks through webhook()', () => {
	it('starts the workflow once with the normalized item for a correctly signed delivery', async () => {
		const result = await run(v1Parameters(), signed());
		expect(result.response).toMatchObject({ status: 200, body: '{"received":true}' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({
			provider: 'cryptofuse',
			event: 'payment_status_update',
			status: 'completed',
			state: 'completed',
			isFinal: true,
			id: '550e8400-e29b-41d4-a716-446655440000',
			amount: '100.050000',
			currency: 'USDTERC20',
			dedupeKey: '550e8400-e29b-41d4-a716-446655440000:completed',
			webhookVersion: '1.0',
			priceAmount: '100.00',
			priceCurrency: 'USD',
		});
		expect(new Date(result.items[0].receivedAt as string).toString()).not.toBe('Invalid Date');
		expect(result.items[0].payload).toEqual(JSON.parse(BODY.toString('utf8')));
	});

	it('hides the payload when Include Raw Payload is off', async () => {
		const result = await run(v1Parameters(D, { options: { includePayload: false } }), signed());
		expect(result.items[0]).not.toHaveProperty('payload');
	});

	it('reads the raw body when n8n has not yet (lazy rawBody)', async () => {
		const result = await run(v1Parameters(), { ...signed(), lazyRawBody: true });
		expect(result.items).toHaveLength(1);
	});

	describe('every signature configuration, signed with the package signer', () => {
		const combos: CryptofuseSignatureSettings[] = [];
		for (const algorithm of ['sha256', 'sha512'] as const)
			for (const encoding of ['hex', 'base64'] as const)
				for (const prefix of ['', 'sha256='])
					for (const signedContent of ['rawBody', 'timestampDotBody'] as const)
						combos.push({ ...D, algorithm, encoding, prefix, signedContent });

		it.each(combos.map((c) => [`${c.algorithm}/${c.encoding}/${c.prefix || 'no prefix'}/${c.signedContent}`, c]))(
			'%s: accepted when signed so, refused when signed otherwise',
			async (_name, settings) => {
				expect((await run(v1Parameters(settings), signed(settings))).items).toHaveLength(1);
				const other = { ...settings, algorithm: settings.algorithm === 'sha256' ? ('sha512' as const) : ('sha256' as const) };
				expectRefused(await run(v1Parameters(settings), signed(other)), 401);
			},
		);
	});

	it('accepts a delivery carrying the old and the new signature (rotation)', async () => {
		const old = signCryptofuse(BODY, 'whsk_retired_secret', D);
		const current = signCryptofuse(BODY, SECRET, D);
		const result = await run(v1Parameters(), { body: BODY, headers: { 'X-Cryptofuse-Signature': `${old}, ${current}` } });
		expect(result.items).toHaveLength(1);
	});

	it('refuses a forged body with 401, a generic answer and a reason in the log (no secret, no signature)', async () => {
		const request = signed();
		const forged = Buffer.from(BODY.toString('utf8').replace('"completed"', '"failed"'));
		const result = await run(v1Parameters(), { ...request, body: forged });
		expectRefused(result, 401);
		const log = logText(result);
		expect(log).toContain('mismatch');
		expect(log).not.toContain(SECRET);
		expect(log).not.toContain((request.headers as Record<string, string>)['X-Cryptofuse-Signature']);
		expect(log).not.toContain('ORDER-12345');
	});

	it('refuses an unsigned request', async () => {
		const result = await run(v1Parameters(), { body: BODY, headers: { 'content-type': 'application/json' } });
		expectRefused(result, 401);
		expect(logText(result)).toContain('missing_signature');
	});

	it('refuses an unsigned request before reading the credential (reading it would fail here)', async () => {
		const unreadable = new Error('the credential must not be read for this request');
		const unsigned = await run(v1Parameters(), { body: BODY, headers: { 'content-type': 'application/json' } }, unreadable);
		expectRefused(unsigned, 401);
		expect(logText(unsigned)).toContain('missing_signature');
		expect(logText(await run(v1Parameters(), signed(), unreadable))).toContain('credential_missing');
	});

	it('refuses a stale signed timestamp (and one from the future)', async () => {
		const settings = { ...D, signedContent: 'timestampDotBody' as const };
		const hourAgo = await run(v1Parameters(settings), signed(settings, BODY, new Date(Date.now() - 3_600_000)));
		expectRefused(hourAgo, 401);
		expect(logText(hourAgo)).toContain('stale');
		expectRefused(await run(v1Parameters(settings), signed(settings, BODY, new Date(Date.now() + 3_600_000))), 401);
	});

	it('logs which settings would have matched when the secret matches under other ones', async () => {
		const actual = { ...D, encoding: 'base64' as const, signedContent: 'timestampDotBody' as const };
		const result = await run(v1Parameters(), signed(actual));
		expectRefused(result, 401);
		expect(logText(result)).toContain('encoding="base64"');
		expect(logText(result)).toContain('signedContent="timestampDotBody"');
	});

	it('answers 400 to a correctly signed body that is not a JSON object', async () => {
		const body = Buffer.from('event=payment_status_update');
		expectRefused(await run(v1Parameters(), signed(D, body)), 400);
		expectRefused(await run(v1Parameters(), signed(D, Buffer.from('[1]'))), 400);
	});

	it('fails closed without a credential or with an empty secret', async () => {
		const missing = await run(v1Parameters(), signed(), new Error('no credential'));
		expectRefused(missing, 401);
		expect(logText(missing)).toContain('credential_missing');
		const empty = await run(v1Parameters(), signed(), { webhookSecret: '  ' });
		expectRefused(empty, 401);
		expect(logText(empty)).toContain('configuration_error');
	});

	it('fails closed with unusable signature settings', async () => {
		const result = await run(v1Parameters({ ...D, signatureHeader: 'X Bad Header' }), signed());
		expectRefused(result, 401);
		expect(logText(result)).toContain('Signature Header');
	});

	it('answers 403 to an address outside the IP allowlist, before anything else', async () => {
		const parameters = v1Parameters(D, { options: { ipAllowlist: '203.0.113.0/24' } });
		expectRefused(await run(parameters, { ...signed(), remoteAddress: '198.51.100.7' }), 403);
		expect((await run(parameters, { ...signed(), remoteAddress: '203.0.113.9' })).items).toHaveLength(1);
	});
});

describe('events filter', () => {
	const unknownEvent = fixtureBytes('v1-edge-compact.body.json');

	it('passes unknown events when All Events is chosen', async () => {
		const result = await run(v1Parameters(), signed(D, unknownEvent));
		expect(result.items).toHaveLength(1);
		expect(result.items[0].event).toBe('withdrawal.completed');
	});

	it('acknowledges unselected events with 200 and starts nothing', async () => {
		const parameters = v1Parameters(D, { events: ['deposit_received'] });
		for (const body of [BODY, unknownEvent]) {
			const result = await run(parameters, signed(D, body));
			expect(result.response).toMatchObject({ status: 200, body: '{"received":true}' });
			expect(result.items).toHaveLength(0);
		}
	});

	it('starts the workflow for a selected event', async () => {
		const result = await run(v1Parameters(D, { events: ['deposit_received', 'payment_status_update'] }), signed());
		expect(result.items).toHaveLength(1);
	});
});

describe('legacy v0.9 mode', () => {
	const legacy = (options: Record<string, unknown> = {}, events = ['*']) => ({ webhookVersion: 'v0.9', events, options });
	const v09Request = (query = ''): MockRequest => ({
		body: V09,
		headers: { 'content-type': 'application/json' },
		url: `/webhook/test-webhook-id/webhook${query}`,
		remoteAddress: '203.0.113.9',
	});

	it('refuses every request, with a clear log line, when neither an allowlist nor a token is set', async () => {
		const result = await run(legacy(), v09Request(), { webhookSecret: SECRET });
		expectRefused(result, 401);
		expect(logText(result)).toMatch(/Legacy v0\.9 mode accepts unsigned requests.*IP Allowlist.*Legacy URL Token/);
	});

	it('accepts a callback carrying the credential token, without logging the token', async () => {
		const result = await run(legacy(), v09Request(`?token=${URL_GUARD}`), { legacyUrlToken: URL_GUARD });
		expect(result.response.status).toBe(200);
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({
			event: 'payment.status_updated',
			amount: '0.05',
			currency: 'USDT',
			orderId: 'ORDER-12345',
			webhookVersion: '0.9',
			dedupeKey: '550e8400-e29b-41d4-a716-446655440000:confirming',
		});
		expect(logText(result)).not.toContain(URL_GUARD);
	});

	it.each([
		['no token', ''],
		['a wrong token', '?token=Zq8-legacy_token.0124'],
		['the token twice', `?token=${URL_GUARD}&token=${URL_GUARD}`],
	])('refuses %s with 401', async (_name, query) => {
		const result = await run(legacy(), v09Request(query), { legacyUrlToken: URL_GUARD });
		expectRefused(result, 401);
		expect(logText(result)).toContain('token query parameter');
		expect(logText(result)).not.toContain(URL_GUARD);
	});

	it('accepts callbacks from an allowlisted address without a token, and 403s others', async () => {
		const parameters = legacy({ ipAllowlist: '203.0.113.0/24' });
		expect((await run(parameters, v09Request(), {})).items).toHaveLength(1);
		expectRefused(await run(parameters, { ...v09Request(), remoteAddress: '198.51.100.7' }, {}), 403);
	});

	it('requires both when both the allowlist and a token are set', async () => {
		const parameters = legacy({ ipAllowlist: '203.0.113.0/24' });
		expectRefused(await run(parameters, v09Request(), { legacyUrlToken: URL_GUARD }), 401);
		expect((await run(parameters, v09Request(`?token=${URL_GUARD}`), { legacyUrlToken: URL_GUARD })).items).toHaveLength(1);
	});

	it('answers 400 to a body that is not a v0.9 callback', async () => {
		const result = await run(legacy(), { ...v09Request(`?token=${URL_GUARD}`), body: BODY }, { legacyUrlToken: URL_GUARD });
		expectRefused(result, 400);
	});

	it('does not accept a v0.9 body in v1 mode, even with the token', async () => {
		const result = await run(v1Parameters(), v09Request(`?token=${URL_GUARD}`), { webhookSecret: SECRET, legacyUrlToken: URL_GUARD });
		expectRefused(result, 401);
	});

	it('filters v0.9 events too', async () => {
		const result = await run(legacy({}, ['payment_status_update']), v09Request(`?token=${URL_GUARD}`), { legacyUrlToken: URL_GUARD });
		expect(result.response.status).toBe(200);
		expect(result.items).toHaveLength(0);
	});
});

describe('activation (webhookMethods.default.create)', () => {
	const activate = (parameters: Record<string, unknown>, credential: Record<string, string>) =>
		runActivation(node, { nodeType: NODE_TYPE, parameters, credentials: { cryptofuseApi: credential } });

	it('activates a v1 trigger with a secret and usable settings', async () => {
		await expect(activate(v1Parameters(), { webhookSecret: SECRET })).resolves.toBe(true);
	});

	it.each<[string, Record<string, unknown>, Record<string, string>, RegExp]>([
		['v1 without a secret', v1Parameters(), { webhookSecret: '' }, /no Webhook Secret/],
		['v1 with a bad header name', v1Parameters({ ...D, signatureHeader: 'a b' }), { webhookSecret: SECRET }, /Signature Header/],
		[
			'v1 with a signed timestamp but no timestamp header',
			v1Parameters({ ...D, signedContent: 'timestampDotBody', timestampHeader: '' }),
			{ webhookSecret: SECRET },
			/Timestamp Header/,
		],
		['a bad IP allowlist', v1Parameters(D, { options: { ipAllowlist: '10.0.0.300' } }), { webhookSecret: SECRET }, /10\.0\.0\.300/],
		['legacy without allowlist or token', { webhookVersion: 'v0.9', options: {} }, { webhookSecret: SECRET }, /IP Allowlist.*Legacy URL Token/],
		['legacy with a short token', { webhookVersion: 'v0.9', options: {} }, { legacyUrlToken: 'short' }, /at least 16/],
	])('refuses %s', async (_name, parameters, credential, message) => {
		await expect(activate(parameters, credential)).rejects.toThrow(message);
	});

	it('activates legacy mode with a token or an allowlist', async () => {
		await expect(activate({ webhookVersion: 'v0.9', options: {} }, { legacyUrlToken: URL_GUARD })).resolves.toBe(true);
		await expect(activate({ webhookVersion: 'v0.9', options: { ipAllowlist: '203.0.113.9' } }, {})).resolves.toBe(true);
	});
});

describe('node description', () => {
	const properties = node.description.properties;
	const defaultOf = (name: string) => properties.find((p) => p.name === name)?.default;

	it('uses the contract names and the webhook shape every trigger uses', () => {
		expect(node.description.name).toBe('cryptofuseTrigger');
		expect(node.description.credentials).toEqual([expect.objectContaining({ name: 'cryptofuseApi', required: true })]);
		expect(node.description.webhooks).toEqual([
			expect.objectContaining({ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }),
		]);
	});

	it('shows the spec defaults for the signature settings', () => {
		expect({
			signatureHeader: defaultOf('signatureHeader'),
			timestampHeader: defaultOf('timestampHeader'),
			algorithm: defaultOf('algorithm'),
			encoding: defaultOf('signatureEncoding'),
			prefix: defaultOf('signaturePrefix'),
			signedContent: defaultOf('signedContent'),
			replayWindowSeconds: defaultOf('replayWindowSeconds'),
		}).toEqual({ ...D });
		expect(D).toEqual({
			signatureHeader: 'X-Cryptofuse-Signature',
			timestampHeader: 'X-Cryptofuse-Timestamp',
			algorithm: 'sha256',
			encoding: 'hex',
			prefix: '',
			signedContent: 'rawBody',
			replayWindowSeconds: 300,
		});
		expect(defaultOf('webhookVersion')).toBe('v1');
	});

	it('says in the legacy option and its notice that it is unauthenticated', () => {
		const version = properties.find((p) => p.name === 'webhookVersion');
		const legacyOption = version?.options?.find((o) => 'value' in o && o.value === 'v0.9');
		expect(legacyOption && 'name' in legacyOption ? legacyOption.name : '').toMatch(/Unauthenticated/);
		expect(properties.find((p) => p.name === 'legacyNotice')?.displayName).toMatch(/Unauthenticated/);
	});
});

describe('credential form', () => {
	const fields = new CryptofuseApi().properties;
	const field = (name: string) => fields.find((p) => p.name === name);

	it('marks the Webhook Secret required, except on a credential for legacy v0.9 only', () => {
		expect(field('webhookSecret')).toMatchObject({ required: true, displayOptions: { show: { legacyOnly: [false] } } });
		expect(field('legacyOnly')).toMatchObject({ type: 'boolean', default: false });
		expect(field('legacyUrlToken')?.required).toBeFalsy();
		expect(field('legacyUrlToken')?.displayOptions).toBeUndefined();
	});

	it('offers no placeholder in Signature Prefix that could be taken for its value', () => {
		const prefix = node.description.properties.find((p) => p.name === 'signaturePrefix');
		expect(prefix?.default).toBe('');
		expect(prefix?.placeholder ?? '').toBe('');
	});
});

describe('credential test (local, honest)', () => {
	const check = (data: Record<string, string>) =>
		cryptofuseCredentialCheck({ id: '1', name: 'c', type: 'cryptofuseApi', data } as ICredentialsDecrypted);

	it('says it only checked locally when a secret is present', async () => {
		await expect(check({ webhookSecret: SECRET })).resolves.toEqual({
			status: 'OK',
			message: expect.stringContaining('locally'),
		});
		await expect(check({ webhookSecret: 'any-secret-not-whsk' })).resolves.toMatchObject({ status: 'OK' });
	});

	it('reports an empty credential and a weak legacy token', async () => {
		await expect(check({ webhookSecret: ' ', legacyUrlToken: '' })).resolves.toMatchObject({ status: 'Error' });
		await expect(check({ webhookSecret: SECRET, legacyUrlToken: 'short' })).resolves.toMatchObject({ status: 'Error' });
		await expect(check({ legacyUrlToken: URL_GUARD })).resolves.toMatchObject({ status: 'OK' });
	});
});
