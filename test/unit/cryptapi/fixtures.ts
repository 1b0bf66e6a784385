/** The CryptAPI test key pair and the spec's vectors (test/fixtures/cryptapi, copied from providers/cryptapi.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', '..', 'fixtures', 'cryptapi');

export const readFixture = (name: string): string => readFileSync(join(dir, name), 'utf8');

export const TEST_PRIVATE_PEM = readFixture('cryptapi-test-private.pem');
export const TEST_PUBLIC_PEM = readFixture('cryptapi-test-public.pem');

export interface Vector {
	signedData: string;
	signature: string;
}

export const vectors = JSON.parse(readFixture('vectors.json')) as {
	get: Vector & { publicBase: string };
	postForm: Vector;
	postJson: Vector;
};

/** The raw query of the GET vector (everything after the public base and `?`). */
export const GET_VECTOR_QUERY = vectors.get.signedData.slice(vectors.get.publicBase.length + 1);
