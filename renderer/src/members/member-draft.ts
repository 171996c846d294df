/**
 * The member form works on text, as typed; this module turns it into the
 * contract's fields and back. Everything is the server's to judge: an empty
 * time means "no preference".
 */
import type { Member, MemberFields } from '../../../shared/model/member';

export const MEMBER_FIELDS = ['name', 'email', 'phone', 'preferredPickupTime', 'notes'] as const satisfies readonly (keyof MemberFields)[];

export type MemberFieldName = (typeof MEMBER_FIELDS)[number];
export type MemberText = Record<MemberFieldName, string>;

export function memberText(member?: Member): MemberText {
  return {
    name: member?.name ?? '',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
    preferredPickupTime: member?.preferredPickupTime ?? '',
    notes: member?.notes ?? '',
  };
}

export function readMemberText(text: MemberText): MemberFields {
  return { ...text, preferredPickupTime: text.preferredPickupTime === '' ? null : text.preferredPickupTime };
}

/** An edit sends only what changed. */
export function changedFields(original: Member, fields: MemberFields): Partial<MemberFields> {
  return Object.fromEntries(MEMBER_FIELDS.filter((name) => fields[name] !== original[name]).map((name) => [name, fields[name]])) as Partial<MemberFields>;
}
