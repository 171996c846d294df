/**
 * The one stream every change goes through: persistence, undo and sync all
 * read it. A change names an entity and the fields it sets (per-field, so a
 * merge can keep the latest writer of each field).
 */
export const ENTITY_KINDS = ['relay', 'producer', 'product', 'member', 'distribution', 'offer', 'order', 'slot', 'accountEntry', 'tillClosing', 'invoice', 'standingOrder', 'standingPlacement', 'outboxMessage'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface ChangeRecord {
  /** Hybrid logical clock timestamp (shared/sync/hlc.ts); unique and ordered across devices. */
  at: string;
  device: string;
  entity: EntityKind;
  entityId: string;
  /** The fields set by this change, with their new values. */
  fields: Record<string, unknown>;
  /** The record was taken out (only records without history, e.g. an empty pickup slot); `fields` is then empty. */
  removed?: true;
}
