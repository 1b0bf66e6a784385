/**
 * The versions every trigger of this package declares. Version 1.1 behaves exactly as 1 (no parameter or output
 * differs); it exists for n8n's sake: for a webhook node of version 1, n8n evaluates the expression
 * `$parameter["options"]["binaryData"]` on every request before it calls `webhook()` (in n8n 2.x inside the
 * expression isolate, which made that evaluation most of a request's cost). From version 1.1 on n8n skips it.
 * New nodes are 1.1; workflows saved with version 1 keep working unchanged (re-adding the node moves them to 1.1).
 */
export const TRIGGER_VERSIONS = [1, 1.1];
