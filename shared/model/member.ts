import { z } from 'zod';
import { id, instant, localTime, optionalEmail, optionalPhone, requiredText, text } from './fields';

const memberFields = z.strictObject({
  name: requiredText(120),
  email: optionalEmail,
  phone: optionalPhone,
  notes: text(2000),
  /** The pickup time the member usually prefers; slot assignment starts from it. */
  preferredPickupTime: localTime.nullable(),
});
export type MemberFields = z.infer<typeof memberFields>;

const EMPTY_MEMBER: Omit<MemberFields, 'name'> = { email: '', phone: '', notes: '', preferredPickupTime: null };

export const memberDraftSchema = memberFields
  .partial()
  .required({ name: true })
  .transform((draft): MemberFields => ({ ...EMPTY_MEMBER, ...draft }));
export type MemberDraftInput = z.input<typeof memberDraftSchema>;

export const memberPatchSchema = z.strictObject({ id, changes: memberFields.partial() });

export const memberSchema = memberFields.extend({
  id,
  /** Members are archived, never deleted: their orders stay readable. */
  archivedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Member = z.infer<typeof memberSchema>;
