/**
 * The Cryptomus action node under bad input, inside n8n: parameters from expressions (Webhook → Split Out →
 * Cryptomus → capture, ./hostile.setup.mjs) that break Cryptomus's documented limits, and a Cryptomus API that
 * answers 500, HTML or nothing (test/fake-cryptomus/misbehaving.ts, on the port the setup reserved).
 */
import { e2eSuite, listExecutions, send, type Json } from '../harness';
import { startMisbehavingCryptomus, type MisbehavingCryptomus } from '../../fake-cryptomus/misbehaving';

const { run, capture } = e2eSuite();

const GOOD = { url: 'https://shop.example/hooks/cryptomus', currency: 'USDT', status: 'paid', uuid: '' };
const BAD: Array<[string, Record<string, string>]> = [
	['Callback URL', { url: `https://shop.example/${'a'.repeat(150)}` }],
	['UUID', { uuid: 'not-a-uuid' }],
	['Status', { status: 'definitely-paid' }],
];

let fake: MisbehavingCryptomus;
beforeAll(async () => {
	fake = await startMisbehavingCryptomus(run.port('hostileCryptomusApi'));
});
afterAll(async () => await fake.close());

/** Posts `items` to a lane's Webhook node and waits until its capture has `expected` more items. */
async function feed(laneKey: string, items: Json[], expected: number, timeoutMs = 30_000): Promise<Json[]> {
	const lane = run.lane(laneKey);
	const before = capture.count(lane.captureTag);
	const answer = await send(lane.url, { body: JSON.stringify({ items }) });
	expect(answer.status).toBe(200);
	if (expected > 0) await capture.waitFor(lane.captureTag, before + expected, timeoutMs);
	return capture.items(lane.captureTag).slice(before);
}

describe('Cryptomus action node under bad input', () => {
	it.each(BAD)('%s invalid (via an expression) → the execution fails with a node error naming the field', async (field, bad) => {
		const lane = run.lane('hostile.action');
		const before = (await listExecutions(run, lane)).length;
		const calls = fake.calls.length;
		await feed('hostile.action', [{ ...GOOD, ...bad }], 0);
		let executions = await listExecutions(run, lane);
		for (let i = 0; i < 80 && executions.length <= before; i++) {
			await new Promise((r) => setTimeout(r, 250));
			executions = await listExecutions(run, lane);
		}
		const latest = executions.sort((a, b) => Number(b.id) - Number(a.id))[0] as { status?: string; data?: { resultData?: { error?: { message?: string } } } };
		expect(executions.length).toBe(before + 1);
		expect(latest.status).toBe('error');
		expect(latest.data?.resultData?.error?.message).toMatch(new RegExp(`^${field}: `));
		expect(fake.calls.length).toBe(calls); // refused before any API call
	});

	it('Continue On Fail: an error item per bad item, naming the field; the good items are still sent', async () => {
		const calls = fake.calls.length;
		const out = await feed('hostile.actionContinue', [GOOD, ...BAD.map(([, bad]) => ({ ...GOOD, ...bad })), { ...GOOD, currency: 'TRX' }], 5);
		expect(out.map((o) => o.success)).toEqual([true, false, false, false, true]);
		BAD.forEach(([field], i) => expect(String(out[i + 1].error)).toMatch(new RegExp(`^${field}: `)));
		expect(fake.calls.slice(calls)).toEqual(['USDT', 'TRX']);
	});

	it('API answering 500 (HTML or JSON), HTML with 200, or nothing for 10 s → a clear error item each, n8n keeps serving', async () => {
		const out = await feed('hostile.actionContinue', ['E500HTML', 'E500JSON', 'NOTJSON', 'HANG', 'USDT'].map((currency) => ({ ...GOOD, currency })), 5, 60_000);
		const errors = out.map((o) => String(o.error ?? ''));
		expect(out.map((o) => o.success)).toEqual([false, false, false, false, true]);
		expect(errors[0]).toMatch(/HTTP 500 with a body that is not Cryptomus JSON/);
		expect(errors[1]).toMatch(/Server Error/);
		expect(errors[2]).toMatch(/HTTP 200 with a body that is not Cryptomus JSON/);
		expect(errors[3]).toMatch(/did not answer within 10 s/);
		expect(errors.join(' ')).not.toContain('<html');
		expect((await fetch(new URL('healthz', run.baseUrl))).status).toBe(200);
	}, 90_000);
});
