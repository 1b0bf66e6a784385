/**
 * Payment → Get Many: `GET /v1/payment/` (NOWPayments "Get list of payments"), with `x-api-key` and the JWT of
 * `POST /v1/auth` (dashboard email + password in the credential). Output: one item per payment.
 *
 * Pages: NOWPayments answers `{data, limit, page, pagesCount, total}` for `page` 0 … pagesCount − 1 and at most 500
 * payments a page. Return All reads every page (500 a page); otherwise pages are read until Limit payments are in.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { showFor } from '../../../shared/actionNode';
import { readLimit, returnAllAndLimit } from '../../../shared/listParameters';
import { fail, oneOf, text } from '../../../shared/params';
import { nowPaymentsRequest, nowPaymentsToken } from '../../transport';
import * as check from '../../validate';

const show = showFor('payment', 'getMany');
export const PAGE_SIZE_MAX = 500;
export const SORT_FIELDS = [
	'created_at',
	'payment_id',
	'payment_status',
	'pay_address',
	'price_amount',
	'price_currency',
	'pay_amount',
	'actually_paid',
	'pay_currency',
	'order_id',
	'order_description',
	'purchase_id',
	'outcome_amount',
	'outcome_currency',
] as const;

export const description: INodeProperties[] = [
	{
		displayName:
			'Needs the <b>Email</b> and <b>Password</b> of your NOWPayments dashboard in the credential: NOWPayments lists payments only with a login token.',
		name: 'getManyNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
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
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Only payments created from this date (a date alone, or a date and time sent in UTC)',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only payments created up to this date (a date alone, or a date and time sent in UTC)',
			},
			{
				displayName: 'Invoice ID',
				name: 'invoiceId',
				type: 'string',
				default: '',
				description: 'Only the payments of this invoice',
			},
			{
				displayName: 'Order',
				name: 'orderBy',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
				description: 'Order of the list (NOWPayments default: ascending)',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: SORT_FIELDS.map((field) => ({ name: field, value: field })),
				default: 'created_at',
				description: 'Field the list is sorted by (NOWPayments default: created_at)',
			},
		],
	},
];

interface Filters {
	dateFrom?: string;
	dateTo?: string;
	invoiceId?: string;
	sortBy?: string;
	orderBy?: string;
}

/** A date filter as NOWPayments takes it: `YYYY-MM-DD`, or a date and time as ISO 8601 in UTC. */
export function dateFilter(field: string, value: unknown): string | undefined {
	const typed = text(value);
	if (typed === '') return undefined;
	if (/^\d{4}-\d{2}-\d{2}$/.test(typed) && !Number.isNaN(Date.parse(typed))) return typed;
	const at = Date.parse(typed);
	if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(typed) || Number.isNaN(at)) fail(field, 'must be a date like 2025-05-04 or 2025-05-04T10:00:00');
	return new Date(at).toISOString();
}

/** The query of every page but `page` itself (checked; names as the node shows them). */
export function listQuery(filters: Filters): IDataObject {
	const qs: IDataObject = {};
	const from = dateFilter('Date From', filters.dateFrom);
	const to = dateFilter('Date To', filters.dateTo);
	if (from !== undefined) qs.dateFrom = from;
	if (to !== undefined) qs.dateTo = to;
	if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) fail('Date To', 'must not be before Date From');
	if (text(filters.invoiceId) !== '') qs.invoiceId = check.numericId('Invoice ID', filters.invoiceId);
	if (filters.sortBy !== undefined) qs.sortBy = oneOf('Sort By', text(filters.sortBy), SORT_FIELDS);
	if (filters.orderBy !== undefined) qs.orderBy = oneOf('Order', text(filters.orderBy), ['asc', 'desc'] as const);
	return qs;
}

interface Page {
	data: IDataObject[];
	pagesCount: number;
}

function readPage(answer: IDataObject): Page | undefined {
	const { data, pagesCount } = answer as { data?: unknown; pagesCount?: unknown };
	if (!Array.isArray(data)) return undefined;
	return { data: data as IDataObject[], pagesCount: typeof pagesCount === 'number' ? pagesCount : Number(pagesCount ?? 0) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const query = listQuery(this.getNodeParameter('filters', itemIndex, {}) as Filters);
	const pageSize = Math.min(limit, PAGE_SIZE_MAX);
	const token = await nowPaymentsToken.call(this, itemIndex);

	const collected: IDataObject[] = [];
	for (let page = 0; ; page++) {
		const answer = await nowPaymentsRequest.call(
			this,
			{ method: 'GET', path: '/v1/payment/', qs: { limit: pageSize, page, ...query }, bearer: token },
			itemIndex,
		);
		const read = readPage(answer);
		if (!read) {
			throw new NodeApiError(this.getNode(), answer as JsonObject, {
				message: 'NOWPayments answered the payment list without a "data" array',
				itemIndex,
			});
		}
		collected.push(...read.data);
		if (collected.length >= limit) return collected.slice(0, limit);
		if (read.data.length === 0 || page + 1 >= read.pagesCount) return collected;
	}
}
