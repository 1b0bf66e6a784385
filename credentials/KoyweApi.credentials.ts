import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The secret Koywe signs order events with. The same field serves both signature modes of the Koywe Trigger: the
 * merchant-defined `secret` of the Ramp API (signature in the body) or the endpoint secret of the Payments API
 * (`Koywe-Signature` header). Nothing here calls Koywe, so the credential is checked by the trigger node's
 * `testedBy` function (is a secret there at all); the real check happens on the first signed webhook.
 */
export class KoyweApi implements ICredentialType {
	name = 'koyweApi';

	displayName = 'Koywe API';

	icon: Icon = { light: 'file:../nodes/Koywe/koywe.svg', dark: 'file:../nodes/Koywe/koywe.dark.svg' };

	documentationUrl = 'https://github.com/koyweforest/gitbook/blob/main/documentacion/webhooks.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret you defined for Koywe event webhooks (Ramp API), or the endpoint secret of your Koywe Payments API webhook. Leading and trailing spaces are ignored.',
		},
	];
}
