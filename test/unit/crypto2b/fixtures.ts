/** Loads the Crypto2B fixtures (spec vectors and constructed bodies) as raw bytes / parsed vectors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'fixtures', 'crypto2b');

export interface Crypto2bVectors {
	secretKeyBase64: string;
	secretKeyDecodedLength: number;
	publicKey: string;
	timestamp: string;
	relativeUrl: string;
	body: string;
	valid: Array<{ name: string; recvWindow?: string; signature: string }>;
	wrongReading: { name: string; recvWindow: string; signature: string };
}

export const vectors: Crypto2bVectors = JSON.parse(readFileSync(join(DIR, 'vectors.json'), 'utf8'));

export type ConstructedBody = 'deposit' | 'withdrawal' | 'service';

/** A constructed callback body, byte for byte as stored. */
export function constructedBody(name: ConstructedBody): Buffer {
	return readFileSync(join(DIR, `constructed-${name}.body.txt`));
}
