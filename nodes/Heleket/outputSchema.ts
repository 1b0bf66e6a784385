/**
 * The Heleket Trigger's item, for the editor's schema preview (nodes/shared/outputSchema.ts): the Cryptomus scheme's
 * item (../Cryptomus/outputSchema.ts) with Heleket's data — provider `heleket`, Heleket's status tables
 * (./payload.ts), its name in the texts. doc.heleket.com methods/payments/webhook and methods/payouts/webhook list the
 * same members as Cryptomus (docs/providers/heleket.md).
 */
import { cryptomusSchemeOutput } from '../Cryptomus/outputSchema';
import { HELEKET_STATUSES } from './payload';

export const heleketTriggerOutput = cryptomusSchemeOutput(HELEKET_STATUSES, 'Heleket');
