import {
	cryptApiEvent,
	isCryptApiField,
	normalizeCryptApi,
	parseCryptApiBody,
	readCryptApiCallback,
} from '../../../nodes/CryptApi/payload';
import { GET_VECTOR_QUERY, readFixture, vectors } from './fixtures';

const none = Buffer.alloc(0);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function normalized(method: 'GET' | 'POST', rawQuery: string, body = '') {
	const callback = readCryptApiCallback(method, rawQuery, utf8(body));
	if (!callback) throw new Error('callback not readable');
	const fields = normalizeCryptApi(callback);
	if (!fields) throw new Error('not a CryptAPI callback');
	return { callback, fields };
}

describe('reading CryptAPI callbacks', () => {
	it('GET: CryptAPI fields and the merchant\'s own parameters share the signed query', () => {
		const { callback, fields } = normalized('GET', GET_VECTOR_QUERY);
		expect(callback.delivery).toBe('get');
		expect(callback.customParams).toEqual({ order_id: '123', nonce: 'abc' });
		expect(callback.customParamsSigned).toBe(true);
		expect(fields).toMatchObject({
			provider: 'cryptapi',
			event: 'confirmed',
			status: 'confirmed',
			state: 'completed',
			isFinal: true,
			id: 'dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2',
			orderId: '123',
			amount: '0.05',
			txHash: 'a2174ffd39289100709f2a07b129cdbba69df2e22e5be1830221dab1fd4e332c',
			confirmations: 3,
			dedupeKey: 'dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2:0',
		});
		expect(fields.payload).toEqual(Object.fromEntries(new URLSearchParams(GET_VECTOR_QUERY)));
	});

	it('GET: query values are form-decoded (+ is a space, percent escapes are UTF-8)', () => {
		const { callback } = normalized('GET', 'uuid=u&pending=1&order_id=A%2FB+C&note=caf%C3%A9%20%2B1');
		expect(callback.customParams).toEqual({ order_id: 'A/B C', note: 'café +1' });
	});

	it('POST form: fields only from the body; every query parameter is the merchant\'s and unsigned', () => {
		const { callback, fields } = normalized('POST', 'order_id=123&uuid=forged&pending=1', vectors.postForm.signedData);
		expect(callback.delivery).toBe('post-form');
		expect(callback.customParams).toEqual({ order_id: '123', uuid: 'forged', pending: '1' });
		expect(callback.customParamsSigned).toBe(false);
		expect(fields.id).toBe('dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2');
		expect(fields.event).toBe('confirmed');
		expect(fields.orderId).toBeNull();
		expect(fields.payload).toEqual(Object.fromEntries(new URLSearchParams(vectors.postForm.signedData)));
	});

	it('POST JSON: numbers keep their literal text; pending as a number', () => {
		const { callback, fields } = normalized('POST', '', vectors.postJson.signedData);
		expect(callback.delivery).toBe('post-json');
		expect(fields).toMatchObject({ event: 'confirmed', amount: '0.05', dedupeKey: 'dbfcb40e-5a6b-4305-9fa2-b0fbda6e3ff2:0' });
		expect(fields.payload).toEqual(JSON.parse(vectors.postJson.signedData));
	});

	it('decodes value_*_convert and split address_out; keeps amounts as sent', () => {
		const text = readFixture('split-convert.json');
		const { fields } = normalized('POST', '', text);
		const sent = JSON.parse(text) as Record<string, string>;
		expect(fields.amount).toBe('1000.50');
		expect(fields.confirmations).toBe(20);
		expect(fields.currency).toBe('trc20_usdt');
		expect(fields.network).toBe('trc20');
		const payload = fields.payload as Record<string, unknown>;
		expect(payload.value_coin_convert).toEqual(JSON.parse(sent.value_coin_convert));
		expect(payload.value_forwarded_coin_convert).toEqual(JSON.parse(sent.value_forwarded_coin_convert));
		expect(payload.address_out).toEqual(JSON.parse(sent.address_out));
		expect(payload.value_coin).toBe('1000.50');
		expect(payload.fee_coin).toBe('10.005');
	});

	it('keeps a single address_out and an undecodable convert string as sent', () => {
		const { fields } = normalized('GET', 'uuid=u&pending=0&address_out=1BoatSLRHtKNngkdXEeobR76b53LETtpyT&value_coin_convert=%7Bbroken');
		const payload = fields.payload as Record<string, unknown>;
		expect(payload.address_out).toBe('1BoatSLRHtKNngkdXEeobR76b53LETtpyT');
		expect(payload.value_coin_convert).toBe('{broken');
	});

	it('reads CryptAPI\'s documented test callback (legacy fields, test_coin)', () => {
		const query = readFixture('test-callback.form.txt');
		const { callback, fields } = normalized('GET', query);
		expect(callback.customParams).toEqual({});
		expect(fields).toMatchObject({ amount: '1', currency: 'test_coin', network: 'test', confirmations: 1, state: 'completed' });
	});

	it('pending=1 is a pending, not final, event with its own dedupe key', () => {
		const { fields } = normalized('GET', 'uuid=abc&pending=1&value_coin=0.1');
		expect(fields).toMatchObject({ event: 'pending', state: 'pending', isFinal: false, dedupeKey: 'abc:1' });
		expect(cryptApiEvent(undefined)).toBe('unknown');
		expect(cryptApiEvent('2')).toBe('unknown');
	});

	it('a callback without uuid is not a CryptAPI callback; unreadable bodies are refused', () => {
		const noUuid = readCryptApiCallback('GET', 'pending=0&value_coin=1', none);
		expect(noUuid && normalizeCryptApi(noUuid)).toBeUndefined();
		expect(parseCryptApiBody(Buffer.from([0x75, 0x3d, 0xff, 0xfe]))).toBeUndefined();
		expect(parseCryptApiBody(utf8('{"uuid":'))).toBeUndefined();
		expect(parseCryptApiBody(utf8('[1,2]'))).toBeUndefined();
	});

	it('treats only CryptAPI\'s names as its own fields', () => {
		expect(['uuid', 'pending', 'value_coin_convert', 'value_forwarded_coin_convert', 'result'].every(isCryptApiField)).toBe(
			true,
		);
		expect(['order_id', 'nonce', 'user', 'convert'].some(isCryptApiField)).toBe(false);
	});

	it('does not let a parameter named __proto__ reach the prototype', () => {
		const { callback } = normalized('GET', 'uuid=u&pending=0&__proto__=x&constructor=y');
		expect(Object.keys(callback.customParams)).toEqual(['__proto__', 'constructor']);
		expect(Object.getPrototypeOf(callback.customParams)).toBe(Object.prototype);
	});
});
