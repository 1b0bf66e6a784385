/** Invoice → Get: `GET /api/v1/stores/{storeId}/invoices/{invoiceId}` (btcpay.store.canviewinvoices). Output: the invoice. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resultItems, showFor } from '../../../shared/actionNode';
import * as check from '../../../shared/params';
import { storePath } from '../../greenfield';
import { pathId } from '../../validate';
import { callBtcPay } from '../call';

export const description: INodeProperties[] = [
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'LfYbn7Sw2XyG6AuVJ3kt8R',
		description: 'The invoice ID, as Create answers it or as the BTCPay Server Trigger puts it in an invoice event\'s item',
		displayOptions: showFor('invoice', 'get'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const invoiceId = pathId('Invoice ID', check.required('Invoice ID', this.getNodeParameter('invoiceId', itemIndex)));
	const path = (storeId: string) => storePath(storeId, `/invoices/${encodeURIComponent(invoiceId)}`);
	return resultItems(await callBtcPay(this, itemIndex, (c) => ({ method: 'GET', path: path(c.storeId) })));
}
