/**
 * What the fake Greenfield API's handlers share: answers, BTCPay's error bodies, API keys and their permissions.
 *
 * Errors as BTCPay Server writes them (`BTCPayServer.Abstractions/Extensions/GreenfieldExtensions.cs`,
 * `Security/GreenField/GreenfieldAuthenticationHandler.cs`, `BTCPayServer.Client/Models/GreenfieldPermissionAPIError.cs`):
 *   401 {"code":"unauthenticated","message":…}           no or unknown API key
 *   403 {"code":"missing-permission","message":…,"missingPermission":…}
 *   404 {"code":"…-not-found","message":…}
 *   422 [{"path":…,"message":…}]                        validation
 * Permissions and what they include: `BTCPayServer/Hosting/BTCPayServerServices.cs` (`AddPolicyDefinitions`); a key's
 * permission is a policy, or `policy:storeId` for one store (swagger.template.json, "Authentication").
 */
import { randomInt } from 'node:crypto';

export type Json = unknown;

export interface Answer {
	status: number;
	/** Sent as JSON; `undefined` sends an empty body. */
	body?: Json;
}

export const ok = (body?: Json): Answer => ({ status: 200, body });
export const apiError = (status: number, code: string, message: string): Answer => ({ status, body: { code, message } });
export const validationError = (errors: Array<{ path: string; message: string }>): Answer => ({ status: 422, body: errors });

export const POLICY = {
	unrestricted: 'unrestricted',
	modifyStoreSettings: 'btcpay.store.canmodifystoresettings',
	viewStoreSettings: 'btcpay.store.canviewstoresettings',
	modifyWebhooks: 'btcpay.store.webhooks.canmodifywebhooks',
	modifyInvoices: 'btcpay.store.canmodifyinvoices',
	viewInvoices: 'btcpay.store.canviewinvoices',
	createInvoice: 'btcpay.store.cancreateinvoice',
} as const;

/** Which policies a policy includes (the subset of BTCPay's definitions the fake's endpoints need). */
const INCLUDES: Record<string, string[]> = {
	[POLICY.modifyStoreSettings]: [POLICY.modifyInvoices, POLICY.viewStoreSettings, POLICY.modifyWebhooks],
	[POLICY.modifyInvoices]: [POLICY.viewInvoices, POLICY.createInvoice],
	[POLICY.viewStoreSettings]: [POLICY.viewInvoices],
};

function grants(policy: string, wanted: string): boolean {
	if (policy === wanted || policy === POLICY.unrestricted) return true;
	return (INCLUDES[policy] ?? []).some((included) => grants(included, wanted));
}

/** Whether a key with `permissions` may use `policy` on `storeId`. */
export function permits(permissions: readonly string[], policy: string, storeId: string): boolean {
	return permissions.some((permission) => {
		const [granted, scope] = permission.split(':');
		return (scope === undefined || scope === storeId) && grants(granted, policy);
	});
}

export const unauthenticated = (reason: string): Answer => apiError(401, 'unauthenticated', reason);

export function missingPermission(policy: string): Answer {
	return {
		status: 403,
		body: {
			code: 'missing-permission',
			message: `Insufficient API Permissions. Please use an API key with permission "${policy}". You can create an API key in your account's settings / Api Keys.`,
			missingPermission: policy,
		},
	};
}

/** Newtonsoft's `Formatting.Indented`: two spaces, `\n` (Linux), non-ASCII as is — what `JSON.stringify(v, null, 2)` writes. */
export const indented = (value: Json): string => JSON.stringify(value, null, 2);

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** An id like BTCPay's (`Encoders.Base58` of 16 random bytes: 22 characters). */
export function base58Id(): string {
	let id = '';
	for (let i = 0; i < 22; i++) id += BASE58[randomInt(BASE58.length)];
	return id;
}
