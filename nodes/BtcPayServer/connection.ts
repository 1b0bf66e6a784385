/**
 * The `btcPayServerApi` credential as the nodes use it: trimmed fields, the server's origin without trailing slashes,
 * and what is missing for a use (registering webhooks, calling the invoice API, verifying manually set up webhooks).
 * Pure: no imports.
 */

export interface BtcPayConnection {
	/** `https://btcpay.example.com` (trailing slashes removed); '' when not set. */
	serverUrl: string;
	apiKey: string;
	storeId: string;
	/** Only for a trigger in manual registration mode: the secret of a webhook the user created in BTCPay. */
	webhookSecret: string;
}

const field = (data: Record<string, unknown>, key: string): string => {
	const value = data[key];
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
};

export function readBtcPayConnection(data: object | undefined): BtcPayConnection {
	const fields = (data ?? {}) as Record<string, unknown>;
	return {
		serverUrl: field(fields, 'serverUrl').replace(/\/+$/, ''),
		apiKey: field(fields, 'apiKey'),
		storeId: field(fields, 'storeId'),
		webhookSecret: field(fields, 'webhookSecret'),
	};
}

/** A problem a workflow author can fix in the credential: which field, and what to do. */
export interface ConnectionProblem {
	field: 'Server URL' | 'API Key' | 'Store ID' | 'Webhook Secret';
	message: string;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i;

/** What keeps the credential from calling the Greenfield API (Server URL, API Key, Store ID), if anything. */
export function apiProblem(connection: BtcPayConnection): ConnectionProblem | undefined {
	if (connection.serverUrl === '') {
		return { field: 'Server URL', message: 'is empty: enter the address of your BTCPay Server, e.g. https://btcpay.example.com' };
	}
	if (!HTTP_URL.test(connection.serverUrl)) {
		return { field: 'Server URL', message: 'must be an http(s) address without query, e.g. https://btcpay.example.com' };
	}
	if (connection.apiKey === '') {
		return { field: 'API Key', message: 'is empty: create one in BTCPay Server under Account → API Keys' };
	}
	if (connection.storeId === '') {
		return { field: 'Store ID', message: 'is empty: copy it from BTCPay Server, Store → Settings → General (Store ID)' };
	}
	if (!/^[^\s/?#]+$/.test(connection.storeId)) {
		return { field: 'Store ID', message: 'must be the store\'s ID as BTCPay shows it (letters and digits, no spaces or slashes)' };
	}
	return undefined;
}
