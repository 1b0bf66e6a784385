/**
 * The `cryptofuseApi` credential test. Cryptofuse documents no API call that proves a webhook secret is right (it is
 * only ever used by Cryptofuse to sign), so this checks locally what can be checked and says that it did only that.
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { legacyTokenProblem } from './legacy';

export interface CryptofuseSecrets {
	webhookSecret: string;
	legacyUrlToken: string;
}

/** The credential's secrets, trimmed (a pasted line break is never part of a secret). */
export function readCryptofuseSecrets(data: ICredentialDataDecryptedObject | object | undefined): CryptofuseSecrets {
	const fields = (data ?? {}) as Partial<Record<keyof CryptofuseSecrets, unknown>>;
	return {
		webhookSecret: String(fields.webhookSecret ?? '').trim(),
		legacyUrlToken: String(fields.legacyUrlToken ?? '').trim(),
	};
}

export async function cryptofuseCredentialCheck(credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const { webhookSecret, legacyUrlToken } = readCryptofuseSecrets(credential.data);
	if (webhookSecret === '' && legacyUrlToken === '') {
		return {
			status: 'Error',
			message: 'Enter the Webhook Secret from Cryptofuse (or, for legacy v0.9 mode only, a Legacy URL Token)',
		};
	}
	const tokenProblem = legacyTokenProblem(legacyUrlToken);
	if (tokenProblem) return { status: 'Error', message: tokenProblem };
	return {
		status: 'OK',
		message:
			'Checked locally only: Cryptofuse cannot confirm a webhook secret. Send a test webhook from the Cryptofuse dashboard to confirm it.',
	};
}
