import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { cryptomusKeyFor, signedCryptomusRequest } from '../nodes/Cryptomus/request';
import { HELEKET_PAYOUT_PATHS } from '../nodes/Heleket/signature';

/**
 * Heleket merchant credentials. The trigger verifies webhooks with the payment key (and the payout key for payout
 * webhooks). Heleket's API signs requests the Cryptomus way (headers `merchant` + `sign`), so `authenticate` reuses
 * the Cryptomus request signer: the HTTP Request node can call any Heleket endpoint with this credential.
 */
export class HeleketApi implements ICredentialType {
	name = 'heleketApi';

	displayName = 'Heleket API';

	icon: Icon = { light: 'file:../nodes/Heleket/heleket.svg', dark: 'file:../nodes/Heleket/heleket.dark.svg' };

	documentationUrl = 'https://doc.heleket.com/general/request-format';

	properties: INodeProperties[] = [
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '8b03432e-385b-4670-8d06-064591096795',
			description: 'The merchant UUID from your Heleket dashboard (sent as the merchant header of API requests)',
		},
		{
			displayName: 'Payment API Key',
			name: 'paymentApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Verifies payment and wallet webhooks and signs payment, wallet, balance and test-webhook requests (Business → Merchant → API integration)',
		},
		{
			displayName: 'Payout API Key',
			name: 'payoutApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Verifies payout webhooks and signs payout, transfer and refund requests. Optional if you do not use payouts.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.heleket.com',
			description: 'Change only to route the API through a proxy or a local test server',
		},
	];

	/** Signs the exact body bytes that are sent: `sign = md5(base64(body) + key)`, plus the `merchant` header. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const key = cryptomusKeyFor(requestOptions.url, credentials, HELEKET_PAYOUT_PATHS);
		return signedCryptomusRequest(requestOptions, String(credentials.merchantId ?? '').trim(), key.trim());
	}

	/**
	 * The merchant balance (`POST /v1/balance`, signed with the payment key, empty body): answered for any valid
	 * Merchant ID + Payment API key. Heleket reports errors as `{"state":1,…}`, sometimes with HTTP 200.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.baseUrl || "https://api.heleket.com").replace(/\\/+$/, "")}}',
			url: '/v1/balance',
			method: 'POST',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'state', value: 1, message: 'Heleket refused the Merchant ID or the Payment API Key' },
			},
		],
	};
}
