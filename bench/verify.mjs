// Prints verification throughput per provider, over the compiled package (run `npm run bench`, which builds first).
// Figures only: no thresholds (machines are noisy). Each case verifies a valid delivery; 'forged' cases show that a
// rejection costs about the same as an acceptance.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const cases = [];
const add = (name, fn) => cases.push({ name, fn });

{
	const { signCryptomusWebhookBody, verifyCryptomusWebhook } = require('../dist/nodes/Cryptomus/signature.js');
	const key = 'bench-payment-key';
	const small = JSON.stringify({
		type: 'payment', uuid: '62f88b36-a9d5-4fa6-aa26-e040c3dbf26d', order_id: 'o-1', amount: '3.00000000', status: 'paid',
		is_final: true, additional_data: 'https://shop.example/o/42 — café', currency: 'TRX', network: 'tron',
	});
	const large = JSON.stringify({ type: 'payment', uuid: 'u', status: 'paid', additional_data: 'x/é'.repeat(30000) });
	const bodies = { small: Buffer.from(signCryptomusWebhookBody(small, key)), large: Buffer.from(signCryptomusWebhookBody(large, key)) };
	const forged = Buffer.from(bodies.small.toString().replace(/"sign":"./, '"sign":"0'));
	add(`cryptomus valid (${bodies.small.length} B)`, () => verifyCryptomusWebhook(bodies.small, { payment: key }).ok);
	add(`cryptomus valid (${bodies.large.length} B)`, () => verifyCryptomusWebhook(bodies.large, { payment: key }).ok);
	add(`cryptomus forged, both keys tried (${forged.length} B)`, () => !verifyCryptomusWebhook(forged, { payment: key, payout: 'k2' }).ok);
}

function measure(fn) {
	for (let i = 0; i < 200; i++) if (!fn()) throw new Error('benchmark case did not verify as expected');
	let n = 0;
	const start = performance.now();
	while (performance.now() - start < 1000) {
		fn();
		n++;
	}
	const ms = performance.now() - start;
	return { perSecond: Math.round((n / ms) * 1000), microseconds: ((ms * 1000) / n).toFixed(1) };
}

console.log(`node ${process.version}`);
for (const { name, fn } of cases) {
	const { perSecond, microseconds } = measure(fn);
	console.log(`${name.padEnd(52)} ${String(perSecond).padStart(9)} /s  ${microseconds.padStart(9)} µs/op`);
}
