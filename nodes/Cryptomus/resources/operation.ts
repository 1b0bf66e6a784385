/**
 * What every `resources/<resource>/<operation>.ts` exports (the action nodes' shared contract, nodes/shared/actionNode.ts),
 * and the UUID / Order ID pair the Cryptomus lookups share.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, type ActionOperation } from '../../shared/actionNode';
import { lookup, text } from '../validate';

export { operationSelector, resultItems, showFor } from '../../shared/actionNode';

export type CryptomusOperation = ActionOperation;

/** The UUID / Order ID pair that identifies one invoice or payout (Get Info, Resend Webhook, Payout Get). */
export function lookupFields(resource: string, operation: string, what: string): INodeProperties[] {
	return [
		{
			displayName: 'UUID',
			name: 'uuid',
			type: 'string',
			default: '',
			placeholder: '8b03432e-385b-4670-8d06-064591096795',
			description: `Cryptomus UUID of the ${what} (the "uuid" of the create answer or webhook). Give this or the Order ID; the UUID wins when both are set.`,
			displayOptions: showFor(resource, operation),
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			placeholder: 'order-1042',
			description: `Your own order ID of the ${what}, as given when it was created (the "order_id"). Used when UUID is empty.`,
			displayOptions: showFor(resource, operation),
		},
	];
}

/** Reads the UUID / Order ID pair of `lookupFields` as the API's `{uuid}` or `{order_id}`. */
export function readLookup(this: IExecuteFunctions, itemIndex: number): { uuid: string } | { order_id: string } {
	return lookup(text(this.getNodeParameter('uuid', itemIndex, '')), text(this.getNodeParameter('orderId', itemIndex, '')));
}
