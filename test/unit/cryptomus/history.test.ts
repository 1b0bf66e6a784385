/** Cryptomus node, payment → getMany (payment history): cursor pagination, Return All / Limit, date filters. */
import { signCryptomus } from '../../../nodes/Cryptomus/signature';
import { cryptomusAction } from '../../helpers/cryptomusAction';
import { cryptomusTestCredentials as keys } from '../../helpers/cryptomusFixtures';

const PER_PAGE = 3;
const h = cryptomusAction({ perPage: PER_PAGE });

const list = (overrides: Record<string, unknown> = {}) => ({
	resource: 'payment',
	operation: 'getMany',
	returnAll: false,
	limit: 50,
	filters: {},
	...overrides,
});

/** Seven invoices, one second apart: seed-1 (oldest) … seed-7 (newest). */
beforeAll(() => {
	for (let i = 0; i < 7; i++) h.fake.addInvoice();
});
const newestFirst = () => [...h.fake.invoices].reverse().map((i) => i.order_id);

describe('payment → getMany', () => {
	it('Return All follows nextCursor as ?cursor= until it is null: every invoice once, newest first', async () => {
		const { output, sent } = await h.run([list({ returnAll: true })]);
		expect(output[0].map((o) => o.json.order_id)).toEqual(newestFirst());
		expect(output[0].every((o) => o.pairedItem && (o.pairedItem as { item: number }).item === 0)).toBe(true);
		// 7 invoices, 3 per page → 3 requests; the 2nd and 3rd carry the cursors the previous answers gave.
		expect(sent).toHaveLength(3);
		const answers = h.fake.requests.slice(-3);
		expect(answers[0].query).toEqual({});
		const cursorOf = (r: (typeof answers)[number]) => (r.response as { result: { paginate: { nextCursor: string } } }).result.paginate.nextCursor;
		expect(answers[1].query).toEqual({ cursor: cursorOf(answers[0]) });
		expect(answers[2].query).toEqual({ cursor: cursorOf(answers[1]) });
		// Only the body is signed, and it is the same on every page.
		for (const s of sent) {
			expect(s.body).toBe('');
			expect(s.headers.sign).toBe(signCryptomus('', keys.paymentApiKey));
		}
	});

	it('Limit 4 reads two pages and returns exactly 4 items', async () => {
		const { output, sent } = await h.run([list({ limit: 4 })]);
		expect(output[0].map((o) => o.json.order_id)).toEqual(newestFirst().slice(0, 4));
		expect(sent).toHaveLength(2);
	});

	it('Limit 2 stops after the first page', async () => {
		const { output, sent } = await h.run([list({ limit: 2 })]);
		expect(output[0]).toHaveLength(2);
		expect(sent).toHaveLength(1);
	});

	it("date filters go out in Cryptomus's format; a date alone covers the whole day", async () => {
		const { sent } = await h.run([list({ filters: { dateFrom: '2025-05-04', dateTo: '2025-05-16T18:30:00.000+02:00' } })]);
		expect(JSON.parse(sent[0].body)).toEqual({ date_from: '2025-05-04 00:00:00', date_to: '2025-05-16 18:30:00' });
	});

	it('the filter selects by creation time', async () => {
		const [, second, third] = h.fake.invoices;
		const { output } = await h.run([list({ filters: { dateFrom: second.created_at, dateTo: third.created_at } })]);
		expect(output[0].map((o) => o.json.order_id)).toEqual([third.order_id, second.order_id]);
	});

	it.each([
		['an unreadable Date From', { dateFrom: 'yesterday' }, /Date From: must be a date like 2025-05-04/],
		['Date To before Date From', { dateFrom: '2025-05-16', dateTo: '2025-05-04' }, /Date To: must not be before Date From/],
	])('refuses %s before calling Cryptomus', async (_name, filters, message) => {
		const before = h.fake.requests.length;
		await expect(h.run([list({ filters })])).rejects.toThrow(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it('a cursor that comes back again ends in an error instead of an endless loop', async () => {
		h.fake.intercept('/v1/payment/list', () => ({
			status: 200,
			body: { state: 0, result: { items: [{ uuid: 'x' }], paginate: { nextCursor: 'same', hasPages: true } } },
		}));
		try {
			await expect(h.run([list({ returnAll: true })])).rejects.toThrow(/page cursor it had returned before/);
		} finally {
			h.fake.intercept('/v1/payment/list', undefined);
		}
	});

	it('an answer without an items array is an error, not an empty list', async () => {
		h.fake.intercept('/v1/payment/list', () => ({ status: 200, body: { state: 0, result: [] } }));
		try {
			await expect(h.run([list()])).rejects.toThrow(/without an "items" array/);
		} finally {
			h.fake.intercept('/v1/payment/list', undefined);
		}
	});
});
