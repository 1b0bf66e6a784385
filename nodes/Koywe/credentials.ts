/**
 * Reading the two Koywe credentials, and their `testedBy` checks. Koywe only ever calls the merchant, so there is
 * no request a credential test could make; the checks say whether the stored values are usable and say so plainly.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';

import { authConfigurationProblem, type ValidationAuth } from './userValidation';

type CredentialReader = IWebhookFunctions | IHookFunctions;

export function webhookSecretOf(data: ICredentialDataDecryptedObject | undefined): string {
	return String(data?.webhookSecret ?? '').trim();
}

export async function readWebhookSecret(ctx: CredentialReader): Promise<string> {
	return webhookSecretOf(await ctx.getCredentials<ICredentialDataDecryptedObject>('koyweApi'));
}

export function validationAuthOf(data: ICredentialDataDecryptedObject | undefined): ValidationAuth {
	if (data?.authentication === 'header') {
		return { kind: 'header', name: String(data.headerName ?? '').trim(), value: String(data.headerSecret ?? '').trim() };
	}
	return { kind: 'bearer', token: String(data?.bearerToken ?? '').trim() };
}

export async function readValidationAuth(ctx: CredentialReader): Promise<ValidationAuth> {
	return validationAuthOf(await ctx.getCredentials<ICredentialDataDecryptedObject>('koyweUserValidationApi'));
}

/** `testedBy` of `koyweApi`. */
export async function testKoyweApi(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	if (webhookSecretOf(credential.data) === '') return { status: 'Error', message: 'The webhook secret is empty' };
	return {
		status: 'OK',
		message:
			'Secret saved. Koywe never needs to be called with it, so it is checked when the first signed event arrives.',
	};
}

/** `testedBy` of `koyweUserValidationApi`. */
export async function testKoyweUserValidationApi(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = authConfigurationProblem(validationAuthOf(credential.data));
	if (problem !== undefined) return { status: 'Error', message: problem };
	return {
		status: 'OK',
		message: 'Settings are usable. They are checked against each call Koywe makes; nothing is sent from here.',
	};
}
