import { crypto2bRelativeUrl, isUsableUrlOverride } from '../../../nodes/Crypto2b/callbackUrl';

const WEBHOOK_URL = 'https://n8n.example.com/webhook/abc/webhook';

describe('crypto2bRelativeUrl', () => {
	it('takes the path from the node URL and the raw query from the request', () => {
		expect(crypto2bRelativeUrl('/webhook/abc/webhook?src=n8n&x=%20y', WEBHOOK_URL)).toBe('/webhook/abc/webhook?src=n8n&x=%20y');
		expect(crypto2bRelativeUrl('/webhook/abc/webhook', WEBHOOK_URL)).toBe('/webhook/abc/webhook');
	});

	it("keeps a bare '?' (an empty query is still part of the URL Crypto2B called and signed)", () => {
		expect(crypto2bRelativeUrl('/webhook/abc/webhook?', WEBHOOK_URL)).toBe('/webhook/abc/webhook?');
		expect(crypto2bRelativeUrl('/webhook/abc/webhook?', WEBHOOK_URL, '/webhooks/crypto2b')).toBe('/webhooks/crypto2b?');
	});

	it('keeps a path prefix of the public URL that the proxy strips before n8n', () => {
		expect(crypto2bRelativeUrl('/webhook/abc/webhook?src=n8n', 'https://example.com/n8n/webhook/abc/webhook')).toBe(
			'/n8n/webhook/abc/webhook?src=n8n',
		);
	});

	it('uses an override path or URL, with the request query unless the override has its own', () => {
		expect(crypto2bRelativeUrl('/webhook/abc/webhook?src=n8n', WEBHOOK_URL, '/webhooks/crypto2b')).toBe('/webhooks/crypto2b?src=n8n');
		expect(crypto2bRelativeUrl('/webhook/abc/webhook', WEBHOOK_URL, ' https://pay.example.com/hooks/c2b ')).toBe('/hooks/c2b');
		expect(crypto2bRelativeUrl('/webhook/abc/webhook?dropped=1', WEBHOOK_URL, 'https://pay.example.com/h?src=n8n')).toBe('/h?src=n8n');
	});

	it('falls back to the request line when no URL is known', () => {
		expect(crypto2bRelativeUrl('/webhook/abc/webhook?q=1', undefined)).toBe('/webhook/abc/webhook?q=1');
	});
});

describe('isUsableUrlOverride', () => {
	it.each(['', '/hooks/c2b', 'https://pay.example.com/x', 'http://127.0.0.1:5678/webhook/a/webhook'])('accepts "%s"', (text) => {
		expect(isUsableUrlOverride(text)).toBe(true);
	});

	it.each(['hooks/c2b', 'ftp://example.com/x', 'https:///x', 'pay.example.com/x'])('refuses "%s"', (text) => {
		expect(isUsableUrlOverride(text)).toBe(false);
	});
});
