import { z } from 'zod';
import { id, instant, optionalEmail, optionalPhone, requiredText, text } from './fields';

/** A producer's network id (issue 16): the fingerprint of its own copy's key, 24 hex digits (electron/shop/network-documents.ts). */
export const NETWORK_ID_PATTERN = /^[0-9a-f]{24}$/;

/**
 * Typed by the organiser as the producer reads it out: spaces, dashes and capitals are let through; empty = not linked.
 * Optional, so records written before networks load unchanged.
 */
const networkId = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/[\s-]/g, '').toLowerCase() : value),
  z.string().refine((value) => value === '' || NETWORK_ID_PATTERN.test(value), { message: 'validation.networkId' }),
).optional();

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
  /** Links the producer to its own copy's publications on the relay's CouchDB (a network of relays, issue 16). */
  networkId,
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
