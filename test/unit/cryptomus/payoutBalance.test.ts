/** Cryptomus node, resources Payout (get, signed with the payout key) and Balance (get). */
import { signCryptomus } from '../../../nodes/Cryptomus/signature';
import { KNOWN_PAYOUT } from '../../fake-cryptomus/payments';
import { cryptomusAction } from '../../helpers/cryptomusAction';
import { cryptomusTestCredentials as keys } from '../../helpers/cryptomusFixtures';

const h = cryptomusAction();

describe('payout → get', () => {
	it('signs /v1/payout/info with the payout key and returns the payout', async () => {
		const { output, sent } = await h.run([{ resource: 'payout', operation: 'get', uuid: KNOWN_PAYOUT.uuid, orderId: '' }]);
		expect(sent[0].url).toBe(`${h.fake.baseUrl}/v1/payout/info`);
		expect(sent[0].headers.sign).toBe(signCryptomus(sent[0].body, keys.payoutApiKey));
		expect(output[0]).toEqual([{ json: KNOWN_PAYOUT, pairedItem: { item: 0 } }]);
	});

	it('by order ID; an unknown one → NodeApiError', async () => {
		const { output } = await h.run([{ resource: 'payout', operation: 'get', orderId: KNOWN_PAYOUT.order_id }]);
		expect(output[0][0].json.uuid).toBe(KNOWN_PAYOUT.uuid);
		await expect(h.run([{ resource: 'payout', operation: 'get', orderId: 'nope' }])).rejects.toThrow(
			'Cryptomus rejected the request: Payout not found',
		);
	});

	it('a credential without the payout key → Cryptomus refuses the signature, and the error points at the credential', async () => {
		const result = h.run([{ resource: 'payout', operation: 'get', uuid: KNOWN_PAYOUT.uuid }], { credentials: { payoutApiKey: '' } });
		await expect(result).rejects.toThrow('Cryptomus rejected the request: Invalid Sign');
		await expect(result).rejects.toMatchObject({ description: expect.stringContaining('API keys in the Cryptomus credential') });
	});
});

describe('balance → get', () => {
	it('signs the empty body with the payment key and returns the balance entries', async () => {
		const { output, sent } = await h.run([{ resource: 'balance', operation: 'get' }, { resource: 'balance', operation: 'get' }]);
		expect(sent.map((s) => [s.body, s.headers.sign])).toEqual([
			['', signCryptomus('', keys.paymentApiKey)],
			['', signCryptomus('', keys.paymentApiKey)],
		]);
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0][0].json).toMatchObject({ balance: { merchant: [{ currency_code: 'USDT', balance: '12.50000000' }] } });
	});
});

describe('node errors', () => {
	it('an unknown operation is named in the error', async () => {
		await expect(h.run([{ resource: 'payout', operation: 'create' }])).rejects.toThrow('Unknown operation "create" for resource "payout"');
	});

	it('Cryptomus unreachable → NodeApiError "Could not reach Cryptomus", no secret in the message', async () => {
		const result = h.run([{ resource: 'balance', operation: 'get' }], { credentials: { baseUrl: 'http://127.0.0.1:9' } });
		await expect(result).rejects.toThrow(/^Could not reach Cryptomus/);
		await expect(result).rejects.not.toThrow(keys.paymentApiKey);
	});
});

describe('answers that are not Cryptomus JSON', () => {
	it.each([
		['a proxy error page (HTTP 502, HTML)', { status: 502, body: null, raw: '<html><body>Bad Gateway</body></html>' }, /HTTP 502 with a body that is not Cryptomus JSON/],
		['HTTP 200 with text', { status: 200, body: null, raw: 'OK' }, /HTTP 200 with a body that is not Cryptomus JSON/],
		['HTTP 200 with JSON but no state', { status: 200, body: { result: [] } }, /Cryptomus rejected the request: unknown error/],
	])('%s → NodeApiError', async (_name, reply, message) => {
		h.fake.intercept('/v1/balance', () => reply);
		try {
			await expect(h.run([{ resource: 'balance', operation: 'get' }])).rejects.toThrow(message);
		} finally {
			h.fake.intercept('/v1/balance', undefined);
		}
	});
});
