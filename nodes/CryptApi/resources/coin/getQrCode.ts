/**
 * Coin → Get QR Code: `GET /{ticker}/qrcode/?address=…[&value=…]&size=N` (docs.cryptapi.io/api/tickerqrcode).
 * CryptAPI answers a base64 PNG (`qr_code`) and the `payment_uri` it encodes; the node outputs the PNG as binary data
 * (ready for an email or chat attachment) and the rest as JSON.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { OutputItem, showFor } from '../../../shared/actionNode';
import * as check from '../../../shared/params';
import type { QueryPair } from '../../../shared/query';
import { cryptApiRequest } from '../../transport';
import { QR_SIZE } from '../../validate';
import { readTicker } from '../fields';

const show = showFor('coin', 'getQrCode');
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const description: INodeProperties[] = [
	{
		displayName: 'Payment Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: '14PqCsA7KMgseZMPwg6mJy754MtQkrgszu',
		description: 'The address the customer pays to: address_in from Address → Create',
		displayOptions: show,
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: '',
		placeholder: '0.0015',
		description:
			'Amount in the ticker\'s coin to put into the QR code, sent exactly as entered. Optional: some wallets ignore it, so show the amount as text too.',
		displayOptions: show,
	},
	{
		displayName: 'Size (Pixels)',
		name: 'size',
		type: 'number',
		typeOptions: { minValue: QR_SIZE.min, maxValue: QR_SIZE.max },
		default: 512,
		description: `Width and height of the image, ${QR_SIZE.min}–${QR_SIZE.max} pixels`,
		displayOptions: show,
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the PNG image in',
		displayOptions: show,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OutputItem[]> {
	const ticker = readTicker.call(this, itemIndex);
	const address = check.required('Payment Address', this.getNodeParameter('address', itemIndex));
	if (!/^[^\s@|]{10,200}$/.test(address)) check.fail('Payment Address', 'must be an address without spaces (address_in)');
	const amount = check.text(this.getNodeParameter('amount', itemIndex, ''));
	const size = check.integer('Size (Pixels)', this.getNodeParameter('size', itemIndex, 512), QR_SIZE.min, QR_SIZE.max);
	const field = check.text(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')) || 'data';
	const query: QueryPair[] = [['address', address]];
	if (amount !== '') query.push(['value', check.amount('Amount', amount)]);
	query.push(['size', String(size)]);

	const { qr_code: qrCode, ...answer } = await cryptApiRequest.call(this, ticker, 'qrcode', query, itemIndex);
	if (typeof qrCode !== 'string' || !BASE64.test(qrCode)) {
		throw new NodeOperationError(this.getNode(), 'CryptAPI answered without a QR code image', {
			description: 'The answer had no base64 qr_code field. Check the Base URL option.',
			itemIndex,
		});
	}
	const image = Buffer.from(qrCode, 'base64');
	const binary = await this.helpers.prepareBinaryData(image, `qrcode-${ticker.replace('/', '-')}.png`, 'image/png');
	return [new OutputItem(answer, { [field]: binary })];
}
