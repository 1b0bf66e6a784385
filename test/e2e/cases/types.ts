/**
 * A provider of this package as the contract scenarios (../callbacks.e2e.ts), the hostile generator
 * (../hostile/targets.ts) and queue mode see it — data, not a suite of its own. Each provider has two files here:
 *
 *   <id>.ts          `export default` a ProviderCase (below): how to build its callbacks, its ack, its item
 *   <id>.lanes.mjs   `export default (ctx) => ({ id, credentials, trigger, narrow, extra? })`: its credentials (n8n
 *                    exports with plain data) and its trigger node as a user configures it (`trigger()` from
 *                    ../harness/workflows.mjs, typeVersion 1.1), plus `narrow`: the same trigger with an event or
 *                    status filter that the valid callback does NOT pass, and optionally `extra`: more trigger
 *                    nodes by lane name (e.g. `{ api: <the trigger in its second signature mode> }`) for the case's
 *                    own scenarios (`lane: 'api'`); each becomes a lane `callbacks.<id>-<name>`
 *
 * and one line in ./index.ts and ./lanes.mjs. ../callbacks.setup.mjs then gives every case three lanes
 * (`callbacks.<id>`, `callbacks.<id>-narrow`, `callbacks.<id>-dedupe` = trigger → Remove Duplicates → capture) and
 * ../callbacks.e2e.ts runs the same contract on each, on n8n 2.41.1 and 1.123.81, single and queue mode:
 *
 *   valid callback → the provider's ack exactly, one execution, the normalized item (+ its payload)
 *   valid callback at the Test URL ("Listen for test event") → ack, a manual execution with the item
 *   signed with another key / signed for another body / a digit of the signature changed / unsigned → 401
 *   a valid callback the narrow trigger does not select → the ack, no execution
 *   the same callback twice through Remove Duplicates → one item
 *   then `scenarios`: this provider's own cases, as data
 */
import type { RawRequest } from '../harness/rawHttp';
import type { CallbackBuilder } from '../harness/target';

export interface ProviderCase {
	/** File name and lane prefix, e.g. 'oxapay'. */
	id: string;
	/** For test titles, e.g. 'OxaPay'. */
	name: string;
	/** How to build valid (and deliberately wrong) callbacks for a URL; see ../harness/target.ts. */
	callbacks: CallbackBuilder;
	/** The provider's acknowledgement, exactly as it expects it. `contentType`: what the header starts with. */
	ack: { status: number; contentType: string; body: string };
	/** Top-level fields of the item for the valid callback of `nonce` (`toMatchObject`): at least `provider`,
	 * `event`, `status`, `state`, `amount` and `dedupeKey`. */
	item(nonce: string): Record<string, unknown>;
	/** The item's `payload` for that callback (`toEqual`). */
	payload(nonce: string): unknown;
	/** Every secret of the case's credentials (the hostile suite checks n8n's log never shows one). */
	secrets: string[];
	/** This provider's own scenarios, as data (run after the contract). */
	scenarios?: CaseScenario[];
}

export interface CaseScenario {
	/** What is sent and what follows, e.g. 'payout signed with the payout API key → 200 ok, one execution'. */
	title: string;
	/** The lane (default 'main'): 'narrow', or the name of one of the case's `extra` lanes. */
	lane?: string;
	/** The request for the lane's production URL (sign for it when the signature covers the URL); `nonce` is fresh. */
	request(url: string, nonce: string): RawRequest;
	status: number;
	/** The answer's body exactly (default: the ack's body for a 2xx, else 'Unauthorized' / 'Bad Request' / …). */
	body?: string;
	/** An item must arrive with these fields (`toMatchObject`; a function gets the request's nonce); omitted: no
	 * execution may start. */
	item?: Record<string, unknown> | ((nonce: string) => Record<string, unknown>);
}
