/**
 * The output schemas this package ships (nodes/outputSchemas.ts, the files `npm run build` writes for n8n's editor)
 * checked against real items with a real JSON Schema validator: ajv, draft-07, strict (an unknown keyword or a
 * `required` member the schema does not list is an error in the schema itself).
 *
 * `runWebhook()` (./webhookContext.ts) passes every item any node test produces through `assertItemsMatchSchema`, so
 * each fixture vector, edge case and option of every trigger is checked against the trigger's schema for the node
 * version the test runs: a field a normalizer adds without the schema (the top level is closed) or a value of
 * another type fails that test, naming the field.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import type { INodeType } from 'n8n-workflow';

import { OUTPUT_SCHEMAS, schemaFilesOf } from '../../nodes/outputSchemas';
import { padVersion, type JsonSchema } from '../../nodes/shared/outputSchema';

/** RFC 3339 date-time, as `Date.prototype.toISOString()` writes it and providers send it. */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i;

const ajv = new Ajv({
	allErrors: true,
	strict: true,
	allowUnionTypes: true,
	formats: { 'date-time': DATE_TIME, email: /^[^\s@]+@[^\s@]+$/, uri: /^[a-z][a-z0-9+.-]*:/i },
});
const compiled = new Map<JsonSchema, ValidateFunction>();

function validator(schema: JsonSchema): ValidateFunction {
	let validate = compiled.get(schema);
	if (!validate) {
		validate = ajv.compile(schema as object);
		compiled.set(schema, validate);
	}
	return validate;
}

/** What is wrong with `item` under `schema`, one line per problem (`/payload/amount must be string`); [] if valid. */
export function schemaErrors(schema: JsonSchema, item: unknown): string[] {
	const validate = validator(schema);
	if (validate(item)) return [];
	return (validate.errors ?? []).map((e) => {
		const extra = e.keyword === 'additionalProperties' ? `: "${String(e.params.additionalProperty)}"` : '';
		return `${e.instancePath || '(item)'} ${e.message ?? e.keyword}${extra}`;
	});
}

/** The schema file n8n serves for this node at `version` (and `resource`/`operation`), as the build writes it. */
export function shippedSchema(node: INodeType, version: number, resource?: string, operation?: string): JsonSchema {
	const path = [`v${padVersion(version)}`, resource, operation].filter(Boolean).join('/') + '.json';
	const file = schemaFilesOf(node.description).find((f) => f.path === path);
	if (!file) throw new Error(`${node.description.name}: no output schema ${path}`);
	return file.schema;
}

/** The same schema with a closed top level: a field it does not list is an error (for the action node's API objects). */
export function closedTopLevel(schema: JsonSchema): JsonSchema {
	return { ...schema, additionalProperties: false };
}

/**
 * Throws (failing the test that produced them) when an item of a node of this package does not match the node's
 * shipped schema for `version`. Nodes that are not this package's (test doubles) are not checked.
 */
export function assertItemsMatchSchema(node: INodeType, version: number, items: unknown[]): void {
	if (items.length === 0 || !Object.prototype.hasOwnProperty.call(OUTPUT_SCHEMAS, node.description.name)) return;
	const schema = shippedSchema(node, version);
	for (const item of items) {
		const errors = schemaErrors(schema, item);
		if (errors.length > 0) {
			throw new Error(
				`An item of ${node.description.name} v${version} does not match its output schema (nodes/outputSchemas.ts):\n  ${errors.join('\n  ')}\nitem: ${JSON.stringify(item).slice(0, 600)}`,
			);
		}
	}
}
