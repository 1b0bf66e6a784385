/**
 * Every trigger at node version 1.1 inside a real n8n (lanes from version.setup.mjs): n8n skips the per-request
 * expression it evaluates for version-1 webhook nodes, and the trigger answers and emits as at version 1. The bodies
 * (about 2 KB, slashes, non-ASCII, a number JSON.parse would round) are the benchmarks' own signed requests.
 */
import { BENCH_TRIGGERS, benchRequest, benchTriggers } from '../helpers/benchRequests';
import { deliver, e2eSuite } from './harness';

const { run, capture } = e2eSuite();

describe('triggers at node version 1.1', () => {
	it.each(BENCH_TRIGGERS)('%s: signed callback → 200, one execution, normalized item; forged → 401, none', async (name) => {
		const lane = run.lane(`version.${name}`);
		const request = benchRequest(benchTriggers[name], 2048, new URL(lane.url).pathname);
		const r = await deliver(run, capture, lane, { body: request.body, headers: request.headers }, { items: 1 });
		expect([r.status, r.executions, r.items.length]).toEqual([200, 1, 1]);
		expect(r.items[0]).toMatchObject({ provider: name });
		if (name === 'koywe') expect((r.items[0].payload as Record<string, unknown>).amountIn).toBe('12345678901234567890');

		const forged = benchTriggers[name].forge(benchRequest(benchTriggers[name], 2048, new URL(lane.url).pathname));
		const refused = await deliver(run, capture, lane, { body: forged.body, headers: forged.headers });
		expect([refused.status, refused.executions, refused.items.length]).toEqual([401, 0, 0]);
	});
});
