/**
 * The contract every provider case (cases/types.ts) must keep inside a real n8n, run for each case as data: the
 * provider's ack, one execution with the normalized item, 401 and nothing started for anything not signed with the
 * configured key over exactly these bytes, the event filter, Remove Duplicates and the editor's Test URL.
 * Lanes: callbacks.setup.mjs. Requests are built by the case (signed with the package's own `sign…()` helpers).
 */
import { CASES } from './cases';
import type { ProviderCase } from './cases/types';
import { deliver, e2eSuite, send, type HttpRequest, type Lane } from './harness';
import type { RawRequest } from './harness/rawHttp';
import { flipSignatureDigit, signatureOf, withSignature, withoutSignature } from './harness/target';
import { listenForTestEvent } from './harness/testWebhook';

const { run, capture } = e2eSuite();

const GENERIC: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' };
let counter = 0;
/** A fresh nonce per callback (distinct ids and dedupe keys across runs of the same n8n). */
const fresh = (c: ProviderCase) => `${c.id}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** A harness request from a raw one (headers as a record: no content type unless the raw request has one). */
function asHttp(req: RawRequest): HttpRequest {
	const headers: Record<string, string | undefined> = { 'content-type': undefined };
	for (const [name, value] of req.headers) headers[name.toLowerCase()] = value;
	return { method: req.method, query: req.query, headers, body: req.body };
}

const laneOf = (c: ProviderCase, which = ''): Lane => run.lane(`callbacks.${c.id}${which}`);
/** A scenario's lane: the main one, the narrow one, or one of the case's `extra` lanes by name. */
const scenarioLane = (c: ProviderCase, lane: string | undefined): Lane => laneOf(c, lane === undefined || lane === 'main' ? '' : `-${lane}`);
const valid = (c: ProviderCase, lane: Lane, nonce: string) => c.callbacks.build(lane.url, { nonce, ...c.callbacks.withBody });

function expectAck(c: ProviderCase, answer: { status: number; headers: Headers; body: string }) {
	expect([answer.status, answer.body]).toEqual([c.ack.status, c.ack.body]);
	expect(answer.headers.get('content-type') ?? '').toMatch(new RegExp(`^${c.ack.contentType.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
}

async function expectRefused(c: ProviderCase, req: RawRequest, status = 401) {
	const r = await deliver(run, capture, laneOf(c), asHttp(req));
	expect([r.status, r.body]).toEqual([status, GENERIC[status]]);
	expect([r.executions, r.items.length]).toEqual([0, 0]);
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
	it('valid callback → the provider\'s ack, one execution, the normalized item and its payload', async () => {
		const nonce = fresh(c);
		const r = await deliver(run, capture, laneOf(c), asHttp(valid(c, laneOf(c), nonce)), { items: 1 });
		expectAck(c, r);
		expect([r.executions, r.items.length]).toEqual([1, 1]);
		expect(r.items[0]).toMatchObject(c.item(nonce));
		expect(Number.isNaN(Date.parse(String(r.items[0].receivedAt)))).toBe(false);
		expect(r.items[0].payload).toEqual(c.payload(nonce));
	});

	it('valid callback at the Test URL ("Listen for test event") → ack, a manual execution with the item', async () => {
		const nonce = fresh(c);
		const listener = await listenForTestEvent(run, laneOf(c));
		try {
			const req = c.callbacks.build(listener.testUrl, { nonce, ...c.callbacks.withBody });
			const answer = await send(listener.testUrl, asHttp(req));
			expectAck(c, answer);
			const execution = await listener.execution(20_000);
			expect(execution?.mode).toBe('manual');
			expect(execution?.item).toMatchObject(c.item(nonce));
		} finally {
			await listener.stop();
		}
	});

	it('signed with another key → 401, zero executions', async () => {
		await expectRefused(c, c.callbacks.build(laneOf(c).url, { nonce: fresh(c), otherKey: true, ...c.callbacks.withBody }));
	});

	it('signed for another body (the body changed after signing) → 401, zero executions', async () => {
		await expectRefused(c, c.callbacks.build(laneOf(c).url, { nonce: fresh(c), signNonce: fresh(c), ...c.callbacks.withBody }));
	});

	it('one digit of the signature changed → 401, zero executions', async () => {
		const req = valid(c, laneOf(c), fresh(c));
		await expectRefused(c, withSignature(c.callbacks, req, flipSignatureDigit(signatureOf(c.callbacks, req), 7)));
	});

	it('unsigned → 401, zero executions', async () => {
		await expectRefused(c, withoutSignature(c.callbacks, valid(c, laneOf(c), fresh(c))));
	});

	it('valid callback the trigger\'s event/status filter leaves out → the ack, zero executions', async () => {
		const lane = laneOf(c, '-narrow');
		const r = await deliver(run, capture, lane, asHttp(valid(c, lane, fresh(c))));
		expectAck(c, r);
		expect([r.executions, r.items.length]).toEqual([0, 0]);
	});

	it('the same callback twice through Remove Duplicates (dedupeKey) → one item', async () => {
		const lane = laneOf(c, '-dedupe');
		const req = asHttp(valid(c, lane, fresh(c)));
		const first = await deliver(run, capture, lane, req, { items: 1 });
		expectAck(c, first);
		const second = await deliver(run, capture, lane, req, { executions: 1 });
		expectAck(c, second);
		expect([first.items.length, second.executions, second.items.length]).toEqual([1, 1, 0]);
	});

	const own = (c.scenarios ?? []).map((s) => [s.title, s] as const);
	if (own.length > 0) {
		it.each(own)('%s', async (_title, s) => {
			const lane = scenarioLane(c, s.lane);
			const nonce = fresh(c);
			const r = await deliver(run, capture, lane, asHttp(s.request(lane.url, nonce)), { items: s.item ? 1 : 0 });
			expect(r.status).toBe(s.status);
			expect(r.body).toBe(s.body ?? (s.status < 300 ? c.ack.body : GENERIC[s.status]));
			if (s.item) {
				expect([r.executions, r.items.length]).toEqual([1, 1]);
				expect(r.items[0]).toMatchObject(typeof s.item === 'function' ? s.item(nonce) : s.item);
			} else {
				expect([r.executions, r.items.length]).toEqual([0, 0]);
			}
		});
	}
});
