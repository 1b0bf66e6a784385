import type { INodeType } from 'n8n-workflow';

import { CryptApiTrigger } from '../../../nodes/CryptApiTrigger/CryptApiTrigger.node';
import { Crypto2bTrigger } from '../../../nodes/Crypto2b/Crypto2bTrigger.node';
import { CryptofuseTrigger } from '../../../nodes/Cryptofuse/CryptofuseTrigger.node';
import { CryptomusTrigger } from '../../../nodes/CryptomusTrigger/CryptomusTrigger.node';
import { KoyweTrigger } from '../../../nodes/Koywe/KoyweTrigger.node';
import { KoyweUserValidationTrigger } from '../../../nodes/KoyweUserValidation/KoyweUserValidationTrigger.node';
import { OxaPayTrigger } from '../../../nodes/OxaPayTrigger/OxaPayTrigger.node';
import { benchRequest, benchTriggers, BENCH_TRIGGERS } from '../../helpers/benchRequests';
import { runWebhook } from '../../helpers/webhookContext';

const NODES: Record<string, INodeType> = {
	cryptomusTrigger: new CryptomusTrigger(),
	cryptApiTrigger: new CryptApiTrigger(),
	crypto2bTrigger: new Crypto2bTrigger(),
	koyweTrigger: new KoyweTrigger(),
	cryptofuseTrigger: new CryptofuseTrigger(),
	koyweUserValidationTrigger: new KoyweUserValidationTrigger(),
	oxaPayTrigger: new OxaPayTrigger(),
};

describe('trigger node versions', () => {
	it('every trigger offers version 1 (saved workflows) and 1.1 (new nodes; n8n skips a per-request expression)', () => {
		for (const node of Object.values(NODES)) expect(node.description.version).toEqual([1, 1.1]);
	});

	it.each(BENCH_TRIGGERS)('%s: a node saved as 1.1 answers and emits exactly what a version 1 node does', async (name) => {
		const trigger = benchTriggers[name];
		const request = benchRequest(trigger, 2048, '/webhook/test-webhook-id/webhook');
		const at = (typeVersion: number) =>
			runWebhook(NODES[trigger.nodeType], {
				nodeType: `n8n-nodes-crypto-webhooks.${trigger.nodeType}`,
				typeVersion,
				parameters: trigger.parameters,
				credentials: trigger.credential ? { [trigger.credential.type]: trigger.credential.data } : {},
				request: { body: request.body, headers: request.headers },
			});
		const [v1, v11] = [await at(1), await at(1.1)];
		const withoutTime = (items: Array<Record<string, unknown>>) => items.map((item) => ({ ...item, receivedAt: 'same' }));
		expect(v11.response).toEqual(v1.response);
		expect(v1.items).toHaveLength(1);
		expect(withoutTime(v11.items)).toEqual(withoutTime(v1.items));
	});
});
