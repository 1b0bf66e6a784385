/**
 * Payment → Resend Webhook: `POST /v1/payment/resend` by UUID or Order ID. Cryptomus sends the invoice's last webhook
 * again to its Callback URL (only for finished invoices created with one). Output: `{ success, request, result }`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cryptomusRequest } from '../../transport';
import { lookupFields, readLookup } from '../operation';

export const description: INodeProperties[] = lookupFields('payment', 'resendWebhook', 'invoice');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = readLookup.call(this, itemIndex);
	const result = await cryptomusRequest.call(this, '/v1/payment/resend', body, itemIndex);
	// Cryptomus answers `result: []`: say what was asked for, so the item is useful downstream.
	return [{ success: true, request: body, result: (result ?? null) as IDataObject }];
}
