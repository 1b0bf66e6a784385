/**
 * Crypto2B inside a real n8n: Crypto2B Trigger installed from the packed tarball, callbacks signed with the
 * package's own `crypto2bCallbackHeaders()` at the real current time. Lanes come from crypto2b.setup.mjs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { decodeCrypto2bSecret } from '../../nodes/Crypto2b/keys';
import { crypto2bCallbackHeaders } from '../../nodes/Crypto2b/signature';
import {
	deliver,
	e2eSuite,
	type Lane,
} from './harness';

const { run, capture } = e2eSuite();

const FIXTURES = join(__dirname, '..', 'fixtures', 'crypto2b');
const vectors = JSON.parse(readFileSync(join(FIXTURES, 'vectors.json'), 'utf8')) as {
	publicKey: string;
	secretKeyBase64: string;
};
const body = (name: 'deposit' | 'withdrawal' | 'service') => readFileSync(join(FIXTURES, `constructed-${name}.body.txt`));
const secret = decodeCrypto2bSecret(vectors.secretKeyBase64) as Buffer;
const ACK = '{"received":true}';

interface Signing {
	/** Raw query without '?', sent and signed. */
	query?: string;
	/** Path that is signed (default: the lane's own production path). */
	signedPath?: string;
	timestampMs?: number;
	recvWindow?: string;
	secretBytes?: Buffer;
	publicKey?: string;
}

/** A request to `lane` signed the way Crypto2B signs it. */
function signed(lane: Lane, raw: Buffer | string, s: Signing = {}) {
	const path = s.signedPath ?? new URL(lane.url).pathname;
	const relativeUrl = s.query ? `${path}?${s.query}` : path;
	const headers = crypto2bCallbackHeaders({
		publicKey: s.publicKey ?? vectors.publicKey,
		secret: s.secretBytes ?? secret,
		timestamp: String(s.timestampMs ?? Date.now()),
		recvWindow: s.recvWindow,
		relativeUrl,
		body: raw,
	});
	return { body: raw, headers, query: s.query ? `?${s.query}` : undefined };
}

describe('crypto2b', () => {
	it('valid deposit → 200 {"received":true}, one execution, amount kept as "1000.50"', async () => {
		const lane = run.lane('crypto2b.all');
		const r = await deliver(run, capture, lane, signed(lane, body('deposit'), { recvWindow: '5000' }), { items: 1 });
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([200, ACK, 1, 1]);
		expect(r.items[0]).toMatchObject({
			provider: 'crypto2b',
			event: 'deposit',
			status: 'SuccessFinalized',
			state: 'completed',
			isFinal: true,
			id: '123457',
			orderId: 'client-deposit-002',
			amount: '1000.50',
			currency: 'USDT',
			network: 'TRC20',
			confirmations: 20,
			dedupeKey: 'Deposit:123457:SuccessFinalized',
			fees: [
				{ type: 'Commercial', amount: '1.00', currency: 'USDT', network: 'TRC20' },
				{ type: 'Technical', amount: '0.345', currency: 'TRX', network: 'TRC20' },
			],
		});
		expect((r.items[0].payload as { data: { transaction: { amount: unknown } } }).data.transaction.amount).toBe('1000.50');
	});

	it('withdrawal (pretty-printed, non-ASCII) with a query string in the callback URL, no RecvWindow header → one item', async () => {
		const lane = run.lane('crypto2b.all');
		const r = await deliver(run, capture, lane, signed(lane, body('withdrawal'), { query: 'src=n8n&shop=%C3%A9' }), { items: 1 });
		expect([r.status, r.executions]).toEqual([200, 1]);
		expect(r.items[0]).toMatchObject({ event: 'withdrawal', orderId: 'payout/2024/0007', amount: '0.25000000' });
	});

	const rejected: Array<[string, (lane: Lane) => ReturnType<typeof signed>]> = [
		['forged body (changed after signing)', (lane) => {
			const r = signed(lane, body('deposit'));
			return { ...r, body: r.body.toString('utf8').replace('1000.50', '9000.50') };
		}],
		['wrong-key reading (secret text used as the HMAC key)', (lane) =>
			signed(lane, body('deposit'), { secretBytes: Buffer.from(vectors.secretKeyBase64, 'utf8') })],
		['stale timestamp (60 s old)', (lane) => signed(lane, body('deposit'), { timestampMs: Date.now() - 60_000 })],
		['future timestamp (60 s ahead)', (lane) => signed(lane, body('deposit'), { timestampMs: Date.now() + 60_000 })],
		['another public key', (lane) => signed(lane, body('deposit'), { publicKey: 'b'.repeat(32) })],
		['query string changed after signing', (lane) => ({ ...signed(lane, body('deposit'), { query: 'src=n8n' }), query: '?src=other' })],
		...(['X-Processing-Key', 'X-Processing-Timestamp', 'X-Processing-Signature'] as const).map(
			(name): [string, (lane: Lane) => ReturnType<typeof signed>] => [`missing ${name}`, (lane) => {
				const r = signed(lane, body('deposit'));
				const headers: Record<string, string> = { ...r.headers };
				delete headers[name];
				return { ...r, headers };
			}],
		),
	];
	it.each(rejected)('%s → 401 Unauthorized, zero executions', async (_name, make) => {
		const lane = run.lane('crypto2b.all');
		const r = await deliver(run, capture, lane, make(lane));
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([401, 'Unauthorized', 0, 0]);
	});

	it('validly signed body that is not JSON (text/plain) → 400, zero executions', async () => {
		const lane = run.lane('crypto2b.all');
		const request = signed(lane, 'type=Deposit&id=1');
		const r = await deliver(run, capture, lane, { ...request, headers: { ...request.headers, 'content-type': 'text/plain' } });
		expect([r.status, r.body, r.executions]).toEqual([400, 'Bad Request', 0]);
	});

	it('operation type not selected (withdrawal to a deposit-only trigger) → 200, zero executions', async () => {
		const lane = run.lane('crypto2b.depositOnly');
		const r = await deliver(run, capture, lane, signed(lane, body('withdrawal')));
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([200, ACK, 0, 0]);
	});

	it('behind a path-rewriting proxy: signed for the public path, verified through Callback URL Override', async () => {
		const lane = run.lane('crypto2b.proxy');
		const r = await deliver(run, capture, lane, signed(lane, body('service'), { signedPath: '/webhooks/crypto2b', query: 'src=n8n' }), {
			items: 1,
		});
		expect([r.status, r.executions]).toEqual([200, 1]);
		expect(r.items[0]).toMatchObject({ event: 'service', amount: '12345678901234567890.120', orderId: null });
		const direct = await deliver(run, capture, lane, signed(lane, body('service')));
		expect([direct.status, direct.executions]).toEqual([401, 0]);
	});

	it('same callback delivered twice through Remove Duplicates (dedupeKey) → captured once', async () => {
		const lane = run.lane('crypto2b.dedupe');
		const first = await deliver(run, capture, lane, signed(lane, body('deposit')), { items: 1 });
		expect([first.status, first.executions, first.items.length]).toEqual([200, 1, 1]);
		// Crypto2B re-sends: a fresh timestamp and signature, the same operation and status.
		const second = await deliver(run, capture, lane, signed(lane, body('deposit')), { executions: 1 });
		expect([second.status, second.body, second.executions, second.items.length]).toEqual([200, ACK, 1, 0]);
		expect(capture.count(lane.captureTag)).toBe(1);
	});
});
