/**
 * The producer form works on text, as typed; this module turns it into the
 * contract's fields and back. Only what cannot be sent at all (a distance that
 * is not a number) is refused here — everything else is the server's to judge.
 */
import type { FieldIssue } from '../../../shared/contract/errors';
import { parseDecimal } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/model/fields';
import type { Producer, ProducerFields } from '../../../shared/model/producer';
import { formatDecimal } from '../i18n/format-number';

export const PRODUCER_FIELDS = [
  'name',
  'businessName',
  'contactName',
  'email',
  'phone',
  'address',
  'distanceKm',
  'notes',
  'networkId',
] as const satisfies readonly (keyof ProducerFields)[];

export type ProducerFieldName = (typeof PRODUCER_FIELDS)[number];
export type ProducerText = Record<ProducerFieldName, string>;

export function producerText(language: Language, producer?: Producer): ProducerText {
  return {
    name: producer?.name ?? '',
    businessName: producer?.businessName ?? '',
    contactName: producer?.contactName ?? '',
    email: producer?.email ?? '',
    phone: producer?.phone ?? '',
    address: producer?.address ?? '',
    distanceKm: producer?.distanceKm == null ? '' : formatDecimal(language, producer.distanceKm),
    notes: producer?.notes ?? '',
    networkId: producer?.networkId ?? '',
  };
}

export type ReadDraft = { ok: true; fields: ProducerFields } | { ok: false; issues: FieldIssue[] };

export function readProducerText(text: ProducerText): ReadDraft {
  const { distanceKm: distanceText, ...rest } = text;
  // "12,5" and "12.5" both mean twelve and a half; empty means "unknown".
  const distanceKm = distanceText.trim() === '' ? null : parseDecimal(distanceText);
  if (distanceKm === null && distanceText.trim() !== '') {
    return { ok: false, issues: [{ path: 'distanceKm', key: 'validation.number' }] };
  }
  return { ok: true, fields: { ...rest, distanceKm } };
}

/** An edit sends only what changed, so the duplicate-name check runs only when the name did. */
export function changedFields(original: Producer, fields: ProducerFields): Partial<ProducerFields> {
  const changes: Partial<Record<ProducerFieldName, unknown>> = {};
  for (const name of PRODUCER_FIELDS) {
    // A producer saved before networks has no network id: the same as an empty one, not a change.
    if (fields[name] !== (name === 'networkId' ? (original.networkId ?? '') : original[name])) changes[name] = fields[name];
  }
  return changes as Partial<ProducerFields>;
}
