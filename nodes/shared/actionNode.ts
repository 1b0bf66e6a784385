/**
 * What the action nodes share (n8n-nodes-starter's layout): each operation lives in `resources/<resource>/<operation>.ts`
 * and exports its parameters and an `execute` for one item; the node runs them item by item with continue-on-fail.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { ParameterError } from './parameters';

export interface ActionOperation {
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

/** An API result as output items: an array gives one item per element, an object one item, nothing none. */
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
 * The node's `execute`: for each input item, the operation its `resource` / `operation` parameters name. A bad
 * parameter (ParameterError) or an API error fails that item: with "continue on fail" it becomes an output item
 * `{success: false, error}`, otherwise the node stops with the error.
 */
export async function runOperations(
	ctx: IExecuteFunctions,
	operations: Record<string, Record<string, ActionOperation>>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = ctx.getNodeParameter('resource', itemIndex) as string;
			const operation = ctx.getNodeParameter('operation', itemIndex) as string;
			const run = operations[resource]?.[operation];
			if (!run) {
				throw new NodeOperationError(ctx.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, { itemIndex });
			}
			const results = await run.execute.call(ctx, itemIndex);
			for (const json of results) out.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: error instanceof ParameterError
						? new NodeOperationError(ctx.getNode(), error.message, { itemIndex })
						: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			if (!ctx.continueOnFail()) throw nodeError;
			out.push({ json: { success: false, error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [out];
}
