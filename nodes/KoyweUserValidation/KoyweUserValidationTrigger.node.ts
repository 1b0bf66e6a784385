import {
	NodeConnectionTypes,
	NodeOperationError,
	sleep,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { TRIGGER_VERSIONS } from '../shared/nodeVersion';
import { quickStartLink, triggerPanel } from '../shared/triggerPanel';
import { activationChecks } from '../shared/activation';
import { commonTriggerOptions } from '../shared/triggerOptions';
import { credentialOrUndefined, handleWebhook, header, readRawBody, reject } from '../shared/webhookGlue';
import { readValidationAuth, testKoyweUserValidationApi } from '../Koywe/credentials';
import { gateBooleanAnswer, type GatedResponse } from '../Koywe/responseGate';
import { authConfigurationProblem, readValidationEmail, verifyValidationAuth } from '../Koywe/userValidation';

const MS_PER_SECOND = 1000;
/** How long the workflow may take before Koywe is answered `false`. */
export const DEFAULT_DECISION_TIMEOUT_SECONDS = 5;
export const DEFAULT_DECISION_FIELD = 'allowed';

interface ValidationOptions {
	decisionTimeoutSeconds?: number;
}

export class KoyweUserValidationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Koywe User Validation Trigger',
		name: 'koyweUserValidationTrigger',
		icon: { light: 'file:koyweUserValidation.svg', dark: 'file:koyweUserValidation.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{"answers $json." + $parameter["decisionField"]}}',
		description: "Answers Koywe's \"may this user operate?\" call with your workflow's true/false decision",
		defaults: { name: 'Koywe User Validation Trigger' },
		triggerPanel: triggerPanel({
			provider: 'Koywe',
			testEvent: `send the ${quickStartLink("README's quick-start request")}: {"email": …} with your bearer token; the workflow's answer goes back as true or false`,
		}),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'koyweUserValidationApi', required: true, testedBy: 'koyweUserValidationApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Give Koywe the Production URL above as your user-validation URL. The workflow starts with {"email": …}; end it with a node whose first item has the Decision Field set to true or false. Koywe gets exactly that boolean. A workflow error, a missing or non-boolean field, or no answer within the timeout answers false. Do not use a Respond to Webhook node.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Decision Field',
				name: 'decisionField',
				type: 'string',
				required: true,
				default: DEFAULT_DECISION_FIELD,
				description:
					'The field of the last node\'s first item that holds the decision: boolean true lets the user operate; false, anything else or a missing field answers false',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Decision Timeout (Seconds)',
						name: 'decisionTimeoutSeconds',
						type: 'number',
						typeOptions: { minValue: 0.1, maxValue: 120, numberPrecision: 1 },
						default: DEFAULT_DECISION_TIMEOUT_SECONDS,
						description: 'If the workflow has not finished by then, Koywe is answered false',
					},
					...commonTriggerOptions('').filter((option) => option.name !== 'includePayload'),
				],
			},
		],
	};

	methods = { credentialTest: { koyweUserValidationApiTest: testKoyweUserValidationApi } };

	/** Nothing to register at Koywe; activation only refuses a configuration that cannot authenticate anything. */
	webhookMethods = activationChecks(async (ctx) => {
		const problem = authConfigurationProblem(await readValidationAuth(ctx));
		if (problem !== undefined) {
			throw new NodeOperationError(ctx.getNode(), `Koywe user validation credential: ${problem}`, {
				description: 'Open the credential and enter the token or header Koywe sends with each call.',
			});
		}
		if (String(ctx.getNodeParameter('decisionField', '')).trim() === '') {
			throw new NodeOperationError(ctx.getNode(), 'The Decision Field is empty', {
				description: `Name the field of the last node that holds true or false, e.g. "${DEFAULT_DECISION_FIELD}".`,
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this, async () => {
			const auth = await credentialOrUndefined(async () => await readValidationAuth(this));
			if (!auth) return reject(this, 401, 'credential_missing');
			const problem = authConfigurationProblem(auth);
			if (problem !== undefined) return reject(this, 401, 'credential_missing', problem);
			const verified = verifyValidationAuth(auth, (name) => header(this, name));
			if (!verified.ok) return reject(this, 401, verified.reason);

			const rawBody = await readRawBody(this);
			if (!rawBody) return reject(this, 400, 'body_unreadable');
			const email = readValidationEmail(rawBody);
			if (email === undefined) return reject(this, 400, 'bad_body', 'no email');

			const field = String(this.getNodeParameter('decisionField', DEFAULT_DECISION_FIELD)).trim();
			const { decisionTimeoutSeconds = DEFAULT_DECISION_TIMEOUT_SECONDS } = this.getNodeParameter(
				'options',
				{},
			) as ValidationOptions;
			const { logger } = this;
			const node = this.getNode().name;
			gateBooleanAnswer(this.getResponseObject() as GatedResponse, {
				field,
				deadline: sleep(decisionTimeoutSeconds * MS_PER_SECOND),
				onAnswer: (outcome, written) => {
					const message = `Koywe user validation answered ${outcome === 'allowed'}: ${outcome}${written ? '' : ' (connection already closed)'}`;
					if (outcome === 'allowed' || outcome === 'denied') logger.debug(message, { node, outcome });
					else logger.warn(message, { node, outcome });
				},
			});
			return { workflowData: [[{ json: { email } }]] };
		});
	}
}
