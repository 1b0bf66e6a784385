/** Heleket fixtures: throw-away keys and the vectors PHP computed (test/fixtures/heleket/make-vectors.php). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../fixtures/heleket');
const json = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

export const heleketKeys = json<{ merchantId: string; paymentApiKey: string; payoutApiKey: string }>('test-credentials.json');

export interface HeleketWebhookVector {
	fixture: string;
	key: 'paymentApiKey' | 'payoutApiKey';
	signedText: string;
	sign: string;
	bodyUnescapedUnicode: string;
	bodyDefaultFlags: string;
	goSdkAcceptsUnescapedUnicodeBody: boolean;
	goSdkAcceptsDefaultFlagsBody: boolean;
}

export const heleketVectors = json<{
	goSdkParity: { body: string; apiKey: string; base64: string; sign: string };
	webhooks: HeleketWebhookVector[];
}>('vectors.json');

export const unsignedFixture = (name: string): string => readFileSync(join(dir, name), 'utf8').trim();

export const vectorOf = (fixture: string): HeleketWebhookVector => {
	const found = heleketVectors.webhooks.find((v) => v.fixture === fixture);
	if (!found) throw new Error(`no vector for ${fixture}`);
	return found;
};
