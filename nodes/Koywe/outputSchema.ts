/**
 * The Koywe triggers' items, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as Koywe
 * documents them (koyweforest/gitbook documentacion/webhooks.md): Ramp API events `{eventName, orderId, timeStamp,
 * signature}`, Payments API events `{id, type, data: {orderId, …}}` (only these members are documented).
 */
import { closedItem, object, text, triggerOutput, type NodeOutput } from '../shared/outputSchema';
import { BODY_EVENT_STATES, HEADER_EVENT_STATES } from './payload';

export const koyweTriggerOutput = triggerOutput({
	provider: 'koywe',
	statuses: [...Object.keys(BODY_EVENT_STATES), ...Object.keys(HEADER_EVENT_STATES)],
	fields: {
		event: 'eventName (Ramp API, e.g. payment_received) or type (Payments API, e.g. order.paid, contact.created)',
		status: 'the same as event',
		id: 'orderId (Ramp API) or the event id (Payments API)',
		orderId: 'orderId (Ramp API) or data.orderId (Payments API)',
		amount: 'Koywe events carry none (look the order up by orderId)',
		currency: 'Koywe events carry none',
		network: 'Koywe events carry none',
		txHash: 'Koywe events carry none',
		confirmations: 'Koywe events carry none',
		dedupeKey: 'orderId:event (Payments API events without an order: id:event)',
	},
	payload: {
		description: 'The event Koywe sent, parsed and unchanged',
		properties: {
			eventName: text('Ramp API: the event, e.g. payment_received, crypto_delivered'),
			orderId: text('Ramp API: the order'),
			timeStamp: text('Ramp API: when the event happened (ISO 8601)'),
			signature: text('Ramp API: the signature the trigger verified'),
			id: text('Payments API: id of the event'),
			type: text('Payments API: type of the event, e.g. order.paid'),
			data: object('Payments API: the event data', { orderId: text('The order') }),
		},
	},
});

/** Koywe User Validation: the workflow starts with the email Koywe asks about, nothing else. */
export const koyweUserValidationOutput: NodeOutput = {
	item: closedItem('The call Koywe made: may this user operate?', {
		email: text('The email of the user Koywe asks about; answer true or false in the Decision Field'),
	}),
};
