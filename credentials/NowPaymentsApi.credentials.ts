import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * NOWPayments: the IPN secret verifies IPNs (NOWPayments Trigger); the API key authenticates API calls (`x-api-key`,
 * NOWPayments node); the dashboard email and password get the short-lived JWT that "Get list of payments" also needs.
 * Only the IPN secret is needed by the trigger.
 */
export class NowPaymentsApi implements ICredentialType {
	name = 'nowPaymentsApi';

	displayName = 'NOWPayments API';

	icon: Icon = { light: 'file:../nodes/NowPayments/nowpayments.svg', dark: 'file:../nodes/NowPayments/nowpayments.dark.svg' };

	documentationUrl = 'https://documenter.getpostman.com/view/7907941/2s93JusNJt';

	properties: INodeProperties[] = [
		{
			displayName:
				'<b>Test</b> checks the API key at NOWPayments (GET /v1/merchant/coins). Without an API key it only checks that the Base URL answers: NOWPayments has no way to check an IPN secret from outside (it only signs with it). To confirm the secret, have NOWPayments send an IPN to the trigger.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'IPN Secret',
			name: 'ipnSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The IPN secret key from the NOWPayments dashboard (Settings → Payments → Instant payment notifications). Every IPN is verified with it. NOWPayments shows it only once, when it is generated.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Your NOWPayments API key (Settings → Payments → API keys). Needed by the NOWPayments node, not by the trigger.',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description:
				'The email you sign in to the NOWPayments dashboard with. Only "Get Many" payments needs it: NOWPayments lists payments only with a login token (POST /v1/auth). Case-sensitive.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Your NOWPayments dashboard password, for "Get Many" payments only (see Email). Case-sensitive.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.nowpayments.io',
			description:
				'Change only to route the API through a proxy, to the sandbox (https://api-sandbox.nowpayments.io) or to a local test server',
		},
	];

	/** Every API call carries the API key as `x-api-key` (NOWPayments' only API authentication). */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, 'x-api-key': String(credentials.apiKey ?? '').trim() },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{$credentials.apiKey ? "/v1/merchant/coins" : "/v1/status"}}',
			method: 'GET',
		},
	};
}
