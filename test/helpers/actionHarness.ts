/**
 * Runs an action node against a fake provider API (test/fake-*), with a loopback receiver standing in for the
 * provider's trigger URL. One per test file: `const h = actionHarness({...})` inside a `describe` (it registers
 * `beforeAll` / `afterAll`); `h.run(items)` runs the node once with one parameter object per input item.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';

import { runExecute } from './executeContext';
import { startReceiver, type Receiver } from './fakeHttp';

export interface RunOptions {
	continueOnFail?: boolean;
	/** Caps the node's request timeout (tests of an API that never answers). */
	timeoutCapMs?: number;
	/** Credential fields to override for this run (e.g. a wrong key). */
	credentials?: ICredentialDataDecryptedObject;
}

export interface ActionHarness<F> {
	fake: F;
	receiver: Receiver;
	run(items: Array<Record<string, unknown>>, options?: RunOptions): ReturnType<typeof runExecute>;
}

export interface ActionHarnessSetup<F> {
	node: INodeType;
	/** n8n's type name, e.g. `n8n-nodes-crypto-webhooks.cryptApi`. */
	nodeType: string;
	startFake(): Promise<F>;
	/** The path the receiver listens on and the answer it gives (the trigger's ack). */
	receiver: { path: string; contentType: string; body: string };
	/** The node's credential (none for key-less APIs) and its fields for a fake. */
	credentialType?: ICredentialType;
	credentials?(fake: F): ICredentialDataDecryptedObject;
	/** Parameters every item gets unless it sets them (e.g. a Base URL option pointing at the fake). */
	itemDefaults?(fake: F): Record<string, unknown>;
}

export function actionHarness<F extends { close(): Promise<void> }>(setup: ActionHarnessSetup<F>): ActionHarness<F> {
	const h = {} as ActionHarness<F>;

	beforeAll(async () => {
		h.fake = await setup.startFake();
		h.receiver = await startReceiver(setup.receiver.path, setup.receiver);
		h.run = (items, options = {}) =>
			runExecute(setup.node, {
				nodeType: setup.nodeType,
				items: items.map((item) => ({ ...setup.itemDefaults?.(h.fake), ...item })),
				credentialType: setup.credentialType,
				credentials: setup.credentials && { ...setup.credentials(h.fake), ...options.credentials },
				continueOnFail: options.continueOnFail ?? false,
				timeoutCapMs: options.timeoutCapMs,
			});
	});

	afterAll(async () => {
		await h.fake?.close();
		await h.receiver?.close();
	});

	return h;
}
