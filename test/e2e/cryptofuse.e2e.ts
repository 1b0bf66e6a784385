/**
 * Cryptofuse Trigger inside a real n8n, installed from the packed tarball. Lanes come from cryptofuse.setup.mjs;
 * the harness is documented in harness/index.ts. Every request is signed with the package's own signer.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { CryptofuseSignatureSettings } from '../../nodes/Cryptofuse/settings';
import { DEFAULT_SIGNATURE_SETTINGS as D } from '../../nodes/Cryptofuse/settings';
import { cryptofuseSignedHeaders, signCryptofuse } from '../../nodes/Cryptofuse/signature';
import {
	deliver,
	e2eSuite,
	n8nLog,
	type Lane,
} from './harness';

const FIXTURES = join(__dirname, '..', 'fixtures', 'cryptofuse');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const secrets = JSON.parse(fixture('test-credentials.json').toString('utf8')) as {
	webhookSecret: string;
	legacyUrlToken: string;
};
/** The `custom` lane's node parameters (cryptofuse.setup.mjs reads the same file), as verifier settings. */
const { signatureEncoding, signaturePrefix, ...sameNames } = JSON.parse(
	fixture('e2e-custom-parameters.json').toString('utf8'),
) as Omit<CryptofuseSignatureSettings, 'encoding' | 'prefix'> & {
	signatureEncoding: CryptofuseSignatureSettings['encoding'];
	signaturePrefix: string;
};
const CUSTOM: CryptofuseSignatureSettings = { ...sameNames, encoding: signatureEncoding, prefix: signaturePrefix };

const { run, capture } = e2eSuite();

const PAYMENT = fixture('v1-payment-status-update.body.json');
const UNKNOWN_EVENT = fixture('v1-edge-compact.body.json');
const V09 = fixture('v09-callback.body.json');
const ACK = '{"received":true}';

const signed = (body: Buffer, settings: CryptofuseSignatureSettings = D, at = new Date()) => ({
	body,
	headers: cryptofuseSignedHeaders(body, secrets.webhookSecret, settings, at),
});

describe('cryptofuse', () => {
	it('v1.0 default scheme: valid payment_status_update → 200, one execution, normalized item', async () => {
		const r = await deliver(run, capture, run.lane('cryptofuse.all'), signed(PAYMENT), { items: 1 });
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([200, ACK, 1, 1]);
		expect(r.items[0]).toMatchObject({
			provider: 'cryptofuse',
			event: 'payment_status_update',
			status: 'completed',
			state: 'completed',
			isFinal: true,
			id: '550e8400-e29b-41d4-a716-446655440000',
			orderId: 'ORDER-12345',
			amount: '100.050000',
			currency: 'USDTERC20',
			txHash: '0x123abc456def789...',
			confirmations: 12,
			dedupeKey: '550e8400-e29b-41d4-a716-446655440000:completed',
			webhookVersion: '1.0',
			previousStatus: 'confirming',
			priceAmount: '100.00',
			priceCurrency: 'USD',
		});
		expect(Number.isNaN(Date.parse(String(r.items[0].receivedAt)))).toBe(false);
		expect(r.items[0].payload).toEqual(JSON.parse(PAYMENT.toString('utf8')));
	});

	it('v1.0 with every signature setting changed: sha512, base64, prefix, signed timestamp, own headers → 200', async () => {
		const r = await deliver(run, capture, run.lane('cryptofuse.custom'), signed(PAYMENT, CUSTOM), { items: 1 });
		expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 1]);
		expect(r.items[0]).toMatchObject({ id: '550e8400-e29b-41d4-a716-446655440000', amount: '100.050000' });
	});

	it('rotation: the old and the new signature in one header → 200, one execution', async () => {
		const old = signCryptofuse(PAYMENT, 'whsk_retired_0000', D);
		const current = signCryptofuse(PAYMENT, secrets.webhookSecret, D);
		const r = await deliver(
			run,
			capture,
			run.lane('cryptofuse.all'),
			{ body: PAYMENT, headers: { [D.signatureHeader]: `${old}, ${current}` } },
			{ items: 1 },
		);
		expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 1]);
	});

	it('an unknown event passes when All Events is chosen', async () => {
		const r = await deliver(run, capture, run.lane('cryptofuse.all'), signed(UNKNOWN_EVENT), { items: 1 });
		expect([r.status, r.executions]).toEqual([200, 1]);
		expect(r.items[0]).toMatchObject({ event: 'withdrawal.completed', state: 'partial', amount: '100.050000' });
	});

	const refused: Array<[string, number, string, () => { body: Buffer; headers?: Record<string, string> }]> = [
		['forged body (amount changed after signing)', 401, 'all', () => ({ ...signed(PAYMENT), body: Buffer.from(PAYMENT.toString().replace('100.050000', '999.050000')) })],
		['signed with another secret', 401, 'all', () => ({ body: PAYMENT, headers: { [D.signatureHeader]: signCryptofuse(PAYMENT, 'whsk_attacker', D) } })],
		['unsigned', 401, 'all', () => ({ body: PAYMENT })],
		['stale signed timestamp (10 minutes old, window 60 s)', 401, 'custom', () => signed(PAYMENT, CUSTOM, new Date(Date.now() - 600_000))],
		['signed timestamp 10 minutes in the future', 401, 'custom', () => signed(PAYMENT, CUSTOM, new Date(Date.now() + 600_000))],
		['correctly signed but not JSON (text/plain)', 400, 'all', () => {
			const body = Buffer.from('event=payment_status_update');
			return { body, headers: { ...signed(body).headers, 'content-type': 'text/plain' } };
		}],
	];
	it.each(refused)('%s → HTTP %i, zero executions', async (_name, status, laneName, request) => {
		const r = await deliver(run, capture, run.lane(`cryptofuse.${laneName}`), request());
		expect(r.status).toBe(status);
		expect(r.body).toBe(status === 401 ? 'Unauthorized' : 'Bad Request');
		expect([r.executions, r.items.length]).toEqual([0, 0]);
	});

	it('a request signed under other settings → 401, and n8n\'s log names the settings that would match', async () => {
		const actual = { ...D, encoding: 'base64' as const };
		const r = await deliver(run, capture, run.lane('cryptofuse.all'), signed(PAYMENT, actual));
		expect([r.status, r.executions]).toEqual([401, 0]);
		const log = n8nLog(run);
		expect(log).toContain('a signature matches your secret with encoding="base64"');
		expect(log).not.toContain(secrets.webhookSecret);
	});

	it('event not selected (payment to a deposit-only trigger) → 200, zero executions', async () => {
		const r = await deliver(run, capture, run.lane('cryptofuse.depositOnly'), signed(PAYMENT));
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([200, ACK, 0, 0]);
	});

	it('same delivery twice through Remove Duplicates (dedupeKey) → captured once', async () => {
		const lane = run.lane('cryptofuse.dedupe');
		const request = signed(PAYMENT);
		const first = await deliver(run, capture, lane, request, { items: 1 });
		expect([first.status, first.executions, first.items.length]).toEqual([200, 1, 1]);
		const second = await deliver(run, capture, lane, request, { executions: 1 });
		expect([second.status, second.body, second.executions, second.items.length]).toEqual([200, ACK, 1, 0]);
		expect(capture.count(lane.captureTag)).toBe(1);
	});

	describe('legacy v0.9 (unsigned)', () => {
		it('with the Legacy URL Token in the query → 200, one execution, crypto_amount as its literal text', async () => {
			const r = await deliver(run, capture, run.lane('cryptofuse.legacy'), { body: V09, query: `?token=${secrets.legacyUrlToken}` }, { items: 1 });
			expect([r.status, r.body, r.executions]).toEqual([200, ACK, 1]);
			expect(r.items[0]).toMatchObject({
				provider: 'cryptofuse',
				event: 'payment.status_updated',
				status: 'confirming',
				state: 'confirming',
				id: '550e8400-e29b-41d4-a716-446655440000',
				orderId: 'ORDER-12345',
				amount: '0.05',
				currency: 'USDT',
				network: 'ETH',
				confirmations: 2,
				webhookVersion: '0.9',
			});
			expect(n8nLog(run)).not.toContain(secrets.legacyUrlToken);
		});

		it.each([
			['without the token', ''],
			['with a wrong token', '?token=e2e-legacy-url-token.0123456780'],
		])('%s → 401, zero executions', async (_name, query) => {
			const r = await deliver(run, capture, run.lane('cryptofuse.legacy'), { body: V09, query });
			expect([r.status, r.body, r.executions, r.items.length]).toEqual([401, 'Unauthorized', 0, 0]);
		});

		it('a v1 trigger does not accept an unsigned v0.9 body, token or not', async () => {
			const r = await deliver(run, capture, run.lane('cryptofuse.all'), { body: V09, query: `?token=${secrets.legacyUrlToken}` });
			expect([r.status, r.executions]).toEqual([401, 0]);
		});

		it('without an IP allowlist or a token the workflow is refused at activation: not registered, reason in the log', async () => {
			// The unguarded workflow has no lane (it never registers); its URL comes from the imported workflow JSON.
			const workflows = JSON.parse(readFileSync(join(dirname(run.logFile), 'workflows.json'), 'utf8')) as Array<{
				id: string;
				nodes: Array<{ name: string; webhookId?: string }>;
			}>;
			const start = workflows.find((w) => w.id === 'e2eCryptofuseWf2')?.nodes.find((n) => n.webhookId);
			expect(start?.webhookId).toEqual(expect.any(String));
			const lane: Lane = {
				key: 'cryptofuse.legacyUnguarded',
				workflowId: 'e2eCryptofuseWf2',
				startNode: start?.name ?? '',
				captureTag: 'cryptofuse.legacyUnguarded',
				url: `${run.baseUrl}webhook/${start?.webhookId}/webhook`,
				method: 'POST',
			};
			const r = await deliver(run, capture, lane, { body: V09 });
			expect([r.status, r.executions, r.items.length]).toEqual([404, 0, 0]);
			// n8n logs the activation error asynchronously (and retries it): wait for the line.
			const reason = 'Legacy v0.9 mode accepts unsigned requests, so it needs an IP Allowlist (node option) or a Legacy URL Token (credential)';
			const deadline = Date.now() + 60_000;
			while (!n8nLog(run).includes(reason) && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			expect(n8nLog(run)).toContain(reason);
		});
	});
});
