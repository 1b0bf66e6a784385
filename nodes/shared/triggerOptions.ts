/** Node parameters every trigger offers in its "Options" collection, and how they are read. */
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

export interface CommonTriggerOptions {
	includePayload: boolean;
	ipAllowlist: string;
	trustedProxyHops: number;
}

/**
 * The "Options" entries every trigger shares; `ipHint` names the provider's published addresses, `ipNote` (optional)
 * says what they apply to.
 */
export function commonTriggerOptions(ipHint: string, ipNote = ''): INodeProperties[] {
	return [
		{
			displayName: 'Include Raw Payload',
			name: 'includePayload',
			type: 'boolean',
			default: true,
			description:
				'Whether to add the provider\'s parsed body unchanged under "payload". Turn off for a simplified item.',
		},
		{
			displayName: 'IP Allowlist',
			name: 'ipAllowlist',
			type: 'string',
			default: '',
			placeholder: ipHint || '203.0.113.10, 2001:db8::/32',
			description: `Only accept requests from these IP addresses or CIDR ranges (comma-separated). Empty accepts any address. This is an extra check: the signature is always verified.${ipHint ? ` Addresses published for this provider: ${ipHint}${ipNote}.` : ''}`,
		},
		{
			displayName: 'Trusted Proxy Hops',
			name: 'trustedProxyHops',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 0,
			description:
				'How many reverse proxies you run in front of n8n. 0 checks the address of the connection itself; 1 or more reads the client address from X-Forwarded-For that many entries from the right. Only set this when those proxies overwrite or append X-Forwarded-For, otherwise callers can forge it.',
		},
	];
}

export function readCommonOptions(ctx: IWebhookFunctions): CommonTriggerOptions {
	const options = ctx.getNodeParameter('options', {}) as Partial<CommonTriggerOptions>;
	return {
		includePayload: options.includePayload ?? true,
		ipAllowlist: options.ipAllowlist ?? '',
		trustedProxyHops: options.trustedProxyHops ?? 0,
	};
}
