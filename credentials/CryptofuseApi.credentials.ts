import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Cryptofuse webhook credential. `webhookSecret` verifies v1.0 webhook signatures (shown as required unless the
 * credential is marked `legacyOnly`, which the trigger itself never reads); `legacyUrlToken` is the optional
 * secret a legacy v0.9 (unsigned) callback URL must carry. Neither can be checked against Cryptofuse: the node that
 * uses this credential tests it locally (`testedBy`), and says so.
 */
export class CryptofuseApi implements ICredentialType {
	name = 'cryptofuseApi';

	displayName = 'Cryptofuse API';

	icon: Icon = { light: 'file:../nodes/Cryptofuse/cryptofuse.svg', dark: 'file:../nodes/Cryptofuse/cryptofuse.dark.svg' };

	documentationUrl = 'https://docs.cryptofuse.io/api-reference/user/webhooks';

	properties: INodeProperties[] = [
		{
			displayName:
				'Cryptofuse offers no way to check a webhook secret from outside, so <b>Test</b> here only checks what you entered. To confirm it end to end, send a test webhook from the Cryptofuse dashboard to the trigger.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Legacy v0.9 Only',
			name: 'legacyOnly',
			type: 'boolean',
			default: false,
			description:
				'Whether this credential is only for a trigger in legacy v0.9 (unsigned) mode, which needs no Webhook Secret. Leave off for current (v1.0) webhooks.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'whsk_…',
			description:
				'The webhook_secret of your Cryptofuse account (dashboard webhook settings, or PATCH /user/webhooks/), exactly as given, e.g. whsk_…. Every v1.0 webhook is verified with it.',
			displayOptions: { show: { legacyOnly: [false] } },
		},
		{
			displayName: 'Legacy URL Token',
			name: 'legacyUrlToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the trigger\'s legacy v0.9 (unsigned) mode: a random string of at least 16 letters, digits or . _ ~ - that you append to the callback URL as ?token=…. Leave empty otherwise.',
		},
	];
}
