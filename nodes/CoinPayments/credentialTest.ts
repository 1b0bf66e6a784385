/**
 * The `coinPaymentsApi` credential test. CoinPayments documents no API call that proves an IPN secret or a client
 * secret is right (both are only used to sign what CoinPayments sends), so this checks locally what can be checked and
 * says that it did only that.
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

export interface CoinPaymentsSecrets {
	merchantId: string;
	ipnSecret: string;
	clientId: string;
	clientSecret: string;
}

/** The credential's fields, trimmed (a pasted line break is never part of an ID or a secret). */
export function readCoinPaymentsSecrets(data: ICredentialDataDecryptedObject | object | undefined): CoinPaymentsSecrets {
	const fields = (data ?? {}) as Partial<Record<keyof CoinPaymentsSecrets, unknown>>;
	const text = (key: keyof CoinPaymentsSecrets) => String(fields[key] ?? '').trim();
	return { merchantId: text('merchantId'), ipnSecret: text('ipnSecret'), clientId: text('clientId'), clientSecret: text('clientSecret') };
}

/** What is missing for IPNs (`ipn`) and for API webhooks (`webhook`); an empty list means that mode can verify. */
export function coinPaymentsGaps(secrets: CoinPaymentsSecrets): { ipn: string[]; webhook: string[] } {
	const ipn = [secrets.merchantId ? '' : 'Merchant ID', secrets.ipnSecret ? '' : 'IPN Secret'].filter(Boolean);
	const webhook = [secrets.clientId ? '' : 'Client ID', secrets.clientSecret ? '' : 'Client Secret'].filter(Boolean);
	return { ipn, webhook };
}

export async function coinPaymentsCredentialCheck(credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const gaps = coinPaymentsGaps(readCoinPaymentsSecrets(credential.data));
	const ipn = gaps.ipn.length === 0;
	const webhook = gaps.webhook.length === 0;
	if (!ipn && !webhook) {
		return {
			status: 'Error',
			message: 'Enter the Merchant ID and IPN Secret (for IPNs), or the Client ID and Client Secret (for API webhooks)',
		};
	}
	const usable = [ipn ? 'IPNs' : '', webhook ? 'API webhooks' : ''].filter(Boolean).join(' and ');
	return {
		status: 'OK',
		message: `Checked locally only (CoinPayments cannot confirm these secrets): complete for ${usable}. Send a test payment to confirm end to end.`,
	};
}
