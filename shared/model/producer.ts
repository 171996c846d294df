import { z } from 'zod';
import { id, instant, optionalEmail, optionalPhone, requiredText, text } from './fields';

const producerFields = z.strictObject({
  name: requiredText(120),
  businessName: text(160),
  contactName: text(120),
  email: optionalEmail,
  phone: optionalPhone,
  address: text(400),
  /** Distance to the relay, for the "local" promise and delivery planning; null when unknown. */
  distanceKm: z
    .number({ message: 'validation.number' })
    .min(0, { message: 'validation.notNegative' })
    .max(20_000, { message: 'validation.tooBig' })
    .nullable(),
  notes: text(4000),
});
export type ProducerFields = z.infer<typeof producerFields>;

const EMPTY_PRODUCER: Omit<ProducerFields, 'name'> = {
  businessName: '',
  contactName: '',
  email: '',
  phone: '',
  address: '',
  distanceKm: null,
  notes: '',
};

/** What the organiser types to create a producer: only the name is required. */
export const producerDraftSchema = producerFields
  .partial()
  .required({ name: true })
  .transform((draft): ProducerFields => ({ ...EMPTY_PRODUCER, ...draft }));
export type ProducerDraftInput = z.input<typeof producerDraftSchema>;

/**
 * An edit names only the fields that change. Built without defaults on purpose:
 * zod applies `.default()` even inside `.partial()`, which would blank untouched fields.
 */
export const producerPatchSchema = z.strictObject({ id, changes: producerFields.partial() });

export const producerSchema = producerFields.extend({
  id,
  /** Producers are archived, never deleted: their history stays readable. */
  archivedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Producer = z.infer<typeof producerSchema>;

export const archivedFilterSchema = z.enum(['active', 'archived', 'all']);
export type ArchivedFilter = z.infer<typeof archivedFilterSchema>;
