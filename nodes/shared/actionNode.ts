/**
 * What the action nodes share (n8n-nodes-starter's layout: the node file holds the description, each operation lives
 * in `resources/<resource>/<operation>.ts`): the operation contract, the "Operation" selector, `displayOptions` per
 * operation, the provider's answer as output items, and the per-item loop with *continue on fail*. Providers differ
 * in their operations and transport, not in this logic.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { ParameterError } from './params';

/** An output item with binary data (e.g. a QR code image); plain operations return JSON objects. */
export class OutputItem {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

export interface ActionOperation {
	/** The operation's parameters (each with displayOptions for its resource and operation). */
	description: INodeProperties[];
	/** Runs the operation for one input item; returns its output items (each is paired with that item). */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<Array<IDataObject | OutputItem>>;
}

/** resource → operation → implementation, as the node's `execute()` dispatches. */
export type OperationTable = Record<string, Record<string, ActionOperation>>;

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

/** `displayOptions` that show a parameter only for one resource and operation(s). */
export const showFor = (resource: string, ...operations: string[]): IDisplayOptions => ({
	show: { resource: [resource], operation: operations },
});

/** An API answer as output items: an array gives one item per element, an object one item, nothing none. */
export function resultItems(result: unknown): IDataObject[] {
	if (Array.isArray(result)) {
		return result.map((entry) =>
			entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as IDataObject) : { value: entry },
		);
	}
	if (result !== null && typeof result === 'object') return [result as IDataObject];
	return result === undefined || result === null ? [] : [{ value: result as string | number | boolean }];
}

/**
 * The body of every action node's `execute()`: each input item runs its resource's operation; a parameter check that
 * fails becomes an error naming the field, and with *continue on fail* a failing item gives
 * `{ success: false, error }` while the other items still run.
 */
export async function executeOperations(this: IExecuteFunctions, operations: OperationTable): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const run = operations[resource]?.[operation];
			if (!run) {
				throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, {
					itemIndex,
				});
			}
			const results = await run.execute.call(this, itemIndex);
			for (const result of results) {
				out.push(
					result instanceof OutputItem
						? { json: result.json, binary: result.binary, pairedItem: { item: itemIndex } }
						: { json: result, pairedItem: { item: itemIndex } },
				);
			}
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: error instanceof ParameterError
						? new NodeOperationError(this.getNode(), error.message, { itemIndex })
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			if (!this.continueOnFail()) throw nodeError;
			out.push({ json: { success: false, error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [out];
}
