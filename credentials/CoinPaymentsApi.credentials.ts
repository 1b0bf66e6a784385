import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * CoinPayments credential. `merchantId` + `ipnSecret` (the contract) verify IPNs of the v1 API; `clientId` +
 * `clientSecret` (optional) verify webhooks of the newer API, whose signature is made with an API integration's
 * client secret and covers its client ID: a different secret, issued per integration, so it has fields of its own.
 * No API call can confirm an IPN secret (CoinPayments only ever uses it to sign), so the trigger tests this credential
 * locally (`testedBy`) and says so.
 */
export class CoinPaymentsApi implements ICredentialType {
	name = 'coinPaymentsApi';

	displayName = 'CoinPayments API';

	icon: Icon = { light: 'file:../nodes/CoinPayments/coinpayments.svg', dark: 'file:../nodes/CoinPayments/coinpayments.dark.svg' };

	documentationUrl = 'https://www.coinpayments.net/merchant-tools-ipn';

	properties: INodeProperties[] = [
		{
			displayName:
				'For <b>IPNs</b> (v1 API) fill in the Merchant ID and IPN Secret. For <b>API webhooks</b> (newer API) fill in the Client ID and Client Secret of the API integration. <b>Test</b> only checks what you entered: CoinPayments offers no way to check these secrets from outside.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			placeholder: '8d2a6c4e0f1b3d5a7c9e1f3b5d7a9c1e',
			description: 'Your merchant ID (Account → Account Settings). Every IPN\'s merchant field must equal it.',
		},
		{
			displayName: 'IPN Secret',
			name: 'ipnSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The IPN Secret you set in Account Settings → Merchant Settings. CoinPayments sends no IPN until one is set.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			placeholder: 'dc6a16e545c34187ba21a9edbbe484a5',
			description: 'Only for API webhooks: the Client ID of the API integration (Integrations → API integrations)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for API webhooks: the Client Secret of the same API integration (shown once, when it was created)',
		},
	];
}
