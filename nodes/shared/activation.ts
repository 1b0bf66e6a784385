/** Activation-time checks every trigger repeats in `webhookMethods.default.create` (n8n glue). */
import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import { cachedAllowlist } from './webhookGlue';

/** Refuses to activate when the "IP Allowlist" option (in the node's `options` collection) cannot be parsed. */
export function assertAllowlistUsable(ctx: IHookFunctions): void {
	const options = ctx.getNodeParameter('options', {}) as { ipAllowlist?: string };
	try {
		cachedAllowlist(options.ipAllowlist ?? '');
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			description: 'Fix the IP Allowlist option: IP addresses or CIDR ranges, comma-separated.',
		});
	}
}
