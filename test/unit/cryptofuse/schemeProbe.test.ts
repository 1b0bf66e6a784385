import { PROBE_MAX_BODY_BYTES, probeCryptofuseScheme } from '../../../nodes/Cryptofuse/schemeProbe';
import { DEFAULT_SIGNATURE_SETTINGS as D, type CryptofuseSignatureSettings } from '../../../nodes/Cryptofuse/settings';
import { cryptofuseSignedHeaders, type HeaderMap } from '../../../nodes/Cryptofuse/signature';
import { fixtureBytes, NOW_MS, VECTORS } from './fixtures';

const SECRET = VECTORS.secret;
const BODY = fixtureBytes('v1-payment-status-update.body.json');

function headersSignedWith(settings: CryptofuseSignatureSettings, body: Uint8Array = BODY): HeaderMap {
	const headers = cryptofuseSignedHeaders(body, SECRET, settings, new Date(NOW_MS));
	return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

describe('probeCryptofuseScheme (diagnostics for rejected requests)', () => {
	it.each<[string, Partial<CryptofuseSignatureSettings>]>([
		['base64 encoding', { encoding: 'base64' }],
		['sha512', { algorithm: 'sha512' }],
		['a signed timestamp', { signedContent: 'timestampDotBody' }],
		['a prefix', { prefix: 'sha256=' }],
		['another header name', { signatureHeader: 'X-Webhook-Signature' }],
		['another timestamp header', { signedContent: 'timestampDotBody', timestampHeader: 'X-Webhook-Timestamp' }],
		['everything at once', { algorithm: 'sha512', encoding: 'base64', prefix: 'v1=', signedContent: 'timestampDotBody' }],
	])('names the settings that would have matched: %s', (_name, change) => {
		const actual = { ...D, ...change };
		const finding = probeCryptofuseScheme(BODY, headersSignedWith(actual), SECRET, D);
		const expected = Object.fromEntries(
			Object.entries(change).map(([k, v]) => [k, k.endsWith('Header') ? String(v).toLowerCase() : String(v)]),
		);
		expect(finding).toEqual(expected);
	});

	it('finds nothing for a signature made with another secret', () => {
		const headers = cryptofuseSignedHeaders(BODY, 'whsk_someone_else', { ...D, encoding: 'base64' }, new Date(NOW_MS));
		expect(probeCryptofuseScheme(BODY, { 'x-cryptofuse-signature': headers['X-Cryptofuse-Signature'] }, SECRET, D)).toBeUndefined();
	});

	it('finds nothing when the settings already match (nothing to change)', () => {
		expect(probeCryptofuseScheme(BODY, headersSignedWith(D), SECRET, D)).toBeUndefined();
	});

	it('does not probe without a secret or for large bodies', () => {
		const settings = { ...D, encoding: 'base64' as const };
		expect(probeCryptofuseScheme(BODY, headersSignedWith(settings), '', D)).toBeUndefined();
		const large = Buffer.alloc(PROBE_MAX_BODY_BYTES + 1, 0x20);
		expect(probeCryptofuseScheme(large, headersSignedWith(settings, large), SECRET, D)).toBeUndefined();
	});
});
