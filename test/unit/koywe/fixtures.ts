/** The Koywe vectors of providers/koywe.md, copied into test/fixtures/koywe (read as raw bytes / text). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'fixtures', 'koywe');

export const vectors = JSON.parse(readFileSync(join(DIR, 'vectors.json'), 'utf8')) as {
	secret: string;
	body: { signedString: string; signature: string; deliveredBodyFile: string };
	header: { rawBodyFile: string; headersFile: string; signature: string };
	docsExample: { body: string };
};

export const fixtureBytes = (name: string): Buffer => readFileSync(join(DIR, name));
export const fixtureText = (name: string): string => fixtureBytes(name).toString('utf8');

export const SECRET = vectors.secret;
export const ORDER_ID = '5a3288ea-0bd4-44d2-af11-aae1f88bbd61';
/** The Ramp API vector as delivered (signature appended as the last member). */
export const BODY_VECTOR = fixtureText(vectors.body.deliveredBodyFile);
/** The Payments API vector: raw body and its headers. */
export const HEADER_VECTOR_BODY = fixtureBytes(vectors.header.rawBodyFile);
export const HEADER_VECTOR_HEADERS = JSON.parse(fixtureText(vectors.header.headersFile)) as Record<string, string>;
