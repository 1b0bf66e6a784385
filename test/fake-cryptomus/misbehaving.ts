/**
 * A Cryptomus API that misbehaves on request: the `currency` of a call picks what it does (anything else answers
 * success without sending a webhook). For the action node's unit tests and the hostile e2e scenarios.
 *   E500HTML  HTTP 500 with an HTML page     E500JSON  HTTP 500 with a JSON error envelope
 *   NOTJSON   HTTP 200 with an HTML page     HANG      never answers (until close())
 */
import { createServer, type ServerResponse } from 'node:http';

import { closeServer, listen } from '../helpers/fakeHttp';

const BEHAVIOUR: Record<string, (res: ServerResponse) => void> = {
	E500HTML: (res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>Internal Server Error</body></html>'),
	E500JSON: (res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"state":1,"message":"Server Error"}'),
	NOTJSON: (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
	HANG: () => undefined,
};
const OK = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"state":0,"result":[]}');

export interface MisbehavingCryptomus {
	baseUrl: string;
	/** Currencies of the calls received, in order. */
	calls: string[];
	close(): Promise<void>;
}

/** Starts it on 127.0.0.1 (`port` 0 = any free one). */
export async function startMisbehavingCryptomus(port = 0): Promise<MisbehavingCryptomus> {
	const calls: string[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			let currency = '';
			try {
				currency = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { currency?: unknown }).currency ?? '');
			} catch {
				/* not JSON: answered as success */
			}
			calls.push(currency);
			(BEHAVIOUR[currency] ?? OK)(res);
		});
	});
	return { baseUrl: await listen(server, port), calls, close: () => closeServer(server) };
}
