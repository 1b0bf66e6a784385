/**
 * Payment → Get Many: payment history, `POST /v1/payment/list`. Output: one item per invoice, newest first.
 *
 * Pagination: Cryptomus answers `{items, paginate: {nextCursor, …}}` and takes the next page's cursor as the query
 * parameter `?cursor=` (the signed body stays the same: only the body is signed). Return All follows `nextCursor`
 * until it is null; otherwise pages are read until Limit items are collected. A cursor seen twice ends in an error
 * instead of an endless loop.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { readLimit, returnAllAndLimit } from '../../../shared/listParameters';
import { cryptomusRequest } from '../../transport';
import * as check from '../../validate';
import { showFor } from '../operation';

const show = showFor('payment', 'getMany');

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
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description:
					'Only invoices created at or after this time (Cryptomus time, UTC+3). A date alone means 00:00:00 that day.',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description:
					'Only invoices created at or before this time (Cryptomus time, UTC+3). A date alone means 23:59:59 that day.',
			},
		],
	},
];

interface ListPage {
	items: IDataObject[];
	nextCursor: string | null;
}

function readPage(result: unknown): ListPage | undefined {
	if (result === null || typeof result !== 'object') return undefined;
	const { items, paginate } = result as { items?: unknown; paginate?: { nextCursor?: unknown } };
	if (!Array.isArray(items)) return undefined;
	const next = paginate?.nextCursor;
	return { items: items as IDataObject[], nextCursor: typeof next === 'string' && next !== '' ? next : null };
}

/** The body of every page request: the date filters in Cryptomus's `YYYY-MM-DD HH:mm:ss`. */
export function buildListBody(filters: { dateFrom?: unknown; dateTo?: unknown }): IDataObject {
	const body: IDataObject = {};
	const from = check.text(filters.dateFrom);
	const to = check.text(filters.dateTo);
	if (from !== '') body.date_from = check.dateTime('Date From', from, 'from');
	if (to !== '') body.date_to = check.dateTime('Date To', to, 'to');
	if (body.date_from && body.date_to && String(body.date_from) > String(body.date_to)) {
		throw new check.CryptomusParameterError('Date To', 'must not be before Date From');
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const body = buildListBody(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);

	const collected: IDataObject[] = [];
	const seenCursors = new Set<string>();
	let cursor: string | null = null;
	do {
		const result = await cryptomusRequest.call(this, '/v1/payment/list', body, itemIndex, cursor ? { qs: { cursor } } : {});
		const page = readPage(result);
		if (!page) {
			throw new NodeApiError(this.getNode(), {} as JsonObject, {
				message: 'Cryptomus answered the payment list without an "items" array',
				itemIndex,
			});
		}
		collected.push(...page.items);
		if (collected.length >= limit) return collected.slice(0, limit);
		cursor = page.nextCursor;
		if (cursor !== null) {
			if (seenCursors.has(cursor)) {
				throw new NodeApiError(this.getNode(), {} as JsonObject, {
					message: 'Cryptomus returned a page cursor it had returned before; stopped to avoid an endless loop',
					itemIndex,
				});
			}
			seenCursors.add(cursor);
		}
	} while (cursor !== null);
	return collected;
}
