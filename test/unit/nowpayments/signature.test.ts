import {
	nowPaymentsTestCredentials as creds,
	nowPaymentsVectors as vectors,
	readNowPaymentsFixture,
	type PublishedAlgorithm,
} from '../../helpers/nowpaymentsFixtures';
import { jsNumberNode, jsSortedKeys, sortedJsonText } from '../../../nodes/NowPayments/canonical';
import {
	checkNowPaymentsSignature,
	readNowPaymentsIpn,
	signNowPayments,
	signNowPaymentsIpn,
	verifyNowPaymentsIpn,
} from '../../../nodes/NowPayments/signature';
import { parseJsonLossless } from '../../../nodes/shared/losslessJson';

const files = Object.keys(vectors.bodies);
const bodyOf = (file: string) => Buffer.from(readNowPaymentsFixture(file), 'utf8');
const hasList = (file: string) => file === 'repeated-deposit.body.json';
const BOTH = ['sortedDeep', 'listsAsObjects'] as const;

/** The text of NOWPayments' SDK form for each body: the docs' Node sample where the body has no list, else PHP's. */
const sdkReference = (file: string) => vectors.bodies[file][hasList(file) ? 'phpDocCurrent' : 'nodeDocCurrent'];

describe('NOWPayments signed text = what NOWPayments\' published code prints (vectors.json, make-vectors.sh)', () => {
	it.each(files)('%s: keys sorted, lists kept = the docs\' Node sample (PHP / Python samples for a list)', (file) => {
		const text = sortedJsonText(parseJsonLossless(bodyOf(file)).root, 'sortedDeep');
		expect(text).toBe(sdkReference(file).text);
		if (hasList(file)) expect(text).toBe(vectors.bodies[file].pythonDoc.text);
		expect(signNowPayments(text, creds.ipnSecret)).toBe(sdkReference(file).signature);
	});

	it.each(files)('%s: lists as objects = the docs\' Node sample sortObject exactly', (file) => {
		const text = sortedJsonText(parseJsonLossless(bodyOf(file)).root, 'listsAsObjects');
		expect(text).toBe(vectors.bodies[file].nodeDocCurrent.text);
	});

	it.each(files)('%s: the signature NOWPayments\' SDK form gives verifies, signedWith sortedDeep', (file) => {
		const result = verifyNowPaymentsIpn(bodyOf(file), sdkReference(file).signature, creds.ipnSecret);
		expect(result).toMatchObject({ ok: true, value: { form: 'sortedDeep' } });
	});

	it('a list signed the documentation Node sample\'s way verifies only where that form is accepted', () => {
		const file = 'repeated-deposit.body.json';
		const docSignature = vectors.bodies[file].nodeDocCurrent.signature;
		expect(verifyNowPaymentsIpn(bodyOf(file), docSignature, creds.ipnSecret)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyNowPaymentsIpn(bodyOf(file), docSignature, creds.ipnSecret, BOTH)).toMatchObject({
			ok: true,
			value: { form: 'listsAsObjects' },
		});
	});

	// Every published sample whose text differs from the SDK's for a body: PHP's \u escapes and \/ slashes, PHP's
	// 2.0e-6 and Python's 2e-06, the replacer array's empty "fee":{}, top-level-only ksort — none of them verify.
	const differing = files.flatMap((file) =>
		(Object.keys(vectors.bodies[file]) as PublishedAlgorithm[])
			.filter((algorithm) => vectors.bodies[file][algorithm].text !== sdkReference(file).text)
			.filter((algorithm) => !(algorithm === 'nodeDocCurrent' && hasList(file)))
			.map((algorithm) => [file, algorithm] as const),
	);

	it('the published samples disagree where the evidence says they would', () => {
		expect(differing).toEqual(
			expect.arrayContaining([
				['doc-current-payment.body.json', 'nodeDoc2021'],
				['doc-current-payment.body.json', 'phpKsort'],
				['edge-text.body.json', 'phpDocCurrent'],
				['edge-text.body.json', 'pythonDoc'],
				['edge-numbers.body.json', 'phpDocCurrent'],
				['edge-numbers.body.json', 'pythonDoc'],
				['edge-numbers.body.json', 'nodeDoc2021'],
				['payout.body.json', 'phpKsort'],
			]),
		);
		expect(vectors.bodies['doc-current-payment.body.json'].nodeDoc2021.text).toContain('"fee":{}');
		expect(vectors.bodies['edge-text.body.json'].phpDocCurrent.text).toContain('Caf\\u00e9');
		expect(vectors.bodies['payout.body.json'].phpKsort.text).toContain('https:\\/\\/n8n.example.com');
		expect(vectors.bodies['edge-numbers.body.json'].phpDocCurrent.text).toContain('"depositFee":2.0e-6');
		expect(vectors.bodies['edge-numbers.body.json'].pythonDoc.text).toContain('"depositFee":2e-06');
	});

	it.each(differing)('%s signed like %s → refused (mismatch), whatever forms are accepted', (file, algorithm) => {
		const result = verifyNowPaymentsIpn(bodyOf(file), vectors.bodies[file][algorithm].signature, creds.ipnSecret, BOTH);
		expect(result).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('where a published sample prints the same text (an ordinary flat body), its signature is the same one', () => {
		const flat = vectors.bodies['doc-2021-flat.body.json'];
		const signatures = new Set(Object.values(flat).map((v) => v.signature));
		expect(signatures.size).toBe(1);
	});
});

describe('NOWPayments signed text: JavaScript\'s JSON.parse → sort → JSON.stringify, to the letter', () => {
	it('prints numbers as JSON.stringify(JSON.parse(...)) does', () => {
		const text = sortedJsonText(parseJsonLossless(bodyOf('edge-numbers.body.json')).root);
		for (const part of [
			'"price_amount":1,',
			'"pay_amount":0.00005,',
			'"actually_paid":1e-7,',
			'"outcome_amount":100.5,',
			'"purchase_id":12345678901234567000}',
			'"depositFee":0.000002,',
			'"serviceFee":0.000003,',
		]) {
			expect(text).toContain(part);
		}
		expect(jsNumberNode('1e400')).toEqual({ type: 'null' });
		expect(jsNumberNode('-0')).toEqual({ type: 'number', raw: '0' });
		expect(jsNumberNode('1E+2')).toEqual({ type: 'number', raw: '100' });
	});

	it('orders keys as a JS object built in sorted order does: array indices numerically first, then by UTF-16 units', () => {
		expect(jsSortedKeys(['b', '10', 'a', '9', 'B', '01', '4294967295', '4294967294', 'é', '\u{1F600}', '\uFF5E'])).toEqual([
			'9',
			'10',
			'4294967294',
			'01',
			'4294967295',
			'B',
			'a',
			'b',
			'é',
			'\u{1F600}',
			'\uFF5E',
		]);
	});

	/** The reference: what a JavaScript verifier computes (lists kept), with the engine's own object semantics. */
	const reference = (text: string): string => {
		const sortDeep = (value: unknown): unknown => {
			if (Array.isArray(value)) return value.map(sortDeep);
			if (value === null || typeof value !== 'object') return value;
			const source = value as Record<string, unknown>;
			return Object.keys(source)
				.sort()
				.reduce<Record<string, unknown>>((result, key) => {
					result[key] = sortDeep(source[key]);
					return result;
				}, {});
		};
		return JSON.stringify(sortDeep(JSON.parse(text)));
	};

	const cases = [
		'{"b":1,"a":{"d":[{"z":1,"y":2},3],"c":null},"10":"ten","9":"nine","01":"lead"}',
		'{"s":"caf\\u00e9 \\/ \\ud800 \\u2028 \\"q\\" \\t","n":[1.0,1e2,-0,0.1e1,123456789012345678901234567890,5e-7,1E21,1e-7]}',
		'{"dup":1,"x":true,"dup":{"b":2,"a":1}}',
		'{ "pretty" : [ ] , "empty" : { } , "nested" : { "k" : [ [ ] ] } }',
	];
	it.each(cases)('matches JavaScript for %s', (text) => {
		expect(sortedJsonText(parseJsonLossless(text).root)).toBe(reference(text));
	});

	it('matches JavaScript on generated bodies (keys, numbers, strings, nesting)', () => {
		let seed = 7;
		const rand = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed % n;
		};
		const keys = ['a', 'B', '0', '7', '10', '007', 'payment_id', 'é', 'fee', '\u00ff', 'Z9'];
		const numbers = ['0', '1', '1.0', '-2.50', '1e-7', '0.000001', '3E+5', '12345678901234567890', '0.1', '100.500'];
		const strings = ['"x"', '"\\u00e9"', '"a\\/b"', '"东京"', '""'];
		const value = (depth: number): string => {
			const kind = rand(depth > 3 ? 3 : 6);
			if (kind === 0) return numbers[rand(numbers.length)];
			if (kind === 1) return strings[rand(strings.length)];
			if (kind === 2) return ['true', 'false', 'null'][rand(3)];
			if (kind === 3) return `[${Array.from({ length: rand(4) }, () => value(depth + 1)).join(',')}]`;
			return `{${Array.from({ length: rand(5) }, () => `"${keys[rand(keys.length)]}":${value(depth + 1)}`).join(',')}}`;
		};
		for (let i = 0; i < 300; i++) {
			const text = `{${Array.from({ length: 1 + rand(6) }, () => `"${keys[rand(keys.length)]}":${value(1)}`).join(',')}}`;
			expect(sortedJsonText(parseJsonLossless(text).root)).toBe(reference(text));
		}
	});

	it('keeps a __proto__ member (JavaScript\'s sort would drop it), so such a body can never verify', () => {
		const { body, signature } = signNowPaymentsIpn('{"payment_id":1,"payment_status":"finished"}', creds.ipnSecret);
		const polluted = `${body.slice(0, -1)},"__proto__":{"payment_status":"finished"}}`;
		expect(sortedJsonText(parseJsonLossless(polluted).root)).toContain('"__proto__"');
		expect(verifyNowPaymentsIpn(Buffer.from(polluted), signature, creds.ipnSecret)).toEqual({ ok: false, reason: 'mismatch' });
	});
});

describe('NOWPayments verification', () => {
	const payment = readNowPaymentsFixture('doc-current-payment.body.json');
	const signed = signNowPaymentsIpn(payment, creds.ipnSecret);

	it('signNowPaymentsIpn sends the sorted text NOWPayments sends and signs it', () => {
		expect(signed.body).toBe(vectors.bodies['doc-current-payment.body.json'].nodeDocCurrent.text);
		expect(signed.signature).toBe(vectors.bodies['doc-current-payment.body.json'].nodeDocCurrent.signature);
	});

	it('verifies the body by its value: the documented unsorted, indented body with \\u escapes verifies too', () => {
		const reencoded = payment.replace('"trx"', '"\\u0074rx"');
		expect(verifyNowPaymentsIpn(Buffer.from(reencoded), signed.signature, creds.ipnSecret).ok).toBe(true);
	});

	it('reads the value NOWPayments signed (keys sorted, numbers as printed)', () => {
		const read = readNowPaymentsIpn(Buffer.from('{"b":1.50,"a":2}'), '0'.repeat(128));
		expect(read.ok && read.value.signed).toEqual({
			type: 'object',
			members: [
				{ key: 'a', value: { type: 'number', raw: '2' }, start: -1, end: -1 },
				{ key: 'b', value: { type: 'number', raw: '1.5' }, start: -1, end: -1 },
			],
		});
	});

	it.each([
		['no header', 'missing_signature', undefined],
		['a blank header', 'missing_signature', '  '],
		['127 hex digits', 'bad_format', 'a'.repeat(127)],
		['not hex', 'bad_format', 'z'.repeat(128)],
		['a sha256= prefix', 'bad_format', `sha256=${'a'.repeat(128)}`],
	] as const)('keyless refusal, not a body problem: %s → %s', (_name, reason, header) => {
		expect(readNowPaymentsIpn(Buffer.from(signed.body), header)).toEqual({ ok: false, reason });
	});

	it.each([
		['not JSON', Buffer.from('payment_id=1&payment_status=finished')],
		['a JSON array', Buffer.from('[{"payment_id":1}]')],
		['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
		['empty', Buffer.alloc(0)],
	])('a body that is %s → bad_format (a body problem)', (_name, body) => {
		expect(readNowPaymentsIpn(body, signed.signature)).toEqual({ ok: false, reason: 'bad_format', bodyProblem: true });
	});

	it('accepts the digest in upper case and the secret with surrounding whitespace', () => {
		expect(verifyNowPaymentsIpn(Buffer.from(signed.body), signed.signature.toUpperCase(), ` ${creds.ipnSecret}\n`).ok).toBe(true);
	});

	it('refuses another key, another body, a changed digit, no secret and no form', () => {
		const body = Buffer.from(signed.body);
		expect(verifyNowPaymentsIpn(body, signed.signature, creds.otherIpnSecret)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyNowPaymentsIpn(Buffer.from(signed.body.replace('"finished"', '"failed"')), signed.signature, creds.ipnSecret)).toEqual({
			ok: false,
			reason: 'mismatch',
		});
		const flipped = `${signed.signature.slice(0, 5)}${signed.signature[5] === '0' ? '1' : '0'}${signed.signature.slice(6)}`;
		expect(verifyNowPaymentsIpn(body, flipped, creds.ipnSecret)).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyNowPaymentsIpn(body, signed.signature, ' ')).toEqual({ ok: false, reason: 'no_key_configured' });
		const read = readNowPaymentsIpn(body, signed.signature);
		expect(read.ok && checkNowPaymentsSignature(read.value, creds.ipnSecret, [])).toEqual({ ok: false, reason: 'no_key_configured' });
	});

	it('signNowPayments refuses an empty secret (a TypeError naming the package)', () => {
		expect(() => signNowPayments('{}', '')).toThrow(/^n8n-nodes-crypto-webhooks: /);
	});
});
