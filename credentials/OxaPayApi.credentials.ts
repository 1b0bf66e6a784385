import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * OxaPay API keys. The OxaPay Trigger verifies payment callbacks with the Merchant API key and payout callbacks with
 * the Payout API key (the `HMAC` header); API calls authenticate with the `merchant_api_key` header
 * (https://docs.oxapay.com/api-reference). **Test** asks OxaPay for the merchant's accepted currencies, a read-only
 * call that needs a valid Merchant API key.
 */
export class OxaPayApi implements ICredentialType {
	name = 'oxaPayApi';

	displayName = 'OxaPay API';

	icon: Icon = { light: 'file:../nodes/OxaPay/oxapay.svg', dark: 'file:../nodes/OxaPay/oxapay.dark.svg' };

	documentationUrl = 'https://docs.oxapay.com/webhook';

	properties: INodeProperties[] = [
		{
			displayName: 'Merchant API Key',
			name: 'merchantApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Verifies payment callbacks and signs payment API calls (OxaPay dashboard → Merchant Service → your merchant). Leading and trailing spaces are ignored.',
		},
		{
			displayName: 'Payout API Key',
			name: 'payoutApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Verifies payout callbacks (OxaPay dashboard → Payout Service). Optional if you do not send payouts.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.oxapay.com',
			description: 'Change only to route the API through a proxy or a local test server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { merchant_api_key: '={{$credentials.merchantApiKey.trim()}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/payment/accepted-currencies',
			method: 'GET',
		},
	};
}
