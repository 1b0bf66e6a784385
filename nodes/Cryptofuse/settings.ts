/**
 * The Cryptofuse v1.0 signature settings (see `./signature.ts` for why they are settings), their defaults from the
 * provider spec, and the check that tells the workflow author what is wrong with a configuration.
 *
 * Pure: no imports beyond types.
 */
import type { HmacAlgorithm } from '../shared/hmac';

export type SignatureEncoding = 'hex' | 'base64';
export type SignedContent = 'rawBody' | 'timestampDotBody';

export interface CryptofuseSignatureSettings {
	signatureHeader: string;
	/** Only read when `signedContent` is `timestampDotBody`. */
	timestampHeader: string;
	algorithm: HmacAlgorithm;
	encoding: SignatureEncoding;
	/** Fixed text before each digest, e.g. `sha256=`; '' for none. */
	prefix: string;
	signedContent: SignedContent;
	replayWindowSeconds: number;
}

export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;
/** Upper bound for the replay window setting (one day, in seconds). */
export const MAX_REPLAY_WINDOW_SECONDS = 86_400;

export const DEFAULT_SIGNATURE_SETTINGS: Readonly<CryptofuseSignatureSettings> = {
	signatureHeader: 'X-Cryptofuse-Signature',
	timestampHeader: 'X-Cryptofuse-Timestamp',
	algorithm: 'sha256',
	encoding: 'hex',
	prefix: '',
	signedContent: 'rawBody',
	replayWindowSeconds: DEFAULT_REPLAY_WINDOW_SECONDS,
};

const ALGORITHMS: readonly string[] = ['sha256', 'sha512'] satisfies HmacAlgorithm[];
const ENCODINGS: readonly string[] = ['hex', 'base64'] satisfies SignatureEncoding[];
const SIGNED_CONTENTS: readonly string[] = ['rawBody', 'timestampDotBody'] satisfies SignedContent[];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const PREFIX = /^[^\s,]{0,32}$/;

/** What is wrong with a settings object (for the workflow author), or `undefined` when it is usable. */
export function settingsProblem(settings: CryptofuseSignatureSettings): string | undefined {
	if (!ALGORITHMS.includes(settings.algorithm)) return 'Algorithm must be HMAC-SHA256 or HMAC-SHA512';
	if (!ENCODINGS.includes(settings.encoding)) return 'Signature Encoding must be Hex or Base64';
	if (!SIGNED_CONTENTS.includes(settings.signedContent)) return 'Signed Content must be Raw Body or Timestamp + "." + Raw Body';
	if (!HEADER_NAME.test(settings.signatureHeader)) return 'Signature Header must be an HTTP header name';
	if (!PREFIX.test(settings.prefix)) return 'Signature Prefix may not contain spaces or commas (at most 32 characters)';
	if (settings.signedContent !== 'timestampDotBody') return undefined;
	if (!HEADER_NAME.test(settings.timestampHeader)) {
		return 'Timestamp Header must be an HTTP header name when the timestamp is signed';
	}
	const window = settings.replayWindowSeconds;
	if (!Number.isInteger(window) || window < 1 || window > MAX_REPLAY_WINDOW_SECONDS) {
		return `Replay Window must be a whole number of seconds from 1 to ${MAX_REPLAY_WINDOW_SECONDS}`;
	}
	return undefined;
}
