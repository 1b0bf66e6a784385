import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * BTCPay Server Greenfield API access for one store. The action node and the trigger's automatic registration call
 * the API with `Authorization: token <API key>`; a trigger in manual registration mode needs only the Webhook Secret
 * of a webhook the user created in BTCPay Server (and the Store ID, to ignore other stores' deliveries).
 */
export class BtcPayServerApi implements ICredentialType {
	name = 'btcPayServerApi';

	displayName = 'BTCPay Server API';

	icon: Icon = { light: 'file:../nodes/BtcPayServer/btcpay.svg', dark: 'file:../nodes/BtcPayServer/btcpay.dark.svg' };

	documentationUrl = 'https://docs.btcpayserver.org/API/Greenfield/v1/';

	properties: INodeProperties[] = [
		{
			displayName:
				'<b>Test</b> asks your BTCPay Server whether it accepts the API key (GET /api/v1/api-keys/current). It cannot check a Webhook Secret: send an invoice event to a trigger in manual mode to confirm that one.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://btcpay.example.com',
			description: 'The address of your BTCPay Server (scheme and host, no path)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Account → API Keys → Generate Key. Permissions: btcpay.store.webhooks.canmodifywebhooks for the trigger\'s automatic registration; btcpay.store.cancreateinvoice and btcpay.store.canviewinvoices for the BTCPay Server node. Limit them to this store if you like.',
		},
		{
			displayName: 'Store ID',
			name: 'storeId',
			type: 'string',
			default: '',
			required: true,
			description: 'Store → Settings → General → Store ID',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for a trigger with Registration: Manual: the secret of the webhook you created in BTCPay Server (Store → Settings → Webhooks). Leave empty for automatic registration, which creates its own.',
		},
	];

	/** Greenfield API keys go in `Authorization: token <key>` (swagger.template.json, securitySchemes API_Key). */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `token ${String(credentials.apiKey ?? '').trim()}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.serverUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/api-keys/current',
			method: 'GET',
		},
	};
}
