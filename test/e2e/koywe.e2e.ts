/**
 * Koywe inside a real n8n: Koywe Trigger (body signature and Koywe-Signature header) and the Koywe User Validation
 * Trigger, installed from the packed tarball. Lanes come from koywe.setup.mjs; the harness is in harness/index.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { signKoywe, signKoyweBody } from '../../nodes/Koywe/signature';
import {
	deliver,
	e2eSuite,
} from './harness';

const { run, capture } = e2eSuite();

const FIXTURES = join(__dirname, '..', 'fixtures', 'koywe');
const vectors = JSON.parse(readFileSync(join(FIXTURES, 'vectors.json'), 'utf8')) as {
	secret: string;
	body: { deliveredBodyFile: string };
	header: { rawBodyFile: string; signature: string };
};
const BODY_VECTOR = readFileSync(join(FIXTURES, vectors.body.deliveredBodyFile), 'utf8');
const HEADER_VECTOR = readFileSync(join(FIXTURES, vectors.header.rawBodyFile));
const ORDER_ID = '5a3288ea-0bd4-44d2-af11-aae1f88bbd61';
const ACK = '{"received":true}';
/** Same value as E2E_VALIDATION_JWT in koywe.setup.mjs. */
const VALIDATION_JWT = 'e2e.koywe-validation.jwt-not-secret';
const bearer = (jwt = VALIDATION_JWT) => ({ authorization: `Bearer ${jwt}`, 'content-type': 'application/json' });

describe('koywe order events', () => {
	it('spec vector (body signature) → 200, one execution, normalized item', async () => {
		const r = await deliver(run, capture, run.lane('koywe.body'), { body: BODY_VECTOR }, { items: 1 });
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([200, ACK, 1, 1]);
		expect(r.items[0]).toMatchObject({
			provider: 'koywe',
			event: 'crypto_delivered',
			state: 'completed',
			isFinal: true,
			orderId: ORDER_ID,
			dedupeKey: `${ORDER_ID}:crypto_delivered`,
			payload: JSON.parse(BODY_VECTOR),
		});
	});

	it('pretty-printed unicode event signed over its compact form → accepted', async () => {
		const body = signKoyweBody(
			`{"eventName":"payment_received","orderId":"${ORDER_ID}","note":"Pagó 🚀 / ñ","timeStamp":"2022-10-26T22:36:41.658Z"}`,
			vectors.secret,
		);
		const pretty = JSON.stringify(JSON.parse(body), null, 2).replace('Pagó', 'Pag\\u00f3');
		const r = await deliver(run, capture, run.lane('koywe.body'), { body: pretty }, { items: 1 });
		expect([r.status, r.executions]).toEqual([200, 1]);
		expect(r.items[0]).toMatchObject({ event: 'payment_received', state: 'completed', isFinal: false, payload: { note: 'Pagó 🚀 / ñ' } });
	});

	it('tampered or reordered event → 401, nothing starts', async () => {
		const tampered = BODY_VECTOR.replace('crypto_delivered', 'payment_received');
		const reordered = JSON.stringify({ orderId: ORDER_ID, ...JSON.parse(BODY_VECTOR) });
		for (const body of [tampered, reordered]) {
			const r = await deliver(run, capture, run.lane('koywe.body'), { body });
			expect([r.status, r.body, r.executions, r.items.length]).toEqual([401, 'Unauthorized', 0, 0]);
		}
	});

	it('unselected event → 200, nothing starts', async () => {
		const r = await deliver(run, capture, run.lane('koywe.bodyPaymentOnly'), { body: BODY_VECTOR });
		expect([r.status, r.body, r.executions]).toEqual([200, ACK, 0]);
	});

	it('the same event twice → Remove Duplicates lets one through', async () => {
		const body = signKoyweBody(`{"eventName":"crypto_tx_sent","orderId":"dedupe-${Date.now()}","timeStamp":"${new Date().toISOString()}"}`, vectors.secret);
		const first = await deliver(run, capture, run.lane('koywe.dedupe'), { body }, { items: 1 });
		const second = await deliver(run, capture, run.lane('koywe.dedupe'), { body }, { executions: 1 });
		expect([first.status, first.items.length, second.status, second.executions, second.items.length]).toEqual([200, 1, 200, 1, 0]);
	});

	it('spec vector (Koywe-Signature header) → 200 and the item; a wrong header → 401', async () => {
		const lane = run.lane('koywe.header');
		const headers = { 'content-type': 'application/json', 'koywe-signature': vectors.header.signature };
		const ok = await deliver(run, capture, lane, { body: HEADER_VECTOR, headers }, { items: 1 });
		expect([ok.status, ok.executions]).toEqual([200, 1]);
		expect(ok.items[0]).toMatchObject({ event: 'order.completed', id: 'evt_1', orderId: ORDER_ID, state: 'completed' });
		const wrong = { ...headers, 'koywe-signature': signKoywe(HEADER_VECTOR, 'another-secret') };
		const bad = await deliver(run, capture, lane, { body: HEADER_VECTOR, headers: wrong });
		expect([bad.status, bad.executions]).toEqual([401, 0]);
	});
});

describe('koywe user validation', () => {
	const ask = (laneKey: string, email: string, headers = bearer()) =>
		deliver(run, capture, run.lane(laneKey), { body: JSON.stringify({ email }), headers }, { items: 1 });

	it('allowed email → exactly true', async () => {
		const r = await ask('koywe.validate', 'ana@example.com');
		expect([r.status, r.body, r.executions]).toEqual([200, 'true', 1]);
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		expect(r.items[0]).toEqual({ email: 'ana@example.com' });
	});

	it('allowed unicode email → true; other email → false', async () => {
		expect((await ask('koywe.validate', 'josé@ejemplo.cl')).body).toBe('true');
		const denied = await ask('koywe.validate', 'eve@example.com');
		expect([denied.status, denied.body, denied.executions]).toEqual([200, 'false', 1]);
	});

	it('workflow error → false', async () => {
		const r = await ask('koywe.validateError', 'ana@example.com');
		expect([r.status, r.body, r.executions]).toEqual([200, 'false', 1]);
	});

	it('last node without the decision field → false', async () => {
		const r = await ask('koywe.validateNoField', 'ana@example.com');
		expect([r.status, r.body]).toEqual([200, 'false']);
	});

	it('workflow slower than the decision timeout → false, on time', async () => {
		const started = Date.now();
		const answer = await fetch(run.lane('koywe.validateSlow').url, {
			method: 'POST',
			headers: bearer(),
			body: JSON.stringify({ email: 'ana@example.com' }),
		});
		const elapsed = Date.now() - started;
		expect([answer.status, await answer.text()]).toEqual([200, 'false']);
		expect(elapsed).toBeLessThan(3_500);
		await capture.waitFor('koywe.validateSlow', 1);
	});

	it('wrong token → 401, nothing starts', async () => {
		const r = await deliver(run, capture, run.lane('koywe.validate'), {
			body: JSON.stringify({ email: 'ana@example.com' }),
			headers: bearer('wrong-token'),
		});
		expect([r.status, r.body, r.executions, r.items.length]).toEqual([401, 'Unauthorized', 0, 0]);
	});
});
