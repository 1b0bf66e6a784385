import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * What Koywe must send when it asks "may this user operate?": either `Authorization: Bearer <token>` or a header of
 * your choice with an exact value, as agreed with Koywe. Compared in constant time by the Koywe User Validation
 * Trigger. Nothing here calls Koywe, so the trigger node's `testedBy` function only checks that the settings are
 * usable.
 */
export class KoyweUserValidationApi implements ICredentialType {
	name = 'koyweUserValidationApi';

	displayName = 'Koywe User Validation API';

	icon: Icon = {
		light: 'file:../nodes/KoyweUserValidation/koyweUserValidation.svg',
		dark: 'file:../nodes/KoyweUserValidation/koyweUserValidation.dark.svg',
	};

	documentationUrl = 'https://github.com/koyweforest/gitbook/blob/main/documentacion/webhooks.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Bearer Token',
					value: 'bearer',
					description: 'Koywe sends Authorization: Bearer &lt;token&gt;',
				},
				{
					name: 'Header',
					value: 'header',
					description: 'Koywe sends a header of your choice with a fixed value',
				},
			],
			default: 'bearer',
		},
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['bearer'] } },
			description: 'The token (for example a JWT) Koywe puts after "Bearer " in the Authorization header',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'X-Koywe-Token',
			displayOptions: { show: { authentication: ['header'] } },
			description: 'The name of the header Koywe sends (case-insensitive)',
		},
		{
			displayName: 'Header Value',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['header'] } },
			description: 'The exact value Koywe sends in that header',
		},
	];
}
