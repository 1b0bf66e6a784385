/**
 * The Crypto2B Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts). Payload members as
 * Crypto2B documents them (docs.crypto2b.com integration/callbacks, api/callbacks): `{"data": {…}}`, common members
 * plus Deposit, Withdrawal and Service specifics. Amounts are JSON numbers, kept as their literal text where JavaScript
 * would change them (`1000.50`).
 */
import {
	list,
	nullable,
	nullableText,
	numberOrLiteral,
	object,
	text,
	triggerOutput,
	type PropertiesOf,
} from '../shared/outputSchema';
import { CRYPTO2B_EVENTS, CRYPTO2B_STATES, type Crypto2bFee } from './payload';

const fee: PropertiesOf<Crypto2bFee> = {
	type: { type: ['string', 'null'], description: 'Commercial or Technical' },
	amount: { type: ['string', 'null'], description: 'Fee amount as a decimal string, exactly as sent' },
	currency: { type: ['string', 'null'], description: 'Currency of the fee (currencyShortName)' },
	network: { type: ['string', 'null'], description: 'Network of the fee (transportProtocol)' },
};

const instrument = object('Currency and network of the operation', {
	currencyShortName: text('Currency, e.g. USDT'),
	transportProtocol: text('Network, e.g. TRC20'),
});

export const crypto2bTriggerOutput = triggerOutput({
	provider: 'crypto2b',
	events: CRYPTO2B_EVENTS,
	statuses: Object.keys(CRYPTO2B_STATES),
	fields: {
		event: 'deposit, withdrawal or service (data.type)',
		id: 'data.id',
		orderId: 'clientDepositId (deposits) or paymentOrderId (withdrawals)',
		amount: 'data.transaction.amount',
		currency: 'data.instrument.currencyShortName',
		network: 'data.instrument.transportProtocol',
		txHash: 'data.transaction.hash',
		confirmations: 'data.transaction.confirmations',
		dedupeKey: 'type:id:status',
	},
	extra: {
		fees: list('The fees of the operation, amounts as decimal strings', {
			type: 'object',
			properties: fee,
			required: Object.keys(fee),
			additionalProperties: false,
		}),
	},
	payload: {
		description: 'The callback Crypto2B sent, parsed and unchanged',
		properties: {
			data: object('The operation', {
				type: text('Deposit, Withdrawal or Service'),
				id: numberOrLiteral('Id of the operation'),
				status: text('Status of the operation'),
				date: text('When the status was set (ISO 8601)'),
				error: nullableText('Error text, or null'),
				instrument,
				transaction: object('The blockchain transaction', {
					approach: nullableText('How it was transferred, e.g. Blockchain (not for Service)'),
					hash: nullableText('Transaction hash'),
					amount: numberOrLiteral('Amount of the transaction'),
					confirmations: numberOrLiteral('Confirmations'),
					amlRiskGrade: nullableText('AML risk grade (not for Service)'),
				}),
				fees: list(
					'Fees of the operation',
					object('A fee', {
						type: text('Commercial or Technical'),
						currencyShortName: text('Currency of the fee'),
						transportProtocol: text('Network of the fee'),
						amount: numberOrLiteral('Fee amount'),
					}),
				),
				clientDepositId: nullableText('Deposits: your id of the deposit'),
				address: nullable(
					object('Deposits and withdrawals: the address', {
						address: text('The address'),
						tag: nullableText('Memo / tag, where the network has one'),
						foreignId: nullableText('Deposits: your id for the address'),
						senderAddress: nullableText("Deposits: the sender's address"),
					}),
				),
				paymentOrderId: nullableText('Withdrawals: your payment order id'),
				foreignId: nullableText('Withdrawals: your id'),
				soType: nullableText('Service: kind of service operation, e.g. Collection'),
				sender: nullableText('Service: sending address'),
				recipient: nullableText('Service: receiving address'),
				technicalFee: nullable(
					object('Service: the technical fee', {
						currencyShortName: text('Currency of the fee'),
						transportProtocol: text('Network of the fee'),
						amount: numberOrLiteral('Fee amount'),
					}),
				),
			}),
		},
	},
});
