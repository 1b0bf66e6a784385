/** One Greenfield call for an action-node item: the credential read and checked first, then the request. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { apiProblem, readBtcPayConnection, type BtcPayConnection } from '../connection';
import { greenfieldRequest, type GreenfieldRequest } from '../greenfield';

/** The credential, or a node error naming the field to fix (nothing is sent). */
export async function connectionFor(ctx: IExecuteFunctions, itemIndex: number): Promise<BtcPayConnection> {
	const connection = readBtcPayConnection(await ctx.getCredentials('btcPayServerApi', itemIndex));
	const problem = apiProblem(connection);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `The BTCPay Server credential's ${problem.field} ${problem.message}`, {
			itemIndex,
			description: 'Open the BTCPay Server credential and fill in the Server URL, an API Key and the Store ID.',
		});
	}
	return connection;
}

/** Sends `request(connection)` for the item and returns BTCPay's JSON; errors name BTCPay's message. */
export async function callBtcPay(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: (connection: BtcPayConnection) => GreenfieldRequest,
): Promise<unknown> {
	const connection = await connectionFor(ctx, itemIndex);
	return await greenfieldRequest(ctx, connection, request(connection), itemIndex);
}
