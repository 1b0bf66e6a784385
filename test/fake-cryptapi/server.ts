/**
 * A fake CryptAPI API on loopback, built from CryptAPI's documentation (docs.cryptapi.io; docs/providers/cryptapi.md),
 * for the CryptAPI action node's unit tests and the end-to-end loop with the CryptAPI Trigger.
 *
 * Endpoints (all `GET`, no key): `/{ticker}/create/`, `/{ticker}/logs/` (addresses.ts), `/{ticker}/info/`,
 * `/{ticker}/estimate/`, `/{ticker}/convert/`, `/{ticker}/qrcode/` (coins.ts). Tickers are `btc` or `network/token`
 * (`trc20/usdt`). Errors are CryptAPI's documented ones: `{"status":"error","error":"Invalid ticker"}` (400), …,
 * `Callback not found` / `Resource not found` (404).
 *
 * Every request is recorded with its raw query string (the bytes after `?`, as received), so tests check exactly
 * what a client sent. `pay()` plays the customer and makes the fake call the address's callback URL, signed with the
 * throw-away test key (test/fixtures/cryptapi). `intercept()` lets a test answer a path its own way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { WaitableLog, deliver, startFakeApiServer, type Delivery, type Interception, type RecordedRequest } from '../helpers/fakeHttp';
import { ERRORS, error, type Answer, type Query } from './api';
import { AddressStore, type Payment, type PaymentAddress } from './addresses';
import { COINS, convert, estimate, info, qrcode } from './coins';

export type { Payment, PaymentAddress } from './addresses';

export const TEST_PRIVATE_KEY = readFileSync(join(__dirname, '..', 'fixtures', 'cryptapi', 'cryptapi-test-private.pem'), 'utf8');

export interface FakeCryptApiOptions {
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	/** PEM private key the callbacks are signed with; default the test key (test/fixtures/cryptapi). */
	privateKey?: string;
}

export type { RecordedRequest } from '../helpers/fakeHttp';

export interface FakeCryptApi {
	baseUrl: string;
	requests: RecordedRequest[];
	/** Every callback the fake made (GET or POST), with the answer it got. */
	callbacks: Delivery[];
	addresses: PaymentAddress[];
	/** The customer pays the address created for `callback` (or with `addressIn`); resolves after its callbacks. */
	pay(lookup: { callback?: string; addressIn?: string }, valueCoin?: string): Promise<Payment>;
	waitForCallbacks(count: number, timeoutMs?: number): Promise<Delivery[]>;
	intercept(path: string, interception: Interception | undefined): void;
	close(): Promise<void>;
}

export async function startFakeCryptApi(options: FakeCryptApiOptions = {}): Promise<FakeCryptApi> {
	const callbacks = new WaitableLog<Delivery>('fake CryptAPI: callbacks sent');
	const store = new AddressStore(options.privateKey ?? TEST_PRIVATE_KEY, async (url, method, headers, body) => {
		const delivery = await deliver(url, method, headers, body);
		callbacks.push(delivery);
		return delivery;
	});

	function route(path: string, query: Query): Answer {
		const match = /^\/([a-z0-9]+(?:\/[a-z0-9]+)?)\/(create|logs|info|estimate|convert|qrcode)\/$/.exec(path);
		if (!match) return error(ERRORS.notFound, 404);
		const [, ticker, endpoint] = match;
		const coin = COINS[ticker];
		if (!coin) return error(ERRORS.invalidTicker);
		switch (endpoint) {
			case 'create':
				return store.create(ticker, coin, query);
			case 'logs':
				return store.logs(ticker, query);
			case 'info':
				return info(ticker, coin, query);
			case 'estimate':
				return estimate(coin, query);
			case 'convert':
				return convert(coin, query);
			default:
				return qrcode(coin, query);
		}
	}

	const server = await startFakeApiServer(options.port, (request) =>
		request.method === 'GET' ? route(request.path, request.query) : error('Method not allowed', 405),
	);

	return {
		baseUrl: server.baseUrl,
		requests: server.requests,
		callbacks: callbacks.entries,
		addresses: store.addresses,
		async pay(lookup, valueCoin) {
			const entry = store.find(lookup);
			if (!entry) throw new Error(`fake CryptAPI: no address for ${JSON.stringify(lookup)}`);
			return await store.pay(entry, valueCoin);
		},
		waitForCallbacks: (count, timeoutMs) => callbacks.waitFor(count, timeoutMs),
		intercept: (path, interception) => server.intercept(path, interception),
		close: () => server.close(),
	};
}
