import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { cryptomusKeyFor, signedCryptomusRequest } from '../nodes/Cryptomus/request';

/**
 * Cryptomus merchant credentials. The trigger verifies webhooks with the payment key (and the payout key for live
 * payout webhooks); the action node signs every API request with the key its endpoint needs.
 */
export class CryptomusApi implements ICredentialType {
	name = 'cryptomusApi';

	displayName = 'Cryptomus API';

	icon: Icon = { light: 'file:../nodes/Cryptomus/cryptomus.svg', dark: 'file:../nodes/Cryptomus/cryptomus.dark.svg' };

	documentationUrl = 'https://doc.cryptomus.com/merchant-api/request-format';

	properties: INodeProperties[] = [
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '8b03432e-385b-4670-8d06-064591096795',
			description: 'The merchant UUID from your Cryptomus dashboard (Business → Merchant → Settings)',
		},
		{
			displayName: 'Payment API Key',
			name: 'paymentApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Signs payment, wallet and test-webhook requests and verifies payment and wallet webhooks (Business → Merchant → API integration)',
		},
		{
			displayName: 'Payout API Key',
			name: 'payoutApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Signs payout requests and verifies live payout webhooks. Optional if you do not use payouts.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.cryptomus.com',
			description: 'Change only to route the API through a proxy or a local test server',
		},
	];

	/** Signs the exact body bytes that are sent: `sign = md5(base64(body) + key)`, plus the `merchant` header. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const key = cryptomusKeyFor(requestOptions.url, credentials);
		return signedCryptomusRequest(requestOptions, String(credentials.merchantId ?? ''), key);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/balance',
			method: 'POST',
		},
	};
}
