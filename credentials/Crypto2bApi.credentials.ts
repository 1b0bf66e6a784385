import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * Crypto2B API keys. The Crypto2B Trigger uses them to verify callbacks: `X-Processing-Key` must equal the public
 * key, and `X-Processing-Signature` is an HMAC-SHA512 keyed with the base64-decoded secret key.
 *
 * The credential test is a local check run by the trigger (`testedBy` on the node): this package calls no Crypto2B
 * API, so there is no request that could prove the keys are live.
 */
export class Crypto2bApi implements ICredentialType {
	name = 'crypto2bApi';

	displayName = 'Crypto2B API';

	icon: Icon = { light: 'file:../nodes/Crypto2b/crypto2b.svg', dark: 'file:../nodes/Crypto2b/crypto2b.dark.svg' };

	documentationUrl = 'https://docs.crypto2b.com/api/authorization';

	properties: INodeProperties[] = [
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'd93b40983c61423c9a849956bf1c3549',
			description:
				'The public API key from your Crypto2B account (32 hexadecimal characters). Crypto2B sends it in X-Processing-Key.',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret API key exactly as Crypto2B shows it (base64 text, usually ending in "="). It signs every callback.',
		},
	];
}
