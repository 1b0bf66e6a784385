/**
 * What the action nodes share (n8n-nodes-starter's layout: the node file holds the description, each operation lives
 * in `resources/<resource>/<operation>.ts`): the operation contract, the "Operation" selector, `displayOptions` per
 * operation, the provider's answer as output items, and the per-item loop with *continue on fail*. Providers differ
 * in their operations and transport, not in this logic.
 */
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
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

/** The Amount parameter of a create operation: text, so that it is sent exactly as typed (`check.amount`); `note` follows "Amount to charge". */
export function amountField(provider: string, displayOptions: IDisplayOptions, note = ''): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: '10.50',
		description: `Amount to charge${note}, digits with a dot for decimals (e.g. 10.50). Sent to ${provider} exactly as entered, never rounded.`,
		displayOptions,
	};
}

/** A collection parameter: an operation's "Additional Fields", or the node's "Options". */
export function collection(kind: 'additionalFields' | 'options', options: INodeProperties[], displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: kind === 'options' ? 'Options' : 'Additional Fields',
		name: kind,
		type: 'collection',
		placeholder: kind === 'options' ? 'Add Option' : 'Add Field',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options,
	};
}

export interface ActionNodeInfo {
	displayName: string;
	/** `description.name`: the node's type name (a contract, DESIGN.md). */
	name: string;
	description: string;
	credentials?: INodeTypeDescription['credentials'];
	/** The Resource selector's options; the first is the default unless `defaultResource` says otherwise. */
	resources: Array<{ name: string; value: string }>;
	defaultResource?: string;
	/** Everything after the Resource selector: operation selectors and the operations' parameters. */
	properties: INodeProperties[];
}

/**
 * What every action node of this package declares alike: version 1, one main input and output, the Resource selector.
 * The node adds `icon`, `group`, `subtitle` and `usableAsTool` itself (n8n's lint rules read them from the class).
 */
export function actionNodeDescription(info: ActionNodeInfo): Omit<INodeTypeDescription, 'icon' | 'group' | 'subtitle' | 'usableAsTool'> {
	const defaultResource = info.defaultResource ?? info.resources[0].value;
	return {
		displayName: info.displayName,
		name: info.name,
		version: 1,
		description: info.description,
		defaults: { name: info.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		...(info.credentials ? { credentials: info.credentials } : {}),
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: info.resources,
				default: defaultResource,
			},
			...info.properties,
		],
	};
}

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

/** A node's `execute()`: runs its operation table over the input items (`execute = executeWith(operations)`). */
export function executeWith(operations: OperationTable): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function (this: IExecuteFunctions) {
		return await executeOperations.call(this, operations);
	};
}
