import { ABSOLUTE_HTTP_URL, calledUrl, rawQueryOf, relativeUrlOf, testUrlOf, withRawQuery } from '../../../nodes/shared/publicUrl';
import { withinWindow, parseIntegerHeader } from '../../../nodes/shared/timeWindow';

describe('public URL helpers', () => {
	it('keeps the raw query bytes', () => {
		expect(rawQueryOf('/webhook/x/webhook?a=1%2B2&b=c+d&e=%E2%82%AC')).toBe('a=1%2B2&b=c+d&e=%E2%82%AC');
		expect(rawQueryOf('/webhook/x/webhook')).toBeUndefined();
		expect(rawQueryOf('/p?')).toBe('');
	});

	it('joins a public base and a raw query', () => {
		expect(withRawQuery('https://n8n.example.com/webhook/x/webhook', 'a=1')).toBe(
			'https://n8n.example.com/webhook/x/webhook?a=1',
		);
		expect(withRawQuery('https://h/p?old=1', undefined)).toBe('https://h/p');
		// a bare '?' is part of the URL that was called (and signed), byte for byte
		expect(withRawQuery('https://h/p?old=1', '')).toBe('https://h/p?');
	});

	it('takes path + query of an absolute URL', () => {
		expect(relativeUrlOf('https://h.example:8443/webhooks/crypto2b?src=n8n')).toBe('/webhooks/crypto2b?src=n8n');
		expect(relativeUrlOf('https://h.example')).toBe('/');
		expect(relativeUrlOf('https://h/p#frag')).toBe('/p');
	});
});

describe('test URL of a production URL (n8n 1.x)', () => {
	it('swaps the endpoint segment for the one the request came in on', () => {
		expect(testUrlOf('https://n8n.example.com/webhook/abc-123/webhook', '/webhook-test/abc-123/webhook?x=1')).toBe(
			'https://n8n.example.com/webhook-test/abc-123/webhook',
		);
	});

	it('keeps a path prefix of WEBHOOK_URL and a custom test endpoint name', () => {
		expect(testUrlOf('https://h.example/n8n/hooks/abc-123/webhook', '/hooks-try/abc-123/webhook')).toBe(
			'https://h.example/n8n/hooks-try/abc-123/webhook',
		);
	});

	it('gives up when the request is not for this node', () => {
		expect(testUrlOf('https://h/webhook/abc-123/webhook', '/webhook-test/other/thing')).toBeUndefined();
		expect(testUrlOf('not a url', '/webhook-test/abc-123/webhook')).toBeUndefined();
		expect(testUrlOf('https://h/webhook', '/webhook')).toBeUndefined();
	});
});

describe('replay window', () => {
	it('accepts both directions up to the window, inclusive', () => {
		expect(withinWindow(1000, 6000, 5000)).toBe(true);
		expect(withinWindow(11000, 6000, 5000)).toBe(true);
		expect(withinWindow(999, 6000, 5000)).toBe(false);
		expect(withinWindow(11001, 6000, 5000)).toBe(false);
		expect(withinWindow(Number.NaN, 6000, 5000)).toBe(false);
	});

	it('parses integer headers strictly', () => {
		expect(parseIntegerHeader('1499827320350')).toBe(1499827320350);
		expect(parseIntegerHeader('1e3')).toBeUndefined();
		expect(parseIntegerHeader('-5')).toBeUndefined();
		expect(parseIntegerHeader(undefined)).toBeUndefined();
	});
});

describe('calledUrl (the URL a provider called, for schemes that sign it)', () => {
	const own = 'https://n8n.example.com/webhook/abc/webhook';
	it('is the node\'s public URL followed by the request\'s raw query, byte for byte', () => {
		expect(calledUrl('/webhook/abc/webhook', own)).toBe(own);
		expect(calledUrl('/webhook/abc/webhook?x=%2F&y=a+b', own)).toBe(`${own}?x=%2F&y=a+b`);
		expect(calledUrl('/webhook/abc/webhook?', own)).toBe(`${own}?`);
	});

	it('uses the override instead: whole when it has a query, else with the request\'s raw query', () => {
		expect(calledUrl('/webhook/abc/webhook?q=1', own, ' https://pay.example.com/hooks/cp ')).toBe('https://pay.example.com/hooks/cp?q=1');
		expect(calledUrl('/webhook/abc/webhook?q=1', own, 'https://pay.example.com/hooks/cp?shop=eu')).toBe('https://pay.example.com/hooks/cp?shop=eu');
	});

	it('is undefined when neither URL is known; ABSOLUTE_HTTP_URL tells usable overrides', () => {
		expect(calledUrl('/webhook/abc/webhook', undefined)).toBeUndefined();
		expect(ABSOLUTE_HTTP_URL.test('https://pay.example.com/x?y=1')).toBe(true);
		expect(ABSOLUTE_HTTP_URL.test('/hooks/cp')).toBe(false);
		expect(ABSOLUTE_HTTP_URL.test('ftp://pay.example.com/')).toBe(false);
	});
});
