import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's contexts (used by the node tests) read n8n's instance settings; keep them out of the user's ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-nodes-crypto-webhooks-jest-'));
process.env.N8N_ENCRYPTION_KEY ??= 'jest-only-encryption-key';
