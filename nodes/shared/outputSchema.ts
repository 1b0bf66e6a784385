/**
 * Output JSON Schemas: what a node's items look like before it has ever run. n8n's editor shows them as a "schema
 * preview" in the input panel of the next (non-core) node, so `amount`, `state` or `dedupeKey` can be dragged into
 * Slack or a CRM before the first payment; n8n's AI workflow builder reads the same files.
 *
 * Where n8n looks (n8n-core `nodes-loader/output-schema-resolver.js`, n8n `server.js` `serveSchemas`; the editor
 * asks `GET /schemas/<nodeType>/<version>[/<resource>/<operation>].json` with the version padded to three parts):
 * `<folder of the node file>/__schema__/v1.1.0.json` for a node without resource/operation, else
 * `…/__schema__/v1.0.0/<resource>/<operation>.json`. The editor only uses a file with `type` and non-empty
 * `properties` at the top, and shows a field's first `type` (so a nullable field is `[type, 'null']`).
 *
 * This module is the one place the common top level of every trigger item is described, checked against
 * `NormalizedEvent` by the compiler (`PropertiesOf`: one schema per field, no more, no fewer, nullable exactly where
 * the type is). Providers describe only their data (nodes/<Provider>/outputSchema.ts); nodes/outputSchemas.ts lists
 * every node; the build writes the files (gulpfile.js, `build:schemas`). Pure: no n8n runtime import.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { STATES, type NormalizedEvent, type Provider } from './types';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** The part of JSON Schema (draft-07) these files use. */
export interface JsonSchema {
	type?: JsonType | readonly JsonType[];
	description?: string;
	enum?: ReadonlyArray<string | number | boolean | null>;
	format?: 'date-time' | 'email' | 'uri';
	properties?: { [key: string]: JsonSchema };
	required?: readonly string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	examples?: readonly unknown[];
}

// ------------------------------------------------------------------------------------ schemas checked against types

type JsonTypeName<T> = [T] extends [string]
	? 'string'
	: [T] extends [number]
		? 'integer' | 'number'
		: [T] extends [boolean]
			? 'boolean'
			: [T] extends [readonly unknown[]]
				? 'array'
				: 'object';

/** A schema for a value of TypeScript type `T`: its JSON type, and `[type, 'null']` exactly when `T` admits null. */
export type SchemaOf<T> = JsonSchema & {
	type: null extends T ? readonly [JsonTypeName<NonNullable<T>>, 'null'] : JsonTypeName<T>;
};

/**
 * One schema per property of `T`, no more (an object literal's excess keys are errors), no fewer. An index signature
 * (`[key: string]: …`, kept for n8n's `IDataObject`) is left out, so the named properties are what is checked.
 */
export type PropertiesOf<T> = { [K in keyof T as string extends K ? never : K]-?: SchemaOf<T[K]> };

// ------------------------------------------------------------------------------------------------ small builders

export const text = (description: string, more: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...more });
export const nullableText = (description: string, more: JsonSchema = {}): JsonSchema => ({
	type: ['string', 'null'],
	description,
	...more,
});
export const flag = (description: string): JsonSchema => ({ type: 'boolean', description });
export const integer = (description: string): JsonSchema => ({ type: 'integer', description });
/** A JSON number as the provider sent it: a number, or its literal text when JavaScript would change it (`1000.50`). */
export const numberOrLiteral = (description: string): JsonSchema => ({ type: ['number', 'string'], description });
/** An object whose members are listed (providers add members: others are allowed). */
export const object = (description: string, properties: { [key: string]: JsonSchema }): JsonSchema => ({
	type: 'object',
	description,
	properties,
	additionalProperties: true,
});
export const nullable = (schema: JsonSchema): JsonSchema => ({
	...schema,
	type: [...(Array.isArray(schema.type) ? schema.type : [schema.type as JsonType]), 'null'],
});
export const list = (description: string, items: JsonSchema): JsonSchema => ({ type: 'array', description, items });

// --------------------------------------------------------------------------------------- the trigger item's top level

/** Every field of `NormalizedEvent` but `payload` (which each provider describes): derived, so it cannot drift. */
type CommonFields = Omit<NormalizedEvent, 'payload'>;
type CommonField = keyof CommonFields;

/** Every trigger item's top level (DESIGN.md, "The output item"), in the order the glue emits it. */
const COMMON: PropertiesOf<CommonFields> = {
	provider: { type: 'string', description: 'Which provider sent the event' },
	event: { type: 'string', description: "The provider's kind of event" },
	status: { type: 'string', description: "The provider's own status, unchanged" },
	state: {
		type: 'string',
		enum: STATES,
		description:
			'The status normalized across providers; "unknown" for a status this package does not know yet (it still passes through in status)',
	},
	isFinal: { type: 'boolean', description: 'Whether this is the last status the payment or payout can reach' },
	id: { type: ['string', 'null'], description: "The provider's id of the payment or transaction" },
	orderId: { type: ['string', 'null'], description: 'Your own reference (order id) when the provider sends one' },
	amount: {
		type: ['string', 'null'],
		description:
			'The amount as a decimal string, exactly the digits the provider sent (never rounded); use {{ Number($json.amount) }} only where rounding does not matter',
		examples: ['10.50', '0.00120000'],
	},
	currency: { type: ['string', 'null'], description: 'Currency of the amount' },
	network: { type: ['string', 'null'], description: 'Blockchain network, when the provider says' },
	txHash: { type: ['string', 'null'], description: 'Transaction hash on the blockchain, when there is one' },
	confirmations: { type: ['integer', 'null'], description: 'Block confirmations, when the provider sends them' },
	dedupeKey: {
		type: 'string',
		description:
			"Stable for one delivery of one status: use it in n8n's Remove Duplicates node (Remove Items Processed in Previous Executions) to drop re-sent callbacks",
	},
	receivedAt: { type: 'string', format: 'date-time', description: 'When the callback arrived (ISO 8601, UTC)' },
};

/** What a provider says about its trigger's item; everything else comes from `COMMON`. */
export interface TriggerItemDescription {
	provider: Provider;
	/** The values of `event` when they are a closed list (an enum); without it the set is open (say so in `fields.event`). */
	events?: readonly string[];
	/** Provider-specific wording of common fields (where `amount` or `id` comes from, …). */
	fields?: Partial<Record<Exclude<CommonField, 'provider' | 'state' | 'receivedAt'>, string>>;
	/** The statuses the provider documents (examples; the set stays open). */
	statuses?: readonly string[];
	/** Extra top-level fields the trigger adds (e.g. `signedWith`), always present. */
	extra?: { [key: string]: JsonSchema };
	/** The provider's body under `payload`: what it is, and its members as the provider documents them. */
	payload: { description: string; properties: { [key: string]: JsonSchema } };
}

/** A node's output: one schema for its items, or one per resource and operation (action nodes). */
export type NodeOutput =
	| { item: JsonSchema }
	| { operations: { [resource: string]: { [operation: string]: JsonSchema } } };

/**
 * The schema of a trigger's item: the common top level (closed: a field the schema does not list is an error),
 * the provider's extras before `receivedAt` (where the glue puts them), `payload` last and optional (the trigger's
 * "Include Raw Payload" option can hide it).
 */
export function triggerItemSchema(d: TriggerItemDescription): JsonSchema {
	const described = (field: CommonField): JsonSchema => {
		const base = COMMON[field];
		const wording = (d.fields as Partial<Record<CommonField, string>> | undefined)?.[field];
		return wording ? { ...base, description: `${base.description}: ${wording}` } : base;
	};
	const { receivedAt, ...before } = Object.fromEntries(
		(Object.keys(COMMON) as CommonField[]).map((field) => [field, described(field)]),
	) as Record<CommonField, JsonSchema>;
	const properties: { [key: string]: JsonSchema } = {
		...before,
		provider: { ...before.provider, enum: [d.provider] },
		event: d.events ? { ...before.event, enum: d.events } : before.event,
		status: d.statuses ? { ...before.status, examples: d.statuses } : before.status,
		...d.extra,
		receivedAt,
		payload: {
			type: 'object',
			description: `${d.payload.description} (hidden when the trigger's option "Include Raw Payload" is off)`,
			properties: d.payload.properties,
			additionalProperties: true,
		},
	};
	return {
		type: 'object',
		description: `One verified ${d.provider} event`,
		properties,
		required: Object.keys(properties).filter((key) => key !== 'payload'),
		additionalProperties: false,
	};
}

/** A trigger's output for the registry. */
export const triggerOutput = (d: TriggerItemDescription): NodeOutput => ({ item: triggerItemSchema(d) });

/** An item whose top level is closed (no field beyond `properties`); all listed fields present. */
export function closedItem(description: string, properties: { [key: string]: JsonSchema }): JsonSchema {
	return { type: 'object', description, properties, required: Object.keys(properties), additionalProperties: false };
}

// ----------------------------------------------------------------------------------------------- files n8n serves

export interface SchemaFile {
	/** Relative to the node's `__schema__/` folder, e.g. `v1.1.0.json` or `v1.0.0/payment/create.json`. */
	path: string;
	schema: JsonSchema;
}

/** A node version as n8n names schema folders: `1` → `1.0.0`, `1.1` → `1.1.0` (n8n-core's `padVersion`). */
export function padVersion(version: number): string {
	return String(version).split('.').concat(['0', '0']).slice(0, 3).join('.');
}

function optionValues(property: INodeProperties): string[] {
	return (property.options ?? []).flatMap((option) => ('value' in option ? [String(option.value)] : []));
}

/** The resource → operations a node's description offers (its `resource` and per-resource `operation` selectors). */
export function describedOperations(description: Pick<INodeTypeDescription, 'properties'>): Record<string, string[]> {
	const resource = description.properties.find((p) => p.name === 'resource');
	if (!resource) return {};
	return Object.fromEntries(
		optionValues(resource).map((value) => [
			value,
			description.properties
				.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(value))
				.flatMap(optionValues),
		]),
	);
}

/**
 * The files of one node: every version it declares, and for an action node every resource/operation its description
 * offers. Throws when the output does not match the description (a missing or stale operation), so a build never
 * ships a node whose preview silently 404s.
 */
export function outputSchemaFiles(
	description: Pick<INodeTypeDescription, 'name' | 'version' | 'properties'>,
	output: NodeOutput,
): SchemaFile[] {
	const versions = (Array.isArray(description.version) ? description.version : [description.version]).map(padVersion);
	if ('item' in output) return versions.map((v) => ({ path: `v${v}.json`, schema: output.item }));

	const offered = describedOperations(description);
	const pairs = (map: Record<string, Iterable<string>>) =>
		Object.entries(map).flatMap(([r, ops]) => [...ops].map((o) => `${r}/${o}`));
	const wanted = pairs(offered);
	const given = pairs(Object.fromEntries(Object.entries(output.operations).map(([r, ops]) => [r, Object.keys(ops)])));
	const missing = wanted.filter((p) => !given.includes(p));
	const stale = given.filter((p) => !wanted.includes(p));
	if (missing.length || stale.length) {
		throw new Error(
			`${description.name}: output schemas do not match the node's operations (missing: ${missing.join(', ') || 'none'}; not offered: ${stale.join(', ') || 'none'})`,
		);
	}
	return versions.flatMap((v) =>
		wanted.map((pair) => {
			const [resource, operation] = pair.split('/');
			return { path: `v${v}/${pair}.json`, schema: output.operations[resource][operation] };
		}),
	);
}
