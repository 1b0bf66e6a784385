/**
 * The CryptAPI action node against the fake CryptAPI (test/fake-cryptapi): the exact request each operation sends
 * (method, path, query bytes, headers), CryptAPI's answers and errors, and the loop with the CryptAPI Trigger —
 * Create with the trigger's URL + order_id → the fake's signed GET callback → the trigger's own webhook() emits the
 * item with that orderId → Get Logs shows the callback.
 */
import { CryptApi } from '../../../nodes/CryptApi/CryptApi.node';
import { CryptApiTrigger } from '../../../nodes/CryptApiTrigger/CryptApiTrigger.node';
import { cryptApiAction } from '../../helpers/cryptApiAction';
import { runWebhook } from '../../helpers/webhookContext';
import { TEST_PUBLIC_PEM } from './fixtures';

const BTC = '1H6ZZpRmMnrw8ytepV3BYwMjYYnEkWDqVP';
const BTC_2 = '1PE5U4temq1rFzseHHGE2L8smwHCyRbkx3';
const ETH = '0xA6B78B56ee062185E405a1DDDD18cE8fcBC4395d';
const ORDER_ID = 'A/17 B&C=1+2 ü';
/** ORDER_ID and `n=1` encoded once (RFC 3986): what the callback URL carries. */
const ORDER_QUERY = 'order_id=A%2F17%20B%26C%3D1%2B2%20%C3%BC&nonce=n%3D1';

describe('CryptAPI action node, resource Address', () => {
	const h = cryptApiAction();
	const create = (overrides: Record<string, unknown> = {}) => ({
		resource: 'address',
		operation: 'create',
		ticker: 'BTC',
		destination: BTC,
		callbackUrl: h.receiver.url,
		orderId: ORDER_ID,
		callbackParameters: { parameter: [{ name: 'nonce', value: 'n=1' }] },
		additionalFields: { pending: true, confirmations: 3, callbackMethod: 'get', priority: 'fast', convert: true },
		...overrides,
	});
	const logs = (overrides: Record<string, unknown> = {}) => ({ ...create(), operation: 'getLogs', ...overrides });
	/** The callback URL the node must build, percent-encoded once more as the `callback` query value. */
	const encodedCallback = () =>
		`${encodeURIComponent(h.receiver.url)}%3F${ORDER_QUERY.replace(/%/g, '%25').replace(/=/g, '%3D').replace(/&/g, '%26')}`;

	it('Create sends GET /btc/create/ with the callback encoded once and CryptAPI\'s parameters in documented order', async () => {
		const { output, sent } = await h.run([create()]);
		expect(sent).toHaveLength(1);
		const expectedQuery = `callback=${encodedCallback()}&address=${BTC}&pending=1&confirmations=3&priority=fast&convert=1`;
		expect(sent[0].url).toBe(`${h.fake.baseUrl}/btc/create/?${expectedQuery}`);
		expect(sent[0].options.method).toBe('GET');
		expect(sent[0].body).toBe('');
		expect(sent[0].headers).toEqual({ Accept: 'application/json' });
		const received = h.fake.requests[h.fake.requests.length - 1];
		expect(received).toMatchObject({ method: 'GET', path: '/btc/create/', rawQuery: expectedQuery, status: 200 });
		expect(received.query.callback).toBe(`${h.receiver.url}?${ORDER_QUERY}`);
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].json).toMatchObject({
			status: 'success',
			address_out: BTC,
			callback_url: `${h.receiver.url}?${ORDER_QUERY}`,
			priority: 'fast',
			minimum_transaction_coin: '0.00008000',
		});
		expect(String(output[0][0].json.address_in)).toMatch(/^bc1q/);
	});

	it('the same inputs again give the same payment address (CryptAPI keys it on the callback URL)', async () => {
		const first = await h.run([create()]);
		const again = await h.run([create()]);
		expect(again.output[0][0].json.address_in).toBe(first.output[0][0].json.address_in);
		const other = await h.run([create({ orderId: 'order-2' })]);
		expect(other.output[0][0].json.address_in).not.toBe(first.output[0][0].json.address_in);
	});

	it('loop: the fake\'s signed GET callback passes the CryptAPI Trigger with orderId; Get Logs shows it done', async () => {
		const { output } = await h.run([create()]);
		const addressIn = String(output[0][0].json.address_in);
		const before = h.receiver.requests.length;
		const payment = await h.fake.pay({ addressIn }, '0.05');
		const [pending, confirmed] = h.receiver.requests.slice(before);
		expect([pending.method, confirmed.method]).toEqual(['GET', 'GET']);
		// the callback URL exactly as built, CryptAPI's fields after it
		expect(confirmed.url.startsWith(`/webhook/4f0c2b8e/webhook?${ORDER_QUERY}&uuid=${payment.uuid}&`)).toBe(true);

		const trigger = new CryptApiTrigger();
		const items: Array<Record<string, unknown>> = [];
		for (const request of [pending, confirmed]) {
			const run = await runWebhook(trigger, {
				nodeType: 'n8n-nodes-crypto-webhooks.cryptApiTrigger',
				parameters: { events: ['pending', 'confirmed'], publicKey: TEST_PUBLIC_PEM, options: {} },
				webhookUrl: h.receiver.url,
				request: { method: 'GET', url: request.url, headers: request.headers as Record<string, string> },
			});
			expect([run.response.status, run.response.body]).toEqual([200, '*ok*']);
			items.push(...run.items);
		}
		expect(items).toMatchObject([
			{ provider: 'cryptapi', event: 'pending', id: payment.uuid, orderId: ORDER_ID, amount: '0.05', currency: 'btc', customParamsSigned: true },
			{
				provider: 'cryptapi',
				event: 'confirmed',
				state: 'completed',
				id: payment.uuid,
				orderId: ORDER_ID,
				amount: '0.05',
				confirmations: 3,
				customParams: { order_id: ORDER_ID, nonce: 'n=1' },
				customParamsSigned: true,
			},
		]);

		const read = await h.run([logs()]);
		expect(read.sent[0].url).toBe(`${h.fake.baseUrl}/btc/logs/?callback=${encodedCallback()}`);
		const answer = read.output[0][0].json as { callbacks: Array<Record<string, unknown>> };
		expect(answer).toMatchObject({ address_in: addressIn, notify_pending: true, notify_confirmations: 3 });
		const last = answer.callbacks[answer.callbacks.length - 1];
		expect(last).toMatchObject({ txid_in: payment.txidIn, value_coin: 0.05, result: 'done', confirmations: 3 });
		expect((last.logs as Array<Record<string, unknown>>)[0]).toMatchObject({
			request_url: `${h.receiver.url.replace(/\/webhook\/.*$/, '')}${confirmed.url}`,
			responses: '*ok*',
			response_status: '200',
			confirmed: 1,
		});
	});

	it('amounts in answers keep every digit (read losslessly, not through a JS number)', async () => {
		const { output } = await h.run([create({ orderId: 'lossless' })]);
		await h.fake.pay({ addressIn: String(output[0][0].json.address_in) }, '1.863559866959933009');
		const read = await h.run([logs({ orderId: 'lossless' })]);
		const [payment] = (read.output[0][0].json as { callbacks: Array<Record<string, unknown>> }).callbacks;
		expect(payment).toMatchObject({ value_coin: '1.863559866959933009', fee_coin: '0.01863559866959933009' });
		expect(payment.value_forwarded_coin).toBe('1.84492426829033367891');
	});

	it.each([
		['post', 'post=1', 'application/x-www-form-urlencoded'],
		['json', 'json=1', 'application/json'],
	])('Callback Method %s sends %s; callbacks are POSTs signed over the body, the query unsigned', async (method, flag, type) => {
		const item = create({ orderId: `mode-${method}`, callbackParameters: {}, additionalFields: { callbackMethod: method } });
		const { sent, output } = await h.run([item]);
		expect(sent[0].url.endsWith(`&address=${BTC}&${flag}`)).toBe(true);
		const before = h.receiver.requests.length;
		await h.fake.pay({ addressIn: String(output[0][0].json.address_in) });
		const [callback] = h.receiver.requests.slice(before);
		expect(callback).toMatchObject({ method: 'POST', url: `/webhook/4f0c2b8e/webhook?order_id=mode-${method}` });
		expect(callback.headers['content-type']).toBe(type);
		const run = await runWebhook(new CryptApiTrigger(), {
			nodeType: 'n8n-nodes-crypto-webhooks.cryptApiTrigger',
			parameters: { events: ['confirmed'], publicKey: TEST_PUBLIC_PEM, options: {} },
			webhookUrl: h.receiver.url,
			request: { method: 'POST', url: callback.url, headers: callback.headers as Record<string, string>, body: callback.body },
		});
		expect(run.items).toMatchObject([{ event: 'confirmed', orderId: null, customParamsSigned: false }]);
	});

	it('split destination: shares as typed, | and @ encoded; CryptAPI answers address_out as {address: share}', async () => {
		const { sent, output } = await h.run([create({ orderId: 'split', destination: ` 0.70@${BTC} | 0.3@${BTC_2} `, additionalFields: {} })]);
		expect(sent[0].url.endsWith(`&address=0.70%40${BTC}%7C0.3%40${BTC_2}`)).toBe(true);
		expect(output[0][0].json.address_out).toEqual({ [BTC]: '0.70', [BTC_2]: 0.3 });
	});

	it('a Callback URL with its own query keeps it byte for byte; the parameters follow with &', async () => {
		const { sent } = await h.run([create({ callbackUrl: `${h.receiver.url}?shop=a%20b`, orderId: '7', callbackParameters: {}, additionalFields: {} })]);
		const received = h.fake.requests[h.fake.requests.length - 1];
		expect(received.query.callback).toBe(`${h.receiver.url}?shop=a%20b&order_id=7`);
		expect(sent[0].url).toContain('%3Fshop%3Da%2520b%26order_id%3D7&address=');
	});

	it.each([
		['an unknown ticker', { ticker: 'doge' }, 'CryptAPI rejected the request: Invalid ticker'],
		['an address of another chain', { destination: ETH }, 'CryptAPI rejected the request: You must provide a valid address'],
		['the same callback URL for another ticker', { ticker: 'ltc', destination: 'ltc1qg82tsqphr6pnse2hsf0vzu6ct8ur0un0xlhp0x' }, 'CryptAPI rejected the request: Non multi_token address already created for another token'],
	])('CryptAPI errors become node errors naming CryptAPI\'s message: %s', async (_name, overrides, message) => {
		await h.run([create()]);
		await expect(h.run([create(overrides)])).rejects.toThrow(message);
	});

	it('Get Logs of a callback URL CryptAPI never saw → "Callback not found" (HTTP 404)', async () => {
		const error = await h.run([logs({ orderId: 'never-created' })]).then(() => undefined, (e: Error & { httpCode?: string }) => e);
		expect(error?.message).toBe('CryptAPI rejected the request: Callback not found');
		expect(error?.httpCode).toBe('404');
	});

	const tooLong = 'x'.repeat(8200);
	it.each([
		['an empty ticker', { ticker: ' ' }, 'Ticker: is required'],
		['a ticker with a space', { ticker: 'bt c' }, 'Ticker: must be a CryptAPI ticker such as btc, ltc or trc20/usdt'],
		['an empty destination', { destination: '' }, 'Destination Address: is required'],
		['an address with a space', { destination: '1H6Z ZpRm' }, 'Destination Address: must be a wallet address'],
		['shares that do not add up to 1', { destination: `0.7@${BTC}|0.2@${BTC_2}` }, 'Destination Address: the shares must add up to exactly 1'],
		['a share below 0.0001', { destination: `0.99995@${BTC}|0.00005@${BTC_2}` }, 'Destination Address: each share must be from 0.0001 to 1'],
		['a share without an address', { destination: `0.5@|0.5@${BTC_2}` }, 'Destination Address: "0.5@" is not share@address'],
		['an address listed twice', { destination: `0.5@${BTC}|0.5@${BTC}` }, 'is listed twice'],
		['21 addresses', { destination: Array.from({ length: 21 }, (_, i) => `0.05@${BTC}${i}`).join('|') }, 'Destination Address: at most 20 addresses'],
		['no callback URL', { callbackUrl: '' }, "Callback URL: is required: paste the CryptAPI Trigger's Production URL"],
		['a callback URL that is not http(s)', { callbackUrl: 'ftp://n8n.example.com/x' }, 'Callback URL: must be an http(s) URL'],
		['a callback URL with a #fragment', { callbackUrl: 'https://n8n.example.com/x#y' }, 'Callback URL: must be an http(s) URL without spaces or #fragment'],
		['a parameter CryptAPI uses itself', { callbackParameters: { parameter: [{ name: 'uuid', value: '1' }] } }, 'Callback Parameters: "uuid" is a name CryptAPI uses in its callbacks'],
		['a parameter name with a space', { callbackParameters: { parameter: [{ name: 'my id', value: '1' }] } }, 'Callback Parameters: "my id" is not a parameter name'],
		['order_id twice', { callbackParameters: { parameter: [{ name: 'order_id', value: '1' }] } }, 'Callback Parameters: "order_id" is given twice'],
		['order_id already in the callback URL', { callbackUrl: 'https://n8n.example.com/w?order_id=1' }, 'Order ID: "order_id" is given twice'],
		['a lone surrogate in a value', { orderId: 'a\uD800' }, 'Order ID: the value of "order_id" contains an invalid character'],
		['0 confirmations', { additionalFields: { confirmations: 0 } }, 'Confirmations: must be a whole number from 1 to 1000000'],
		['a priority with a space', { additionalFields: { priority: 'very fast' } }, 'Priority: must be a priority name'],
		['an unknown callback method', { additionalFields: { callbackMethod: 'put' } }, 'Callback Method: must be one of get, post, json'],
		['a request over 8192 characters', { orderId: tooLong }, 'CryptAPI accepts at most 8192'],
		['a Base URL that is not http(s)', { options: { baseUrl: 'ftp://proxy' } }, 'Base URL: must be an http(s) URL'],
	])('refuses %s before sending anything, naming the field', async (_name, overrides, message) => {
		const before = h.fake.requests.length;
		const error = await h.run([create(overrides)]).then(() => undefined, (e: Error) => e);
		expect(error?.message).toContain(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it('continue on fail: an error item for the bad item, the other items still run', async () => {
		const { output, sent } = await h.run([create({ ticker: '' }), create({ ticker: 'doge' }), create()], { continueOnFail: true });
		expect(output[0].map((o) => o.json.success)).toEqual([false, false, undefined]);
		expect(output[0][0].json.error).toBe('Ticker: is required');
		expect(output[0][1].json.error).toBe('CryptAPI rejected the request: Invalid ticker');
		expect(output[0][2].json.status).toBe('success');
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sent).toHaveLength(2);
	});
});

describe('CryptAPI action node, resource Coin', () => {
	const h = cryptApiAction();
	const coin = (operation: string, overrides: Record<string, unknown> = {}) => ({ resource: 'coin', operation, ticker: 'btc', ...overrides });

	it.each([
		['getInfo', '/btc/info/?prices=0', {}],
		['getInfo', '/btc/info/?prices=1', { includePrices: true }],
		['estimateFees', '/btc/estimate/?addresses=2&priority=default', { addresses: 2, priority: 'default' }],
		['convert', '/btc/convert/?value=49.90&from=USD', { value: '49.90', from: 'USD' }],
		['getQrCode', `/btc/qrcode/?address=${BTC}&value=0.0015&size=300`, { address: BTC, amount: '0.0015', size: 300 }],
		['getQrCode', '/trc20/usdt/qrcode/ (ticker trc20_usdt)', { address: BTC, ticker: 'trc20_usdt' }],
	] as Array<[string, string, Record<string, unknown>]>)('%s sends exactly GET %s', async (operation, expected, overrides) => {
		const item = coin(operation, overrides);
		if (expected.includes('(ticker')) {
			// trc20_usdt (the SDKs' spelling) → path trc20/usdt; the BTC address is then refused by CryptAPI
			await expect(h.run([item])).rejects.toThrow('CryptAPI rejected the request: Address is invalid');
			expect(h.fake.requests[h.fake.requests.length - 1]).toMatchObject({ path: '/trc20/usdt/qrcode/', rawQuery: `address=${BTC}&size=512` });
			return;
		}
		const { sent } = await h.run([item]);
		expect(sent.map((s) => [s.options.method, s.url])).toEqual([['GET', `${h.fake.baseUrl}${expected}`]]);
	});

	it('Get Info answers the coin\'s minimum and fee; prices only when asked', async () => {
		const plain = await h.run([coin('getInfo')]);
		expect(plain.output[0][0].json).toMatchObject({ ticker: 'btc', minimum_transaction_coin: '0.00008000', fee_percent: '1', status: 'success' });
		expect(plain.output[0][0].json.prices).toBeUndefined();
		const priced = await h.run([coin('getInfo', { includePrices: true })]);
		expect(priced.output[0][0].json.prices).toEqual({ USD: '107995.33', EUR: '91836.42' });
	});

	it('Convert sends the value exactly as typed and returns CryptAPI\'s value_coin', async () => {
		const { output } = await h.run([coin('convert', { ticker: 'trc20/usdt', value: '100.50', from: 'EUR' })]);
		expect(h.fake.requests[h.fake.requests.length - 1].rawQuery).toBe('value=100.50&from=EUR');
		expect(output[0][0].json).toMatchObject({ status: 'success', value_coin: expect.stringMatching(/^\d+\.\d+$/) });
	});

	it('Get QR Code outputs the PNG as binary data and the payment URI as JSON', async () => {
		const { output } = await h.run([coin('getQrCode', { address: BTC, amount: '0.0015', size: 256, binaryPropertyName: 'qr' })]);
		const [item] = output[0];
		expect(item.json).toEqual({ status: 'success', payment_uri: `bitcoin:${BTC}?amount=0.0015` });
		expect(item.binary?.qr).toMatchObject({ mimeType: 'image/png', fileName: 'qrcode-btc.png' });
		expect(Buffer.from(String(item.binary?.qr.data), 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	});

	it.each([
		['convert', { value: '10,50', from: 'USD' }, 'Value: use a dot as the decimal separator, e.g. 10.50'],
		['convert', { value: '', from: 'USD' }, 'Value: is required'],
		['convert', { value: '1', from: 'US DOLLAR' }, 'From: must be a currency code'],
		['estimateFees', { addresses: 21 }, 'Addresses: must be a whole number from 1 to 20'],
		['getQrCode', { address: BTC, size: 50 }, 'Size (Pixels): must be a whole number from 64 to 1024'],
		['getQrCode', { address: BTC, amount: 'abc' }, 'Amount: must be a decimal number such as 10 or 10.50'],
		['getQrCode', { address: '' }, 'Payment Address: is required'],
	])('%s refuses a bad parameter before sending anything: %j', async (operation, overrides, message) => {
		const before = h.fake.requests.length;
		await expect(h.run([coin(operation, overrides)])).rejects.toThrow(message);
		expect(h.fake.requests.length).toBe(before);
	});

	it('an outage page (HTML, HTTP 502) → an error saying so, without the page', async () => {
		h.fake.intercept('/btc/info/', () => ({ status: 502, body: undefined, raw: '<html><body>Bad gateway</body></html>' }));
		try {
			const error = await h.run([coin('getInfo')]).then(() => undefined, (e: Error) => e);
			expect(error?.message).toBe('CryptAPI answered HTTP 502 with a body that is not CryptAPI JSON');
		} finally {
			h.fake.intercept('/btc/info/', undefined);
		}
	});

	it('an API that never answers → "CryptAPI did not answer within 30 s" (the request asks for a 30 s timeout)', async () => {
		h.fake.intercept('/btc/estimate/', () => 'hang');
		try {
			const error = await h.run([coin('estimateFees')], { timeoutCapMs: 200 }).then(() => undefined, (e: Error) => e);
			expect(error?.message).toBe('CryptAPI did not answer within 30 s');
		} finally {
			h.fake.intercept('/btc/estimate/', undefined);
		}
	});
});

describe('CryptAPI node description', () => {
	const { description } = new CryptApi();
	const optionValues = (name: string, resource?: string) =>
		description.properties
			.filter((p) => p.name === name && (!resource || p.displayOptions?.show?.resource?.includes(resource)))
			.flatMap((p) => (p.options ?? []).map((o) => (o as { value: string }).value));

	it('resources and operations carry the contract names; no credential; usable as an AI tool', () => {
		expect(description.name).toBe('cryptApi');
		expect(description.credentials).toBeUndefined();
		expect(description.usableAsTool).toBe(true);
		expect(optionValues('resource')).toEqual(['address', 'coin']);
		expect(optionValues('operation', 'address')).toEqual(['create', 'getLogs']);
		expect(optionValues('operation', 'coin').sort()).toEqual(['convert', 'estimateFees', 'getInfo', 'getQrCode']);
		const options = description.properties.find((p) => p.name === 'options');
		expect(options?.options).toEqual([expect.objectContaining({ name: 'baseUrl', default: 'https://api.cryptapi.io' })]);
	});

	it('every operation says what it does (action + description), for people and AI agents', () => {
		for (const p of description.properties.filter((q) => q.name === 'operation')) {
			for (const option of p.options as Array<{ action?: string; description?: string }>) {
				expect(option.action).toBeTruthy();
				expect(String(option.description).length).toBeGreaterThan(20);
			}
		}
	});
});
