/**
 * n8n-core's real `WebhookContext` (as in test/helpers/webhookContext.ts) over a REAL HTTP request/response pair,
 * for the request/response trigger whose answer is written after `webhook()` returns. Only the credentials store
 * and the logger are stand-ins.
 */
import { WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWebhookFunctions,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { LogLine } from '../../helpers/webhookContext';

export interface HttpContextSetup {
	node: INodeType;
	nodeType: string;
	parameters: Record<string, unknown>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	req: unknown;
	res: unknown;
}

export function httpWebhookContext(setup: HttpContextSetup): { context: IWebhookFunctions; logs: LogLine[] } {
	const logs: LogLine[] = [];
	const declared = (setup.node.description.credentials ?? []).map((c) => c.name);
	const startNode: INode = {
		id: 'node-1',
		name: 'Trigger',
		type: setup.nodeType,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'test-webhook-id',
		parameters: setup.parameters as INode['parameters'],
		credentials: Object.fromEntries(declared.map((type) => [type, { id: `cred-${type}`, name: type }])),
	};
	const nodeTypes = { getByName: () => setup.node, getByNameAndVersion: () => setup.node } as unknown as INodeTypes;
	const workflow = new Workflow({ id: 'workflow-1', nodes: [startNode], connections: {}, active: true, nodeTypes });
	const additionalData = {
		httpRequest: setup.req,
		httpResponse: setup.res,
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		credentialsHelper: {
			isCredentialUsableByNode: () => true,
			getDecrypted: async (_data: unknown, _nodeCredentials: unknown, type: string) => {
				const credential = setup.credentials[type];
				if (credential === undefined) throw new Error(`Node does not have any credentials set for "${type}"`);
				return credential;
			},
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: startNode.name,
		path: 'test-webhook-id/webhook',
		webhookDescription: setup.node.description.webhooks?.[0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	} as unknown as IWebhookData;
	const node = workflow.getNode(startNode.name) as INode;
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const log = (level: LogLine['level']) => (message: string, meta?: unknown) => logs.push({ level, message, meta });
	Object.defineProperty(context, 'logger', {
		value: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
	});
	return { context: context as unknown as IWebhookFunctions, logs };
}
