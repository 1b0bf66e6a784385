import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { POST_WEBHOOK } from '../shared/webhookGlue';
import { CRYPTOMUS_STATUSES } from './payload';
import {
	cryptomusSchemeActivation,
	cryptomusSchemeProperties,
	cryptomusSchemeWebhook,
	type CryptomusSchemeProvider,
} from './schemeTrigger';

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
		icon: { light: 'file:cryptomus.svg', dark: 'file:cryptomus.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Cryptomus sends a verified payment, payout or wallet webhook',
		defaults: { name: 'Cryptomus Trigger' },
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
