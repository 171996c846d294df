/**
 * Producers and members as a spreadsheet (issue 12), with column titles the
 * producers and members imports read (PRODUCER_IMPORT_COLUMNS,
 * MEMBER_IMPORT_COLUMNS), so export → edit → import updates, and export →
 * import changes nothing. Archived records are left out: the file is the
 * current list, and importing it must not bring anyone back.
 */
import type { Member } from '../model/member';
import type { Producer } from '../model/producer';
import { compareText } from '../text/normalise';

export const PRODUCERS_HEADER = ['nom', 'ferme', 'contact', 'email', 'téléphone', 'adresse', 'distance', 'remarques'];
export const MEMBERS_HEADER = ['nom', 'email', 'téléphone', 'heure de retrait', 'remarques'];

const decimal = (value: number) => String(value).replace('.', ',');
const byName = <T extends { name: string }>(records: readonly T[]) => [...records].sort((a, b) => compareText(a.name, b.name));

export function producerRows(producers: readonly Producer[]): string[][] {
  const active = byName(producers.filter((producer) => producer.archivedAt === null));
  return [
    PRODUCERS_HEADER,
    ...active.map((producer) => [
      producer.name, producer.businessName, producer.contactName, producer.email, producer.phone, producer.address,
      producer.distanceKm === null ? '' : decimal(producer.distanceKm), producer.notes,
    ]),
  ];
}

export function memberRows(members: readonly Member[]): string[][] {
  const active = byName(members.filter((member) => member.archivedAt === null));
  return [MEMBERS_HEADER, ...active.map((member) => [member.name, member.email, member.phone, member.preferredPickupTime ?? '', member.notes])];
}
