/**
 * A fail-closed gate on the HTTP response of Koywe's user-validation call.
 *
 * The trigger uses n8n's "respond when the last node finishes" mode, so n8n writes the answer after the workflow
 * ran. What n8n writes depends on how the run went (checked in n8n 2.41.1 and 1.123.81, `webhook-helpers.js`):
 * the last node's first item with 200; `{"message":"Error in workflow"}` with 500; a "did not return any data"
 * message with 200 (!); an error object with 500 when no item was found or the run could not start. None of these
 * is a boolean, and one of them is a truthy 200, which Koywe would read as "allowed". So before returning the
 * workflow data the trigger wraps the Express response object it was handed: whatever n8n later writes (through
 * `json`, `send`, `write` or `end`) is turned into exactly `true` or `false` (HTTP 200, JSON), and a deadline answers
 * `false` if n8n has written nothing by then. Late writes after the answer are ignored.
 *
 * In queue mode the same holds on the webhook processor: it runs webhook() (so the gate wraps its response), enqueues
 * the execution, and writes the last node's answer it gets back from the worker through that same response object;
 * the deadline runs on the webhook processor (`npm run test:e2e -- --queue` checks true / false / timeout there).
 *
 * No n8n import: the deadline is injected (the node passes `sleep(ms)` from n8n-workflow), so tests control time.
 */
import { decisionFrom, type DecisionOutcome } from './userValidation';

type Method = (...args: unknown[]) => unknown;

/** The members of Express's response object the gate reads or wraps. */
export interface GatedResponse {
	statusCode: number;
	headersSent: boolean;
	status: Method;
	setHeader: Method;
	writeHead: Method;
	json: Method;
	send: Method;
	write: Method;
	end: Method;
}

export interface GateOptions {
	/** The last node's field that holds the decision. */
	field: string;
	/** Settles when the workflow has had its time; answering `false` then if nothing was written. */
	deadline: Promise<unknown>;
	/** Called once with the outcome; `written` is false when the connection could not take the answer. */
	onAnswer: (outcome: DecisionOutcome, written: boolean) => void;
}

export const ANSWER_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Installs the gate on `res` (see the module comment). Call it once, just before returning the workflow data. */
export function gateBooleanAnswer(res: GatedResponse, { field, deadline, onAnswer }: GateOptions): void {
	const original = {
		status: res.status,
		setHeader: res.setHeader,
		writeHead: res.writeHead,
		send: res.send,
		write: res.write,
		end: res.end,
	};
	let answered = false;
	let writing = false;

	const answer = (outcome: DecisionOutcome): void => {
		if (answered) return;
		answered = true;
		writing = true;
		let written = true;
		try {
			if (!res.headersSent) {
				original.status.call(res, 200);
				original.setHeader.call(res, 'Content-Type', ANSWER_CONTENT_TYPE);
			}
			original.send.call(res, outcome === 'allowed' ? 'true' : 'false');
		} catch {
			written = false;
		} finally {
			writing = false;
		}
		onAnswer(outcome, written);
	};
	/** Anything written other than through `json` is not a boolean decision. */
	const answerUnreadable = (): void => answer(decisionFrom(res.statusCode, undefined, field));

	res.json = (body: unknown) => {
		answer(decisionFrom(res.statusCode, body, field));
		return res;
	};
	res.send = (...args: unknown[]) => {
		if (writing) return original.send.apply(res, args);
		answerUnreadable();
		return res;
	};
	res.write = (...args: unknown[]) => {
		if (writing) return original.write.apply(res, args);
		answerUnreadable();
		return true;
	};
	res.end = (...args: unknown[]) => {
		if (writing) return original.end.apply(res, args);
		answerUnreadable();
		return res;
	};
	res.setHeader = (...args: unknown[]) => (answered && !writing ? res : original.setHeader.apply(res, args));
	res.writeHead = (...args: unknown[]) => (writing ? original.writeHead.apply(res, args) : res);

	void deadline.then(
		() => answer('timeout'),
		() => answer('timeout'),
	);
}
