/**
 * A producer's details as a spreadsheet row gives them, read the same way by
 * the producers import and the catalogue import (which names the producer of
 * each product and may carry its details). Only the cells that have something
 * are written, so a short file never blanks what the app knows.
 */
import type { ColumnAliases, RowContext } from '../csv/columns';
import { readDecimal } from '../csv/numbers';
import { optionalEmail, optionalPhone } from '../model/fields';
import type { ProducerFields } from '../model/producer';

export const PRODUCER_DETAIL_COLUMNS = {
  businessName: ['ferme', 'entreprise', 'farm', 'business', 'exploitation', 'raison sociale', 'societe'],
  contactName: ['contact', 'personne de contact', 'contact person', 'nom du contact', 'responsable'],
  email: ['email', 'e-mail', 'courriel', 'mail', 'adresse e-mail', 'adresse email', 'adresse mail'],
  phone: ['telephone', 'tel', 'phone', 'gsm', 'portable', 'mobile', 'numero de telephone', 'n de telephone'],
  address: ['adresse', 'address', 'adresse postale'],
  distanceKm: ['distance', 'distance km', 'km', 'distance au relais', 'kilometres'],
} as const satisfies ColumnAliases<string>;
export type ProducerDetailColumn = keyof typeof PRODUCER_DETAIL_COLUMNS;

/** A distance as the preview shows an interpreted one: "12,5 km". */
const kmText = (km: number) => `${String(km).replace('.', ',')} km`;

export function readProducerDetails<C extends string>(row: RowContext<C | ProducerDetailColumn>): Partial<ProducerFields> {
  const fields: Partial<ProducerFields> = {};
  for (const column of ['businessName', 'contactName', 'address'] as const) {
    const value = row.cell(column);
    if (value) fields[column] = value;
  }
  const email = row.cell('email');
  if (email) {
    if (optionalEmail.safeParse(email).success) fields.email = email;
    else row.issues.push({ column: 'email', key: 'validation.email' });
  }
  const phone = row.cell('phone');
  if (phone) {
    if (optionalPhone.safeParse(phone).success) fields.phone = phone;
    else row.issues.push({ column: 'phone', key: 'validation.phone' });
  }
  const distance = row.cell('distanceKm');
  if (distance) {
    const km = readDecimal(distance, { units: ['km'], typed: row.typed('distanceKm') });
    if (km === null || km.value < 0 || km.value > 20_000) row.issues.push({ column: 'distanceKm', key: 'import.badDistance', params: { distance } });
    else {
      fields.distanceKm = km.value;
      if (km.interpreted) row.interpreted('distanceKm', kmText(km.value));
    }
  }
  return fields;
}

/** Which column each producer field comes from, to put a model's refusal on the right column. */
export const PRODUCER_FIELD_COLUMNS = {
  businessName: 'businessName', contactName: 'contactName', email: 'email', phone: 'phone', address: 'address', distanceKm: 'distanceKm',
} as const;
