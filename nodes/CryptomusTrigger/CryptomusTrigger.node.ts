import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { triggerPanel } from '../shared/triggerPanel';
import { POST_WEBHOOK } from '../shared/webhookGlue';
import { CRYPTOMUS_STATUSES } from '../Cryptomus/payload';
import {
	cryptomusSchemeActivation,
	cryptomusSchemeProperties,
	cryptomusSchemeWebhook,
	type CryptomusSchemeProvider,
} from '../Cryptomus/schemeTrigger';

export const CRYPTOMUS_IP = '91.227.144.54';

/** Cryptomus as the trigger of its scheme sees it (shared with Heleket: ./schemeTrigger.ts). */
const CRYPTOMUS: CryptomusSchemeProvider = {
	...CRYPTOMUS_STATUSES,
	displayName: 'Cryptomus',
	credentialName: 'cryptomusApi',
	ips: CRYPTOMUS_IP,
	otherUrlSetting: 'in the Cryptomus dashboard',
};

export class CryptomusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cryptomus Trigger',
		name: 'cryptomusTrigger',
		icon: { light: 'file:../Cryptomus/cryptomus.svg', dark: 'file:../Cryptomus/cryptomus.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Cryptomus sends a verified payment, payout or wallet webhook',
		defaults: { name: 'Cryptomus Trigger' },
		triggerPanel: triggerPanel({
			provider: 'Cryptomus',
			testEvent: "run a Cryptomus node's <b>Test Webhook</b> with this Test URL as its Callback URL (same credential): Cryptomus itself sends the signed webhook",
		}),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cryptomusApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: cryptomusSchemeProperties(CRYPTOMUS),
	};

	/** Nothing to register at Cryptomus; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = cryptomusSchemeActivation(CRYPTOMUS);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await cryptomusSchemeWebhook(this, CRYPTOMUS);
	}
}
