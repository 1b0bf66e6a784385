/**
 * The output schemas n8n's editor previews (nodes/outputSchemas.ts, written by `npm run build`):
 * - one for every node of package.json's `n8n.nodes`, every version it declares, every resource/operation it offers,
 *   found by n8n-core's own resolver (`loadOutputSchema`) at the path the build writes, in a form the editor uses;
 * - valid JSON Schema for a real validator (ajv, strict), the trigger items' top level closed;
 * - true to reality: every trigger item any node test produces is checked by runWebhook() (../../helpers/
 *   outputSchemas.ts); here the Koywe User Validation item and every output of the Cryptomus action node against the
 *   fake Cryptomus API, with the top level closed (a field the schema does not list fails), and the proof that an
 *   extra field or a wrong type is caught.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { loadOutputSchema } from 'n8n-core';

import { Cryptomus } from '../../../nodes/Cryptomus/Cryptomus.node';
import { OUTPUT_SCHEMAS, schemaFilesOf } from '../../../nodes/outputSchemas';
import { describedOperations, padVersion, type JsonSchema } from '../../../nodes/shared/outputSchema';
import { STATES, type NormalizedEvent } from '../../../nodes/shared/types';
import { KoyweUserValidationTrigger } from '../../../nodes/KoyweUserValidation/KoyweUserValidationTrigger.node';
import { KNOWN_PAYOUT } from '../../fake-cryptomus/payments';
import { cryptomusAction } from '../../helpers/cryptomusAction';
import { closedTopLevel, schemaErrors, shippedSchema } from '../../helpers/outputSchemas';
import { isTrigger, PACKAGE_NODES as NODES, REPO_ROOT as PACKAGE_ROOT } from '../../helpers/packageNodes';
import { runWebhook } from '../../helpers/webhookContext';

/** The fields of `NormalizedEvent`, as a runtime list the compiler keeps in step with the type. */
const ITEM_FIELDS: Record<keyof NormalizedEvent, true> = {
	provider: true,
	event: true,
	status: true,
	state: true,
	isFinal: true,
	id: true,
	orderId: true,
	amount: true,
	currency: true,
	network: true,
	txHash: true,
	confirmations: true,
	dedupeKey: true,
	receivedAt: true,
	payload: true,
};

describe('output schema files', () => {
	it('every node of package.json has an entry, and every entry is a node of package.json', () => {
		expect(Object.keys(OUTPUT_SCHEMAS).sort()).toEqual(NODES.map(({ node }) => node.description.name).sort());
	});

	it.each(NODES.map(({ file, node }) => [node.description.name, file, node] as const))(
		'%s: n8n-core finds a schema the editor uses for every version (and resource/operation), where the build writes it',
		(_name, file, node) => {
			const nodeDir = mkdtempSync(join(tmpdir(), 'schemas-'));
			try {
				const files = schemaFilesOf(node.description);
				for (const { path, schema } of files) {
					mkdirSync(dirname(join(nodeDir, '__schema__', path)), { recursive: true });
					writeFileSync(join(nodeDir, '__schema__', path), JSON.stringify(schema));
				}
				const versions = ([] as number[]).concat(node.description.version);
				const operations = Object.entries(describedOperations(node.description)).flatMap(([resource, ops]) =>
					ops.map((operation) => ({ resource, operation })),
				);
				const refs = versions.flatMap((version) =>
					operations.length ? operations.map((o) => ({ version, ...o })) : [{ version }],
				);
				expect(files).toHaveLength(refs.length);
				for (const ref of refs) {
					// n8n 2.x: the server pads; 1.x serves `v${version}` of the editor's already padded version
					const loaded = loadOutputSchema({ nodeDir, ...ref }) as JsonSchema | undefined;
					const paddedByEditor = loadOutputSchema({ nodeDir, ...ref, version: padVersion(ref.version) as unknown as number });
					expect(loaded).toEqual(paddedByEditor);
					// the editor's own test (isNonEmptyJsonSchema): an object type with at least one property
					expect(loaded?.type).toBe('object');
					expect(Object.keys(loaded?.properties ?? {}).length).toBeGreaterThan(0);
				}
				expect(file).toMatch(/^dist\/nodes\/[^/]+\/[^/]+\.node\.js$/);
			} finally {
				rmSync(nodeDir, { recursive: true, force: true });
			}
		},
	);

	it('no two nodes share a folder (n8n finds a schema by the folder of the node file)', () => {
		const folders = NODES.map(({ file }) => dirname(file));
		expect(new Set(folders).size).toBe(folders.length);
	});

	it('every trigger item: the top level of NormalizedEvent first, state from STATES, closed, payload optional', () => {
		for (const { node } of NODES.filter(isTrigger)) {
			const schema = shippedSchema(node, 1.1);
			if (node.description.name === 'koyweUserValidationTrigger') continue;
			const keys = Object.keys(schema.properties ?? {});
			expect(keys.slice(0, 13)).toEqual(Object.keys(ITEM_FIELDS).slice(0, 13));
			expect(keys.slice(-2)).toEqual(['receivedAt', 'payload']);
			expect(schema.properties?.state?.enum).toEqual(STATES);
			expect(schema.properties?.amount?.type).toEqual(['string', 'null']);
			expect(schema.additionalProperties).toBe(false);
			expect(schema.required).toEqual(keys.filter((k) => k !== 'payload'));
		}
	});
});

describe('the validator catches what the schemas exist for', () => {
	// the Cryptomus example's pinned sample: the item the trigger produced for Cryptomus's documented webhook
	const example = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'examples', 'cryptomus-payments.workflow.json'), 'utf8')) as {
		pinData: Record<string, Array<{ json: Record<string, unknown> }>>;
	};
	const item = example.pinData['Cryptomus Trigger'][0].json;
	const schema = shippedSchema(NODES.find(({ node }) => node.description.name === 'cryptomusTrigger')!.node, 1.1);

	it('a valid item passes', () => expect(schemaErrors(schema, item)).toEqual([]));
	it.each([
		['an undeclared top-level field', { ...item, paidAt: null }, '(item) must NOT have additional properties: "paidAt"'],
		['amount as a number', { ...item, amount: 3 }, '/amount must be string,null'],
		['a state outside STATES', { ...item, state: 'paid' }, '/state must be equal to one of the allowed values'],
		['a missing field', { ...item, dedupeKey: undefined }, "(item) must have required property 'dedupeKey'"],
		['a payload member of another type', { ...item, payload: { is_final: 'yes' } }, '/payload/is_final must be boolean'],
	])('%s fails', (_name, bad, message) => expect(schemaErrors(schema, JSON.parse(JSON.stringify(bad)))).toContain(message));
});

describe('Koywe User Validation item', () => {
	it('{email} matches its schema (and nothing else would)', async () => {
		const node = new KoyweUserValidationTrigger();
		const run = await runWebhook(node, {
			nodeType: 'n8n-nodes-crypto-webhooks.koyweUserValidationTrigger',
			typeVersion: 1.1,
			parameters: { decisionField: 'allowed', options: { decisionTimeoutSeconds: 0.1 } },
			credentials: { koyweUserValidationApi: { authentication: 'bearer', bearerToken: 'schema-test-token' } },
			request: {
				body: '{"email":"ana@example.com"}',
				headers: { 'content-type': 'application/json', authorization: 'Bearer schema-test-token' },
			},
		});
		expect(run.items).toEqual([{ email: 'ana@example.com' }]);
		const schema = shippedSchema(node, 1.1);
		expect(schemaErrors(schema, run.items[0])).toEqual([]);
		expect(schemaErrors(schema, { email: 'ana@example.com', allowed: true })).toEqual([
			'(item) must NOT have additional properties: "allowed"',
		]);
	});
});

describe('Cryptomus action node: every operation against the fake Cryptomus API matches its schema', () => {
	const h = cryptomusAction();
	const node = new Cryptomus();
	const orderId = `schema-${Date.now().toString(36)}`;
	const testWebhook = (operation: string) => ({
		resource: 'testWebhook',
		operation,
		urlCallback: h.receiverUrl,
		currency: 'USDT',
		network: 'tron',
		status: 'paid',
		additionalFields: { orderId: `${orderId}-${operation}` },
	});
	/** In run order: the invoice is created, listed, paid (by the fake payer), then its webhook resent. */
	const RUNS: Array<[string, string, () => Record<string, unknown>]> = [
		['testWebhook', 'payment', () => testWebhook('payment')],
		['testWebhook', 'payout', () => testWebhook('payout')],
		['testWebhook', 'wallet', () => testWebhook('wallet')],
		['payment', 'create', () => ({ amount: '10.50', currency: 'USDT', orderId, additionalFields: { urlCallback: h.receiverUrl, network: 'tron' } })],
		['payment', 'get', () => ({ uuid: '', orderId })],
		['payment', 'getMany', () => ({ returnAll: true, filters: {} })],
		['payment', 'getServices', () => ({})],
		['payment', 'resendWebhook', () => ({ uuid: '', orderId })],
		['payout', 'get', () => ({ uuid: KNOWN_PAYOUT.uuid, orderId: '' })],
		['balance', 'get', () => ({})],
	];

	it('covers every resource/operation the node offers', () => {
		const offered = Object.entries(describedOperations(node.description)).flatMap(([r, ops]) => ops.map((o) => `${r}/${o}`));
		expect(RUNS.map(([r, o]) => `${r}/${o}`).sort()).toEqual(offered.sort());
	});

	it.each(RUNS)('%s → %s', async (resource, operation, parameters) => {
		if (operation === 'resendWebhook') h.fake.pay({ order_id: orderId });
		const { output } = await h.run([{ resource, operation, ...parameters() }]);
		expect(output[0].length).toBeGreaterThan(0);
		const schema = closedTopLevel(shippedSchema(node, 1, resource, operation));
		for (const { json } of output[0]) expect(schemaErrors(schema, json)).toEqual([]);
	});
});
