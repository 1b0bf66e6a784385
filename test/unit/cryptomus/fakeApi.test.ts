/** The fake Cryptomus API itself answers like Cryptomus (what the node tests and the e2e loop rely on). */
import { signCryptomus } from '../../../nodes/Cryptomus/signature';
import { startFakeCryptomus, type FakeCryptomus } from '../../fake-cryptomus/server';
import { cryptomusTestCredentials as keys } from '../../helpers/cryptomusFixtures';

let fake: FakeCryptomus;
beforeAll(async () => {
	fake = await startFakeCryptomus({ ...keys, perPage: 2 });
});
afterAll(() => fake.close());

const post = async (path: string, body: string, key = keys.paymentApiKey) => {
	const r = await fetch(`${fake.baseUrl}${path}`, {
		method: 'POST',
		headers: { merchant: keys.merchantId, sign: signCryptomus(body, key), 'Content-Type': 'application/json' },
		body: body === '' ? undefined : body,
	});
	return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe('fake Cryptomus API', () => {
	it('create without fields → 422 with an errors map per missing field', async () => {
		expect(await post('/v1/payment', '{}')).toEqual({
			status: 422,
			body: {
				state: 1,
				errors: {
					amount: ['validation.required'],
					currency: ['validation.required'],
					order_id: ['validation.required'],
				},
			},
		});
	});

	it('create with a bad order id and a short callback → both fields named', async () => {
		const r = await post('/v1/payment', '{"amount":"1","currency":"USDT","order_id":"a b","url_callback":"http:"}');
		expect(r.status).toBe(422);
		expect(r.body.errors).toEqual({ order_id: ['validation.alpha_dash'], url_callback: ['validation.url'] });
	});

	it('payout endpoints need the payout key: signed with the payment key → 401 Invalid Sign', async () => {
		expect(await post('/v1/payout/info', '{"order_id":"129359"}', keys.paymentApiKey)).toEqual({
			status: 401,
			body: { state: 1, message: 'Invalid Sign' },
		});
		expect((await post('/v1/payout/info', '{"order_id":"129359"}', keys.payoutApiKey)).status).toBe(200);
	});

	it('history pages: nextCursor leads on, an invented cursor is refused', async () => {
		for (let i = 0; i < 3; i++) fake.addInvoice();
		const first = await post('/v1/payment/list', '');
		const { paginate } = first.body.result as { paginate: { nextCursor: string; hasPages: boolean; perPage: number } };
		expect(paginate).toMatchObject({ hasPages: true, perPage: 2 });
		const second = await post(`/v1/payment/list?cursor=${paginate.nextCursor}`, '');
		expect((second.body.result as { items: unknown[] }).items).toHaveLength(1);
		expect((await post('/v1/payment/list?cursor=bogus', '')).body).toEqual({ state: 1, message: 'Invalid cursor' });
	});
});
