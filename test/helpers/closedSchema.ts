/**
 * A schema with every described object closed, at every depth: a member the schema does not list is an error. For the
 * action-node schema tests against the fake APIs, where the fakes send exactly the members the providers document, so
 * a member the fake sends that the schema forgot (or misspells) fails. The shipped schemas keep provider objects open.
 * An object described without `properties` (a map such as CryptAPI's split `address_out`) stays open.
 */
import type { JsonSchema } from '../../nodes/shared/outputSchema';

export function closedEverywhere(schema: JsonSchema): JsonSchema {
	const closed: JsonSchema = { ...schema };
	if (schema.properties) {
		closed.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, s]) => [key, closedEverywhere(s)]));
		closed.additionalProperties = false;
	}
	if (schema.items) closed.items = closedEverywhere(schema.items);
	return closed;
}
