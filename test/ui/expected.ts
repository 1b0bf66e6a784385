/**
 * What the editor should show for each node of this package, read from the nodes' own descriptions (never typed in
 * twice): display name, the parameters visible with default values, the credential type and the example workflow's
 * placeholder credential of that type, whether it has webhook URLs, and how the node creator lists it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeProperties, INodeType } from 'n8n-workflow';

import { BtcPayServer } from '../../nodes/BtcPayServer/BtcPayServer.node';
import { BtcPayServerTrigger } from '../../nodes/BtcPayServerTrigger/BtcPayServerTrigger.node';
import { CoinPaymentsTrigger } from '../../nodes/CoinPayments/CoinPaymentsTrigger.node';
import { CryptApi } from '../../nodes/CryptApi/CryptApi.node';
import { CryptApiTrigger } from '../../nodes/CryptApiTrigger/CryptApiTrigger.node';
import { Crypto2bTrigger } from '../../nodes/Crypto2b/Crypto2bTrigger.node';
import { CryptofuseTrigger } from '../../nodes/Cryptofuse/CryptofuseTrigger.node';
import { Cryptomus } from '../../nodes/Cryptomus/Cryptomus.node';
import { CryptomusTrigger } from '../../nodes/CryptomusTrigger/CryptomusTrigger.node';
import { HeleketTrigger } from '../../nodes/Heleket/HeleketTrigger.node';
import { KoyweTrigger } from '../../nodes/Koywe/KoyweTrigger.node';
import { KoyweUserValidationTrigger } from '../../nodes/KoyweUserValidation/KoyweUserValidationTrigger.node';
import { NowPayments } from '../../nodes/NowPayments/NowPayments.node';
import { NowPaymentsTrigger } from '../../nodes/NowPaymentsTrigger/NowPaymentsTrigger.node';
import { OxaPay } from '../../nodes/OxaPay/OxaPay.node';
import { OxaPayTrigger } from '../../nodes/OxaPayTrigger/OxaPayTrigger.node';
import { schemaFilesOf } from '../../nodes/outputSchemas';
import { padVersion } from '../../nodes/shared/outputSchema';
import { PACKAGE } from './browser';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const exampleCredentials = JSON.parse(readFileSync(join(EXAMPLES, 'credentials.json'), 'utf8')) as Array<{ id: string; name: string; type: string }>;

export interface ExpectedNode {
	type: string;
	displayName: string;
	/** Names n8n gives a node added from the creator: the display name, or (action nodes) the action's name. */
	titles: string[];
	/** Parameters (not notices) shown for a node with default values. */
	parameters: string[];
	/** Display names of the collections among them (Options, Additional Fields, Callback Parameters): no input of their own. */
	collections: Record<string, string>;
	/** Start of each notice shown with default values (HTML tags removed). */
	notices: string[];
	/** Display names of required parameters that start empty (a fresh node rightly flags them until filled in). */
	requiredEmpty: string[];
	credentialType: string | undefined;
	/** Ids of the example placeholder credentials of that type. */
	exampleCredentialIds: string[];
	isTrigger: boolean;
	/** Node creator: search text, the entry to pick, and the section of the app page (if it opens one). */
	/** `pick`: the action to choose on an app page that lists several (the one whose parameters are the defaults). */
	creator: { query: string; entry: RegExp; section: 'Triggers' | 'Actions'; pick?: string };
	/** A trigger's listening panel: its header, and the start of its hint while the workflow is not published. */
	triggerPanel?: { header: string; hint: string };
	/** What the next app node (Slack) shows of this node's items before anything ran: see `Preview`. */
	preview: Preview;
}

/**
 * The schema preview of a node in a workflow "node → Slack" that never ran, read from the schema the node ships
 * (nodes/outputSchemas.ts): the node's newest version (and for an action node the operation previewed), the
 * top-level fields the Slack node's input panel must list, the one dragged into Slack's message text and the
 * expression that must result. `sample`: the item the node's example workflow pins (triggers), which stands in
 * where the editor shows no preview for a trigger (n8n 2).
 */
export interface Preview {
	typeVersion: number;
	parameters: Record<string, string>;
	fields: string[];
	drag: string;
	expression: string;
	sample?: IDataObject;
}

/** The fields a user maps first, when the schema has them; else its first ones. */
const PREVIEW_FIELDS = ['amount', 'state', 'dedupeKey', 'payload'];

function preview(node: INodeType, parameters: Record<string, string>): Preview {
	const d = node.description;
	const typeVersion = Math.max(...([] as number[]).concat(d.version));
	const operation = parameters.resource ? `/${parameters.resource}/${parameters.operation}` : '';
	const file = schemaFilesOf(d).find((f) => f.path === `v${padVersion(typeVersion)}${operation}.json`);
	if (!file) throw new Error(`${d.name}: no output schema v${padVersion(typeVersion)}${operation}.json (an action node's NODES entry names the resource/operation to preview)`);
	const keys = Object.keys(file.schema.properties ?? {});
	const fields = [...new Set([...PREVIEW_FIELDS.filter((k) => keys.includes(k)), ...keys.slice(0, 3)])];
	const sample = EXAMPLE_WORKFLOWS.flatMap((e) => e.pinned).find((p) => p.type === `${PACKAGE}.${d.name}`)?.json;
	return { typeVersion, parameters, fields, drag: fields[0], expression: `{{ $json.${fields[0]} }}`, sample };
}

/** Whether `p` is shown when every parameter has its default (top-level `displayOptions.show` only, as here). */
function shownByDefault(p: INodeProperties, all: INodeProperties[]): boolean {
	const show = p.displayOptions?.show;
	if (!show) return true;
	return Object.entries(show).every(([name, values]) => {
		// Several properties may share a name (one `operation` per resource): the one shown by default counts.
		const other = all.filter((q) => q.name === name.replace(/^\//, '')).find((q) => q !== p && shownByDefault(q, all));
		return other !== undefined && (values as unknown[]).includes(other.default);
	});
}

/** The `action` labels of operation options ("Send a test payment webhook"): n8n names an added node after them. */
function actionNames(properties: INodeProperties[]): string[] {
	return properties.flatMap((p) =>
		(p.options ?? []).flatMap((o) => ('action' in o && typeof o.action === 'string' ? [o.action] : [])),
	);
}

/** A trigger panel text as shown while the workflow is not published. */
const inactiveText = (text: unknown): string =>
	typeof text === 'string' ? text : ((text as { inactive?: string } | undefined)?.inactive ?? '');

const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();

function expected(node: INodeType, creator: ExpectedNode['creator'], previewed: Record<string, string> = {}): ExpectedNode {
	const d = node.description;
	const panel = typeof d.triggerPanel === 'object' ? d.triggerPanel : undefined;
	const visible = d.properties.filter((p) => shownByDefault(p, d.properties));
	const credentialType = d.credentials?.[0]?.name;
	return {
		type: `${PACKAGE}.${d.name}`,
		displayName: d.displayName,
		titles: [d.displayName, ...actionNames(d.properties)],
		parameters: visible.filter((p) => p.type !== 'notice').map((p) => p.name),
		collections: Object.fromEntries(
			visible.filter((p) => p.type === 'collection' || p.type === 'fixedCollection').map((p) => [p.name, p.displayName]),
		),
		requiredEmpty: visible.filter((p) => p.required === true && p.default === '').map((p) => p.displayName),
		notices: visible.filter((p) => p.type === 'notice').map((p) => plain(p.displayName).slice(0, 60)),
		credentialType,
		exampleCredentialIds: exampleCredentials.filter((c) => c.type === credentialType).map((c) => c.id),
		isTrigger: (d.webhooks ?? []).length > 0,
		creator,
		triggerPanel: panel && { header: panel.header ?? '', hint: plain(inactiveText(panel.activationHint)).slice(0, 80) },
		preview: preview(node, previewed),
	};
}

export const EXAMPLE_WORKFLOWS = ['cryptomus-payments', 'cryptapi-payments', 'cryptapi-order', 'crypto2b-operations', 'koywe-order-events', 'koywe-user-validation', 'cryptofuse-payments', 'oxapay-payments', 'oxapay-order', 'heleket-payments', 'coinpayments-payments', 'nowpayments-payments', 'nowpayments-payment-link', 'btcpay-payments', 'btcpay-invoice-link'].map(
	(file) => {
		const wf = JSON.parse(readFileSync(join(EXAMPLES, `${file}.workflow.json`), 'utf8')) as {
			id: string;
			name: string;
			nodes: Array<{ name: string; type: string }>;
			pinData?: Record<string, Array<{ json: IDataObject }>>;
		};
		const ours = wf.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`));
		const pinned = ours.flatMap((n) => (wf.pinData?.[n.name] ?? []).map(({ json }) => ({ type: n.type, json })));
		return { file, id: wf.id, name: wf.name, ours, pinned };
	},
);

/** In the order a user adds them: a trigger first (an empty canvas offers only triggers), then the others. */
export const NODES: ExpectedNode[] = [
	expected(new CryptomusTrigger(), { query: 'Cryptomus', entry: /^Cryptomus/, section: 'Triggers' }),
	expected(new Cryptomus(), { query: 'Cryptomus', entry: /^Cryptomus/, section: 'Actions', pick: 'Send a test payment webhook' }, {
		resource: 'payment',
		operation: 'create',
	}),
	expected(new CryptApiTrigger(), { query: 'CryptAPI', entry: /^CryptAPI/, section: 'Triggers' }),
	expected(new CryptApi(), { query: 'CryptAPI', entry: /^CryptAPI/, section: 'Actions', pick: 'Create a payment address' }, { resource: 'address', operation: 'create' }),
	expected(new Crypto2bTrigger(), { query: 'Crypto2B', entry: /^Crypto2B/, section: 'Triggers' }),
	expected(new KoyweTrigger(), { query: 'Koywe', entry: /^Koywe(?! User)/, section: 'Triggers' }),
	expected(new KoyweUserValidationTrigger(), { query: 'Koywe', entry: /^Koywe User Validation/, section: 'Triggers' }),
	expected(new CryptofuseTrigger(), { query: 'Cryptofuse', entry: /^Cryptofuse/, section: 'Triggers' }),
	expected(new OxaPayTrigger(), { query: 'OxaPay', entry: /^OxaPay/, section: 'Triggers' }),
	expected(new HeleketTrigger(), { query: 'Heleket', entry: /^Heleket/, section: 'Triggers' }),
	expected(new CoinPaymentsTrigger(), { query: 'CoinPayments', entry: /^CoinPayments/, section: 'Triggers' }),
	expected(new OxaPay(), { query: 'OxaPay', entry: /^OxaPay/, section: 'Actions', pick: 'Create an invoice' }, { resource: 'invoice', operation: 'create' }),
	expected(new NowPaymentsTrigger(), { query: 'NOWPayments', entry: /^NOWPayments/, section: 'Triggers' }),
	expected(new NowPayments(), { query: 'NOWPayments', entry: /^NOWPayments/, section: 'Actions', pick: 'Create a payment' }, { resource: 'payment', operation: 'create' }),
	expected(new BtcPayServerTrigger(), { query: 'BTCPay', entry: /^BTCPay Server/, section: 'Triggers' }),
	expected(new BtcPayServer(), { query: 'BTCPay', entry: /^BTCPay Server/, section: 'Actions', pick: 'Create an invoice' }, { resource: 'invoice', operation: 'create' }),
];

export function nodeByType(type: string): ExpectedNode | undefined {
	return NODES.find((n) => n.type === type);
}

