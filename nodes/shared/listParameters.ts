/**
 * The "Return All" / "Limit" pair every list operation of the action nodes shows (n8n's convention), and how it is
 * read: `Infinity` for Return All, else the checked Limit.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { integer } from './params';

/** Return All, then Limit (shown while Return All is off), both for the operation `show` selects. */
export function returnAllAndLimit(show: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show.show, returnAll: [false] } },
		},
	];
}

/** How many results the item asks for: `Infinity` with Return All, else Limit (a whole number ≥ 1). */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	return integer('Limit', this.getNodeParameter('limit', itemIndex, 50), 1, Number.MAX_SAFE_INTEGER);
}
