/**
 * The listening panel of every trigger (`triggerPanel` in the node description: what n8n shows beside a trigger's
 * parameters before it has run): how to get a signed test event for this provider, and that the provider itself is
 * given the Production URL. Providers differ only in the data: their name and one line on how to get a test event.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

/** The README's quick start (the package's homepage), where every trigger's test request is written out. */
export const README_QUICK_START =
	'https://github.com/n8n-nodes-crypto-webhooks/n8n-nodes-crypto-webhooks#quick-start-a-verified-test-event-in-minutes';

/** The README's quick start as a link, for a provider's `testEvent` line. */
export const quickStartLink = (text: string): string => `<a href="${README_QUICK_START}" target="_blank">${text}</a>`;

export interface TriggerPanelData {
	/** The provider's name as users know it, e.g. 'Cryptomus'. */
	provider: string;
	/** How to get a signed test event while the panel listens, one line (HTML: <b>, links). */
	testEvent: string;
}

type TriggerPanel = Exclude<NonNullable<INodeTypeDescription['triggerPanel']>, boolean>;

/** The `triggerPanel` of a trigger node. */
export function triggerPanel({ provider, testEvent }: TriggerPanelData): TriggerPanel {
	const test = `<b>Test event:</b> click the button above (n8n then listens on the <b>Test URL</b> for 2 minutes), then ${testEvent}.`;
	const production = `<b>Live events:</b> give ${provider} the <b>Production URL</b> (not the Test URL) and publish the workflow.`;
	const refused = 'A forged or unsigned request gets HTTP 401 and starts nothing; n8n\'s log says why.';
	return {
		header: `Listen for a verified ${provider} test event`,
		executionsHelp: {
			inactive: `${test}<br /><br />${production} Then every verified ${provider} event starts the workflow; those executions show up in the <a data-key="executions">executions list</a>, not in the editor.<br /><br />${refused}`,
			active: `${test}<br /><br /><b>This workflow is published:</b> ${provider} calls the <b>Production URL</b>, and those executions show up in the <a data-key="executions">executions list</a>, not in the editor.<br /><br />${refused}`,
		},
		activationHint: {
			inactive: `${test} ${production}`,
			active: `${test} ${provider} calls the Production URL of this published workflow.`,
		},
	};
}
