/** Activation-time checks every trigger repeats in `webhookMethods.default.create` (n8n glue). */
import { NodeOperationError, type IHookFunctions, type INodeType } from 'n8n-workflow';

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

/**
 * `webhookMethods` for a trigger with nothing to register at its provider (the user pastes the URL there).
 * `create`, n8n's activation hook, runs `check` — which throws a NodeOperationError the workflow author sees when the
 * configuration cannot verify anything — and then the IP-allowlist check. `checkExists` answers false so `create`
 * runs on every activation; `delete` has nothing to undo.
 */
export function activationChecks(check: (ctx: IHookFunctions) => Promise<void>): INodeType['webhookMethods'] {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await check(this);
				assertAllowlistUsable(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}
