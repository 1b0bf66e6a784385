/**
 * The BTCPay Server action node: the Greenfield invoice calls a workflow makes around the BTCPay Server Trigger —
 * create an invoice (send its checkout link to the payer), look it up, list invoices.
 *
 * Programmatic, in n8n-nodes-starter's layout: each operation in `resources/<resource>/<operation>.ts` checks its
 * parameters (validate.ts, ../shared/params.ts) before anything is sent, the Greenfield transport (greenfield.ts)
 * adds `Authorization: token <API key>` and turns BTCPay's error bodies into node errors naming BTCPay's message, and
 * ../shared/actionNode.ts runs the items with continue-on-fail. Nothing here moves money, so it is usable as a tool.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executeOperations } from '../shared/actionNode';
import { invoiceDescription, invoiceOperations } from './resources/invoice';

export class BtcPayServer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BTCPay Server',
		name: 'btcPayServer',
		icon: { light: 'file:btcpay.svg', dark: 'file:btcpay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, get and list BTCPay Server invoices through the Greenfield API',
		defaults: { name: 'BTCPay Server' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'btcPayServerApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Invoice', value: 'invoice' }],
				default: 'invoice',
			},
			...invoiceDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, { invoice: invoiceOperations });
	}
}
