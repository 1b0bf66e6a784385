/**
 * Heleket signatures: the Cryptomus scheme, unchanged (https://doc.heleket.com/general/request-format,
 * https://doc.heleket.com/methods/payments/webhook). This module only names it for Heleket; the verifier and the
 * PHP encoder are `../Cryptomus/signature.ts` and `../shared/phpJson.ts` (reused, not copied).
 *
 * - Requests to the API: header `sign` = `md5(base64(body) + apiKey)` over the exact body bytes sent, next to header
 *   `merchant` (the merchant UUID).
 * - Webhooks: the `sign` member of the JSON body = `md5(base64(json) + apiKey)`, `json` being the body without `sign`
 *   re-encoded as PHP's `json_encode(…, JSON_UNESCAPED_UNICODE)` prints it: `/` escaped as `\/`, non-ASCII raw,
 *   received escapes decoded, keys in received order. Payment and wallet webhooks: the payment API key; payouts: the
 *   payout API key. No timestamp is signed (no replay window; dedupe on uuid + status).
 *
 * What Heleket's own SDKs do (docs/providers/heleket.md): the PHP SDK (`Heleket/php-sdk`,
 * `src/Webhook/WebhookVerifier.php`) decodes the body, unsets `sign` and re-encodes it exactly like this; the Go SDK
 * (`Heleket/go-sdk`, `webhook/verifier.go`) instead cuts `sign` out of the raw bytes. Both agree whenever the body
 * arrives as PHP printed it with JSON_UNESCAPED_UNICODE; for a body whose non-ASCII text arrives as `\uXXXX`
 * escapes only the PHP recipe (the one doc.heleket.com publishes, and this package's) accepts the genuine signature.
 *
 * Pure: imports only the package's own pure modules.
 */
export {
	checkCryptomusSign as checkHeleketSign,
	readCryptomusWebhook as readHeleketWebhook,
	signCryptomus as signHeleket,
	signCryptomusWebhookBody as signHeleketWebhookBody,
	verifyCryptomusWebhook as verifyHeleketWebhook,
	type CryptomusKeys as HeleketKeys,
} from '../Cryptomus/signature';

/** The Heleket endpoints signed with the payout key (Heleket/php-sdk docs/02-configuration.md, v2.2.0 changelog). */
export const HELEKET_PAYOUT_PATHS = /^\/?v1\/(?:payout|transfer\/|payment\/refund\b)/;
