/** Reads the Cryptofuse fixtures (raw bytes exactly as on disk) and the OpenSSL-computed HMAC vectors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'fixtures', 'cryptofuse');

export function fixtureBytes(name: string): Buffer {
	return readFileSync(join(DIR, name));
}

export interface HmacVector {
	file: string;
	algorithm: 'sha256' | 'sha512';
	encoding: 'hex' | 'base64';
	signedContent: 'rawBody' | 'timestampDotBody';
	timestamp: string;
	signature: string;
}

export const VECTORS = JSON.parse(readFileSync(join(DIR, 'hmac-vectors.json'), 'utf8')) as {
	secret: string;
	vectors: HmacVector[];
};

/** 2024-12-27T10:20:00Z, the instant the vectors' timestamps name. */
export const NOW_MS = 1_735_294_800_000;
