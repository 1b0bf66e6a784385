/**
 * Invoice → Get Many: `GET /api/v1/stores/{storeId}/invoices` (btcpay.store.canviewinvoices). Output: one item per
 * invoice, newest first.
 *
 * Filters are BTCPay's query parameters (swagger.template.invoices.json): `orderId` and `status` repeat for several
 * values, `startDate` / `endDate` are Unix seconds, `textSearch`, `includeArchived`. Pages with `skip` / `take`
 * (100 per page); Return All reads pages until one comes back short.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { readLimit, returnAllAndLimit } from '../../../shared/listParameters';
import * as check from '../../../shared/params';
import { storePath } from '../../greenfield';
import { unixSeconds } from '../../validate';
import { callBtcPay } from '../call';

const show = showFor('invoice', 'getMany');
export const PAGE_SIZE = 100;
export const INVOICE_STATUSES = ['New', 'Processing', 'Settled', 'Expired', 'Invalid'] as const;

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Created After',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'Only invoices created at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Only invoices created at or before this time',
			},
			{
				displayName: 'Include Archived',
				name: 'includeArchived',
				type: 'boolean',
				default: false,
				description: 'Whether to list archived invoices too',
			},
			{
				displayName: 'Order IDs',
				name: 'orderIds',
				type: 'string',
				default: '',
				placeholder: 'order-1042, order-1043',
				description: 'Only invoices with these order IDs (metadata.orderId), comma-separated',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: INVOICE_STATUSES.map((status) => ({ name: status, value: status })),
				default: [],
				description: 'Only invoices in these statuses',
			},
			{
				displayName: 'Text Search',
				name: 'textSearch',
				type: 'string',
				default: '',
				description: 'A term BTCPay Server searches the invoices for',
			},
		],
	},
];

interface Filters {
	startDate?: unknown;
	endDate?: unknown;
	includeArchived?: boolean;
	orderIds?: string;
	statuses?: string[];
	textSearch?: string;
}

/** The filter query parameters, validated (without `skip` / `take`). */
export function buildListQuery(filters: Filters): Array<[string, string]> {
	const query: Array<[string, string]> = [];
	for (const id of check.text(filters.orderIds).split(',').map((s) => s.trim()).filter((s) => s !== '')) query.push(['orderId', id]);
	for (const status of filters.statuses ?? []) query.push(['status', check.oneOf('Statuses', status, INVOICE_STATUSES)]);
	const start = check.text(filters.startDate) === '' ? undefined : unixSeconds('Created After', filters.startDate);
	const end = check.text(filters.endDate) === '' ? undefined : unixSeconds('Created Before', filters.endDate);
	if (start !== undefined && end !== undefined && start > end) check.fail('Created Before', 'must not be before Created After');
	if (start !== undefined) query.push(['startDate', String(start)]);
	if (end !== undefined) query.push(['endDate', String(end)]);
	const search = check.text(filters.textSearch);
	if (search !== '') query.push(['textSearch', search]);
	if (filters.includeArchived === true) query.push(['includeArchived', 'true']);
	return query;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const query = buildListQuery(this.getNodeParameter('filters', itemIndex, {}) as Filters);

	const collected: IDataObject[] = [];
	for (;;) {
		const take = Math.min(PAGE_SIZE, limit - collected.length);
		const page = await callBtcPay(this, itemIndex, (c) => ({
			method: 'GET',
			path: storePath(c.storeId, '/invoices'),
			query: [...query, ['skip', String(collected.length)], ['take', String(take)]],
		}));
		if (!Array.isArray(page)) {
			throw new NodeApiError(this.getNode(), {} as JsonObject, { message: 'BTCPay Server answered the invoice list with something else than a list', itemIndex });
		}
		collected.push(...(page as IDataObject[]));
		if (page.length < take || collected.length >= limit) return collected.slice(0, limit);
	}
}
