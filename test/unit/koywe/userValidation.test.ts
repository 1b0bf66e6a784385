import {
	authConfigurationProblem,
	decisionFrom,
	readValidationEmail,
	secretEquals,
	verifyValidationAuth,
	type ValidationAuth,
} from '../../../nodes/Koywe/userValidation';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrb3l3ZSJ9.c2lnbmF0dXJl';
const bearer: ValidationAuth = { kind: 'bearer', token: JWT };
const custom: ValidationAuth = { kind: 'header', name: 'X-Koywe-Token', value: 's3cr3t-välue' };
const headersOf = (headers: Record<string, string>) => (name: string) => headers[name];
const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? 'ok' : result.reason);

describe('verifyValidationAuth', () => {
	it.each([
		['the agreed bearer token', bearer, { authorization: `Bearer ${JWT}` }, 'ok'],
		['a lower-case scheme and extra spaces', bearer, { authorization: `bearer   ${JWT} ` }, 'ok'],
		['another token', bearer, { authorization: `Bearer ${JWT}x` }, 'mismatch'],
		['a prefix of the token', bearer, { authorization: `Bearer ${JWT.slice(0, -1)}` }, 'mismatch'],
		['another scheme', bearer, { authorization: `Basic ${JWT}` }, 'missing_signature'],
		['no Authorization header', bearer, {}, 'missing_signature'],
		['the token without a scheme', bearer, { authorization: JWT }, 'missing_signature'],
		['the agreed header value', custom, { 'x-koywe-token': 's3cr3t-välue' }, 'ok'],
		['another header value', custom, { 'x-koywe-token': 's3cr3t-value' }, 'mismatch'],
		['the value in another header', custom, { authorization: 's3cr3t-välue' }, 'missing_signature'],
	])('%s → %s', (_name, auth, headers, expected) => {
		expect(reasonOf(verifyValidationAuth(auth, headersOf(headers)))).toBe(expected);
	});

	it('refuses every request when the configuration is unusable', () => {
		for (const auth of [
			{ kind: 'bearer', token: '' },
			{ kind: 'header', name: '', value: 'v' },
			{ kind: 'header', name: 'Bad Header', value: 'v' },
			{ kind: 'header', name: 'X-Token', value: '' },
		] as ValidationAuth[]) {
			expect(authConfigurationProblem(auth)).toEqual(expect.any(String));
			expect(reasonOf(verifyValidationAuth(auth, headersOf({ authorization: 'Bearer ', 'x-token': '' })))).toBe('no_key_configured');
		}
		expect(authConfigurationProblem(bearer)).toBeUndefined();
		expect(authConfigurationProblem(custom)).toBeUndefined();
	});
});

describe('secretEquals', () => {
	it('is exact, for any lengths', () => {
		expect(secretEquals('abc', 'abc')).toBe(true);
		expect(secretEquals('abc', 'abcd')).toBe(false);
		expect(secretEquals('abc', 'ABC')).toBe(false);
		expect(secretEquals('ñ', 'n\u0303')).toBe(false);
	});
});

describe('readValidationEmail', () => {
	it.each([
		['{"email":"ana@example.com"}', 'ana@example.com'],
		['  {\n "email" : "jos\\u00e9@ejemplo.cl" , "extra": 1 }\n', 'josé@ejemplo.cl'],
		['{"email":"用户@例子.中国"}', '用户@例子.中国'],
	])('reads %j', (body, email) => {
		expect(readValidationEmail(Buffer.from(body))).toBe(email);
	});

	it.each(['', 'email=ana@example.com', '{"email":""}', '{"email":null}', '{"mail":"a@b.c"}', '["a@b.c"]'])(
		'finds no email in %j',
		(body) => {
			expect(readValidationEmail(Buffer.from(body))).toBeUndefined();
		},
	);
});

describe('decisionFrom', () => {
	it.each([
		[200, { allowed: true }, 'allowed'],
		[200, { allowed: false }, 'denied'],
		[201, { allowed: true }, 'allowed'],
		[200, { allowed: 'true' }, 'no_decision'],
		[200, { allowed: null }, 'no_decision'],
		[200, {}, 'no_decision'],
		[200, Object.create({ allowed: true }), 'no_decision'],
		[200, [true], 'no_decision'],
		[200, true, 'no_decision'],
		[200, undefined, 'no_decision'],
		[500, { allowed: true }, 'workflow_error'],
		[302, { allowed: true }, 'workflow_error'],
	])('status %d, body %j → %s', (status, body, expected) => {
		expect(decisionFrom(status, body, 'allowed')).toBe(expected);
	});
});
