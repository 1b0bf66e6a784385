import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	cryptomusSchemeActivation,
	cryptomusSchemeProperties,
	cryptomusSchemeWebhook,
	type CryptomusSchemeProvider,
} from '../Cryptomus/schemeTrigger';
import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { POST_WEBHOOK } from '../shared/webhookGlue';
import { HELEKET_STATUSES } from './payload';

/** The address Heleket sends webhooks from (Heleket/php-sdk and Heleket/go-sdk docs/06-webhooks.md). */
export const HELEKET_IP = '31.133.220.8';

/** Heleket as the trigger of the Cryptomus scheme sees it (../Cryptomus/schemeTrigger.ts). */
const HELEKET: CryptomusSchemeProvider = {
	...HELEKET_STATUSES,
	displayName: 'Heleket',
	credentialName: 'heleketApi',
	ips: HELEKET_IP,
	otherUrlSetting: '',
};

export class HeleketTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Heleket Trigger',
		name: 'heleketTrigger',
		icon: { light: 'file:heleket.svg', dark: 'file:heleket.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Heleket sends a verified payment, payout or wallet webhook',
		defaults: { name: 'Heleket Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'heleketApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: cryptomusSchemeProperties(HELEKET),
	};

	/** Nothing to register at Heleket; activation only refuses a configuration that cannot verify anything. */
	webhookMethods = cryptomusSchemeActivation(HELEKET);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await cryptomusSchemeWebhook(this, HELEKET);
	}
}
