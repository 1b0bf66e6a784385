/**
 * The BTCPay Server action node: the Greenfield invoice calls a workflow makes around the BTCPay Server Trigger —
 * create an invoice (send its checkout link to the payer), look it up, list invoices.
 *
 * Programmatic, in n8n-nodes-starter's layout: each operation in `resources/<resource>/<operation>.ts` checks its
 * parameters (validate.ts, ../shared/params.ts) before anything is sent, the Greenfield transport (greenfield.ts)
 * adds `Authorization: token <API key>` and turns BTCPay's error bodies into node errors naming BTCPay's message, and
 * ../shared/actionNode.ts declares the node and runs the items with continue-on-fail. Nothing here moves money, so it is usable as a tool.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { actionNodeDescription, executeWith } from '../shared/actionNode';
import { invoiceDescription, invoiceOperations } from './resources/invoice';

export class BtcPayServer implements INodeType {
	description: INodeTypeDescription = {
		icon: { light: 'file:btcpay.svg', dark: 'file:btcpay.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		group: ['transform'],
		usableAsTool: true,
		...actionNodeDescription({
			displayName: 'BTCPay Server',
			name: 'btcPayServer',
			description: 'Create, get and list BTCPay Server invoices through the Greenfield API',
			credentials: [{ name: 'btcPayServerApi', required: true }],
			resources: [{ name: 'Invoice', value: 'invoice' }],
			properties: invoiceDescription,
		}),
	};

	execute = executeWith({ invoice: invoiceOperations });
}
