/**
 * Every node's output schema, by the node's `description.name`: what n8n's editor previews in the next node before
 * the first event (nodes/shared/outputSchema.ts says how n8n finds the files). `npm run build` (gulpfile.js,
 * `build:schemas`) writes them beside each compiled node file listed in package.json's `n8n.nodes`:
 * `dist/nodes/<node folder>/__schema__/v1.0.0.json` and `v1.1.0.json` (one per version the node declares), for an
 * action node `__schema__/v1.0.0/<resource>/<operation>.json` for every operation its description offers. The build
 * fails when a node has no entry here or an operation has no schema; `npm test` checks every item the node tests
 * produce against these schemas (test/helpers/outputSchemas.ts).
 *
 * Adding a node:
 * 1. Give the node its own folder (n8n finds the schema by the node file's folder; two nodes in one folder collide).
 * 2. Beside the provider's payload.ts, a small data module `outputSchema.ts`:
 *      export const fooTriggerOutput = triggerOutput({
 *        provider: 'foo',                       // the `Provider` of nodes/shared/types.ts
 *        events: FOO_EVENTS,                    // optional: the closed list of `event` values
 *        statuses: Object.keys(FOO_STATES),     // optional: documented statuses (examples)
 *        fields: { amount: 'price_amount', … }, // optional: where common fields come from, in words
 *        extra: { signedWith: … },              // the trigger's extra top-level fields (type them with PropertiesOf<…>)
 *        payload: { description: 'The IPN Foo sent, parsed', properties: { … as Foo documents them … } },
 *      });
 *    The common top level (provider … receivedAt, state's enum, nullability) comes from nodes/shared/outputSchema.ts,
 *    derived from `NormalizedEvent`. An action node exports `{ operations: { <resource>: { <operation>: schema } } }`.
 * 3. One line below.
 * A new trigger also gets, outside this file: `triggerPanel: triggerPanel({ provider, testEvent })` in its description
 * (nodes/shared/triggerPanel.ts), a pinned sample for its example workflow (one entry in
 * test/unit/examples/samples.ts, then `npm run examples:samples`), and its NODES entry in test/ui/expected.ts (an
 * action node names the resource/operation the browser check previews).
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { cryptApiTriggerOutput } from './CryptApi/outputSchema';
import { crypto2bTriggerOutput } from './Crypto2b/outputSchema';
import { cryptofuseTriggerOutput } from './Cryptofuse/outputSchema';
import { cryptomusTriggerOutput } from './Cryptomus/outputSchema';
import { cryptomusActionOutput } from './Cryptomus/resources/outputSchema';
import { koyweTriggerOutput, koyweUserValidationOutput } from './Koywe/outputSchema';
import { outputSchemaFiles, type NodeOutput, type SchemaFile } from './shared/outputSchema';

export const OUTPUT_SCHEMAS: Readonly<Record<string, NodeOutput>> = {
	cryptomusTrigger: cryptomusTriggerOutput,
	cryptomus: cryptomusActionOutput,
	cryptApiTrigger: cryptApiTriggerOutput,
	crypto2bTrigger: crypto2bTriggerOutput,
	koyweTrigger: koyweTriggerOutput,
	koyweUserValidationTrigger: koyweUserValidationOutput,
	cryptofuseTrigger: cryptofuseTriggerOutput,
};

/** The schema files of one node (throws when it has no entry above, or they do not match its operations). */
export function schemaFilesOf(description: Pick<INodeTypeDescription, 'name' | 'version' | 'properties'>): SchemaFile[] {
	const output = OUTPUT_SCHEMAS[description.name];
	if (!output) throw new Error(`node "${description.name}" has no output schema: add it to nodes/outputSchemas.ts`);
	return outputSchemaFiles(description, output);
}
