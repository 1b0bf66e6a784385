/**
 * The NOWPayments action node: the API calls a workflow makes around NOWPayments IPNs — create a payment or an
 * invoice whose IPNs go to the NOWPayments Trigger, look payments up, check minimum amounts and estimates.
 *
 * Each operation lives in `resources/<resource>/<operation>.ts`; parameters are checked (validate.ts) before anything
 * is sent; amounts go out as the number literal typed; NOWPayments' errors become node errors with its message;
 * *continue on fail* per item (shared/actionNode.ts). Nothing here moves money (no payouts), so the node is usable
 * as an AI-agent tool.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executeOperations, type OperationTable } from '../shared/actionNode';
import { currencyDescription, currencyOperations } from './resources/currency';
import { invoiceDescription, invoiceOperations } from './resources/invoice';
import { paymentDescription, paymentOperations } from './resources/payment';

const operations: OperationTable = {
	payment: paymentOperations,
	invoice: invoiceOperations,
	currency: currencyOperations,
};

export class NowPayments implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NOWPayments',
		name: 'nowPayments',
		icon: { light: 'file:nowpayments.svg', dark: 'file:nowpayments.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Call the NOWPayments API: create payments and invoices, look payments up, get minimum amounts and estimates',
		defaults: { name: 'NOWPayments' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'nowPaymentsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Currency', value: 'currency' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Payment', value: 'payment' },
				],
				default: 'payment',
			},
			...paymentDescription,
			...invoiceDescription,
			...currencyDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, operations);
	}
}
