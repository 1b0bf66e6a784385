/** What every `resources/<resource>/<operation>.ts` exports, and the few helpers they share. */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { lookup, text } from '../validate';

export interface CryptomusOperation {
	/** The operation's parameters (each with displayOptions for its resource and operation). */
	description: INodeProperties[];
	/** Runs the operation for one input item; returns the JSON of its output items (each paired with that item). */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

/** A resource's "Operation" selector (each option: name, value, action, description). */
export function operationSelector(resource: string, options: INodePropertyOptions[], defaultValue: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultValue,
	};
}

/** `displayOptions` that show a parameter only for one resource and operation. */
export const showFor = (resource: string, operation: string): IDisplayOptions => ({
	show: { resource: [resource], operation: [operation] },
});

/** The API's `result` as output items: an array gives one item per element, an object one item, nothing none. */
export function resultItems(result: unknown): IDataObject[] {
	if (Array.isArray(result)) {
		return result.map((entry) =>
			entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as IDataObject) : { value: entry },
		);
	}
	if (result !== null && typeof result === 'object') return [result as IDataObject];
	return result === undefined || result === null ? [] : [{ value: result as string | number | boolean }];
}

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
