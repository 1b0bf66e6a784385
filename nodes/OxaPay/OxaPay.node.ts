/**
 * The OxaPay action node: the merchant API calls a workflow makes around OxaPay callbacks — create the invoice whose
 * callbacks the OxaPay Trigger receives, and look a payment up again.
 *
 * OxaPay's merchant API v1 (https://docs.oxapay.com/api-reference) with the `oxaPayApi` credential (the same one the
 * OxaPay Trigger uses; its `merchant_api_key` header authenticates every call, its Base URL lets a proxy or a fake API
 * stand in). Parameters are checked before anything is sent; amounts go out exactly as typed. Each operation lives in
 * `resources/<resource>/<operation>.ts`; the per-item loop and the HTTP plumbing are the action nodes' shared ones.
 * Nothing here moves money (no payouts), so the node is usable as an AI tool.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { actionNodeDescription, executeWith } from '../shared/actionNode';
import { invoiceDescription, invoiceOperations } from './resources/invoice';
import { paymentDescription, paymentOperations } from './resources/payment';

export class OxaPay implements INodeType {
	description: INodeTypeDescription = {
		icon: { light: 'file:oxapay.svg', dark: 'file:oxapay.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		group: ['transform'],
		usableAsTool: true,
		...actionNodeDescription({
			displayName: 'OxaPay',
			name: 'oxaPay',
			description: 'Call the OxaPay merchant API: create invoices whose callbacks an OxaPay Trigger receives, and look payments up',
			credentials: [{ name: 'oxaPayApi', required: true }],
			resources: [
				{ name: 'Invoice', value: 'invoice' },
				{ name: 'Payment', value: 'payment' },
			],
			properties: [...invoiceDescription, ...paymentDescription],
		}),
	};

	execute = executeWith({ invoice: invoiceOperations, payment: paymentOperations });
}
