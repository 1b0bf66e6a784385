/**
 * Invoice → Create: `POST /v1/payment/invoice` (https://docs.oxapay.com/api-reference/payment/generate-invoice).
 * Output: OxaPay's `data` — `track_id`, `payment_url` (send it to the payer), `expired_at`, `date` (UNIX seconds).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { amountField, collection, showFor } from '../../../shared/actionNode';
import { JsonDecimal, type ExactJson } from '../../../shared/exactJson';
import * as check from '../../../shared/params';
import { oxaPayRequest } from '../../transport';

const show = showFor('invoice', 'create');

/** Documented limits (generate-invoice): lifetime 15–2880 minutes, underpaid coverage 0–60 %. */
export const LIFETIME = { min: 15, max: 2880 } as const;
export const UNDER_PAID_COVERAGE_MAX = 60;

export const description: INodeProperties[] = [
	amountField('OxaPay', show, ' (in USD when Currency is empty)'),
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'USD',
		description: 'Currency of the amount: fiat such as USD or EUR, or a crypto symbol such as USDT. Empty: USD.',
		displayOptions: show,
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		placeholder: 'order-1042',
		description: 'Your reference for this invoice; the OxaPay Trigger outputs it as orderId',
		displayOptions: show,
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/webhook',
		description:
			"Where OxaPay sends this invoice's payment callbacks: paste the OxaPay Trigger's Production URL (OxaPay calls HTTPS URLs)",
		displayOptions: show,
	},
	collection(
		'additionalFields',
		[
			{
				displayName: 'Auto Withdrawal',
				name: 'autoWithdrawal',
				type: 'boolean',
				default: false,
				description:
					'Whether the payment goes straight to the address in your OxaPay Address List instead of your OxaPay balance',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Order details for your OxaPay reports',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: "The payer's email address, for your OxaPay reports",
			},
			{
				displayName: 'Fee Paid By',
				name: 'feePaidByPayer',
				type: 'options',
				options: [
					{ name: 'Merchant Setting', value: '' },
					{ name: 'Payer', value: '1' },
					{ name: 'Merchant', value: '0' },
				],
				default: '',
				description: "Who pays OxaPay's fee for this invoice; Merchant Setting leaves it to your merchant's default",
			},
			{
				displayName: 'Lifetime (Minutes)',
				name: 'lifetime',
				type: 'number',
				typeOptions: { minValue: LIFETIME.min, maxValue: LIFETIME.max },
				default: 60,
				description: `How long the invoice can be paid, in minutes (${LIFETIME.min}–${LIFETIME.max}; OxaPay's default 60)`,
			},
			{
				displayName: 'Mixed Payment',
				name: 'mixedPayment',
				type: 'boolean',
				default: false,
				description: 'Whether the payer may pay the rest in another coin after paying too little',
			},
			{
				displayName: 'Return URL',
				name: 'returnUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/thanks',
				description: 'Page the payer is sent to after paying',
			},
			{
				displayName: 'Sandbox',
				name: 'sandbox',
				type: 'boolean',
				default: false,
				description: 'Whether to create a test invoice that OxaPay settles without real funds',
			},
			{
				displayName: 'Thanks Message',
				name: 'thanksMessage',
				type: 'string',
				default: '',
				description: 'Short note shown to the payer after paying',
			},
			{
				displayName: 'To Currency',
				name: 'toCurrency',
				type: 'string',
				default: '',
				placeholder: 'USDT',
				description: 'Convert the paid coins to this currency (OxaPay converts to USDT only)',
			},
			{
				displayName: 'Under Paid Coverage (%)',
				name: 'underPaidCoverage',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: UNDER_PAID_COVERAGE_MAX, numberPrecision: 2 },
				default: 0,
				description: `Underpayment still accepted as paid, in percent (0–${UNDER_PAID_COVERAGE_MAX}). Not set: your merchant's default.`,
			},
		],
		show,
	),
];

interface AdditionalFields {
	autoWithdrawal?: boolean;
	description?: string;
	email?: string;
	feePaidByPayer?: string;
	lifetime?: number;
	mixedPayment?: boolean;
	returnUrl?: string;
	sandbox?: boolean;
	thanksMessage?: string;
	toCurrency?: string;
	underPaidCoverage?: number;
}

const CURRENCY = /^[A-Za-z0-9]{2,12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function currency(field: string, value: string): string {
	if (!CURRENCY.test(value)) check.fail(field, 'must be a currency symbol such as USD or USDT');
	return value;
}

/** A number from a number field, written as the JS number prints (what the field holds). */
const decimal = (field: string, value: unknown, min: number, max: number) =>
	new JsonDecimal(String(check.decimal(field, value, min, max)));

/** The request body, checked with OxaPay's documented limits; optional fields only when set. */
export function buildInvoiceBody(amount: unknown, currencyValue: unknown, orderId: unknown, callbackUrl: unknown, extra: AdditionalFields): Record<string, ExactJson | undefined> {
	const optional = (value: unknown, validate: (v: string) => string = (v) => v) => {
		const v = check.text(value);
		return v === '' ? undefined : validate(v);
	};
	const flag = (value: boolean | undefined) => (value === undefined ? undefined : value === true);
	const fee = optional(extra.feePaidByPayer, (v) => check.oneOf('Fee Paid By', v, ['0', '1']));
	return {
		amount: new JsonDecimal(check.amount('Amount', check.required('Amount', amount))),
		currency: optional(currencyValue, (v) => currency('Currency', v)),
		lifetime: extra.lifetime === undefined ? undefined : check.integer('Lifetime (Minutes)', extra.lifetime, LIFETIME.min, LIFETIME.max),
		fee_paid_by_payer: fee === undefined ? undefined : Number(fee),
		under_paid_coverage:
			extra.underPaidCoverage === undefined ? undefined : decimal('Under Paid Coverage (%)', extra.underPaidCoverage, 0, UNDER_PAID_COVERAGE_MAX),
		to_currency: optional(extra.toCurrency, (v) => currency('To Currency', v)),
		auto_withdrawal: flag(extra.autoWithdrawal),
		mixed_payment: flag(extra.mixedPayment),
		callback_url: optional(callbackUrl, (v) => check.url('Callback URL', v, 10, 2048)),
		return_url: optional(extra.returnUrl, (v) => check.url('Return URL', v, 10, 2048)),
		email: optional(extra.email, (v) => (EMAIL.test(v) ? v : check.fail('Email', 'must be an email address such as name@example.com'))),
		order_id: optional(orderId, (v) => check.maxLength('Order ID', v, 255)),
		thanks_message: optional(extra.thanksMessage, (v) => check.maxLength('Thanks Message', v, 1000)),
		description: optional(extra.description, (v) => check.maxLength('Description', v, 1000)),
		sandbox: flag(extra.sandbox),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = buildInvoiceBody(
		this.getNodeParameter('amount', itemIndex),
		this.getNodeParameter('currency', itemIndex, ''),
		this.getNodeParameter('orderId', itemIndex, ''),
		this.getNodeParameter('callbackUrl', itemIndex, ''),
		this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields,
	);
	return [await oxaPayRequest.call(this, 'POST', '/payment/invoice', body, itemIndex)];
}
