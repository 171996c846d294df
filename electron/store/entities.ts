/**
 * Which entity lives in which file. One change rewrites one small file, so its
 * cost does not grow with years of history: settings apart, the catalogue
 * apart, and one file per distribution holding its offers, orders and
 * pickup slots.
 */
import { z } from 'zod';
import type { EntityKind } from '../../shared/model/change';
import { DISTRIBUTION_DEFAULTS, distributionSchema, offerSchema } from '../../shared/model/distribution';
import { producerSchema } from '../../shared/model/producer';
import { PRODUCT_DEFAULTS, productSchema } from '../../shared/model/product';
import { memberSchema } from '../../shared/model/member';
import { ORDER_DEFAULTS, ORDER_LINE_DEFAULTS, orderSchema } from '../../shared/model/order';
import { pickupSlotSchema } from '../../shared/model/slot';
import { DEFAULT_RELAY_SETTINGS, relaySettingsSchema } from '../../shared/model/relay';
import { accountEntrySchema } from '../../shared/accounts/ledger';
import { tillClosingSchema } from '../../shared/model/till';
import { invoiceSchema } from '../../shared/model/invoice';
import { STANDING_ORDER_DEFAULTS, standingOrderSchema, standingPlacementSchema } from '../../shared/model/standing-order';
import { outboxMessageSchema } from '../../shared/model/outbox';

export const RELAY_ID = 'relay';

/** A distribution and everything sold in it (offers, orders, pickup slots) share one file. */
export function distributionFile(distributionId: string): string {
  return `distributions/${distributionId}.json`;
}

/**
 * Members' account entries (issue 7), one file per month of the entry's
 * instant (UTC): entries are only ever added, so a payment rewrites this
 * month's small file, never years of history.
 */
export function accountsFile(at: string): string {
  return `accounts/${at.slice(0, 7)}.json`;
}

/**
 * Issued invoices and credit notes (issue 15), one file per numbering year: the year's
 * sequence is read and extended in one small file, and a new year starts a new one.
 */
export function invoicesFile(year: number): string {
  return `invoices/${year}.json`;
}

/**
 * The outbox of one distribution (issue 15): its messages are prepared together
 * when ordering closes, and sending one rewrites this small file only.
 */
export function outboxFile(distributionId: string): string {
  return `outbox/${distributionId}.json`;
}

/**
 * Settings added after the first format (categories, ordering window, usual
 * pickup) take their defaults when a relay file predates them; they are
 * written out at the next save.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A stored record with the defaults of the fields it lacks. A record this version wrote has them all
 * and is handed back as it is: copying every order of a snapshot cost three times its validation
 * (issue 11). One that lacks some is copied, then filled: spreading the record over its defaults
 * (`{ ...defaults, ...stored }`) overwrites keys, which leaves V8 a slow dictionary object, and
 * validating it cost several times as much (an order of seven lines: ~280 µs instead of ~40 µs).
 */
function withDefaults(stored: Record<string, unknown>, defaults: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const keys = Object.keys(defaults);
  if (keys.every((key) => key in stored)) return stored;
  const filled = { ...stored };
  for (const key of keys) if (!(key in filled)) filled[key] = defaults[key];
  return filled;
}

export const relayRecordSchema = z.preprocess(
  (stored) => (isRecord(stored) ? withDefaults(stored, DEFAULT_RELAY_SETTINGS) : stored),
  relaySettingsSchema.extend({ id: z.literal(RELAY_ID) }),
);

/**
 * Orders written before pickup slots and check-in (issue 5) load with no slot,
 * not collected, and no line missing. The defaults are filled here, on the
 * stored record, and not with `.default()` in the schema: zod 4 applies
 * defaults inside `.partial()`, so a patch derived from it would reset them.
 */
export const orderRecordSchema = z.preprocess(
  (stored) => (isRecord(stored) ? withDefaults(linesWithDefaults(stored), ORDER_DEFAULTS) : stored),
  orderSchema,
);

/** The order with its lines' defaults, the same object when no line lacked any (never the stored one changed). */
function linesWithDefaults(order: Record<string, unknown>): Record<string, unknown> {
  const { lines } = order;
  if (!Array.isArray(lines)) return order;
  const filled = lines.map((line: unknown) => (isRecord(line) ? withDefaults(line, ORDER_LINE_DEFAULTS) : line));
  return filled.every((line, index) => line === lines[index]) ? order : { ...order, lines: filled };
}

/**
 * A distribution from a copy that predates frozen rates (issue 15) arrives by sync
 * without them: it loads as not frozen, and is frozen by the same rule as any
 * other once its ordering has closed (services/frozen-rates.ts).
 */
export const distributionRecordSchema = z.preprocess(
  (stored) => (isRecord(stored) ? withDefaults(stored, DISTRIBUTION_DEFAULTS) : stored),
  distributionSchema,
);

/** A product from a copy that predates weight pricing (issue 15) arrives by sync without it: it is sold by the unit. */
export const productRecordSchema = z.preprocess((stored) => (isRecord(stored) ? withDefaults(stored, PRODUCT_DEFAULTS) : stored), productSchema);

/** A standing order from before the series picker (or a copy that predates it) repeats at every distribution, until stopped. */
export const standingOrderRecordSchema = z.preprocess((stored) => (isRecord(stored) ? withDefaults(stored, STANDING_ORDER_DEFAULTS) : stored), standingOrderSchema);

export const entities = {
  relay: { schema: relayRecordSchema, fileOf: () => 'relay.json' },
  producer: { schema: producerSchema, fileOf: () => 'producers.json' },
  product: { schema: productRecordSchema, fileOf: () => 'products.json' },
  member: { schema: memberSchema, fileOf: () => 'members.json' },
  distribution: { schema: distributionRecordSchema, fileOf: (record: { id: string }) => distributionFile(record.id) },
  offer: { schema: offerSchema, fileOf: (record: { distributionId: string }) => distributionFile(record.distributionId) },
  order: { schema: orderRecordSchema, fileOf: (record: { distributionId: string }) => distributionFile(record.distributionId) },
  slot: { schema: pickupSlotSchema, fileOf: (record: { distributionId: string }) => distributionFile(record.distributionId) },
  accountEntry: { schema: accountEntrySchema, fileOf: (record: { at: string }) => accountsFile(record.at) },
  tillClosing: { schema: tillClosingSchema, fileOf: (record: { distributionId: string }) => distributionFile(record.distributionId) },
  invoice: { schema: invoiceSchema, fileOf: (record: { year: number }) => invoicesFile(record.year) },
  // Issue 12: a new file, absent from older folders, so no format change; placements live with the distribution they were placed in.
  standingOrder: { schema: standingOrderRecordSchema, fileOf: () => 'standing-orders.json' },
  standingPlacement: { schema: standingPlacementSchema, fileOf: (record: { distributionId: string }) => distributionFile(record.distributionId) },
  // Issue 15: a new folder, absent from older data folders, so no format change.
  outboxMessage: { schema: outboxMessageSchema, fileOf: (record: { distributionId: string }) => outboxFile(record.distributionId) },
} as const satisfies Record<EntityKind, { schema: z.ZodType<{ id: string }>; fileOf: (record: never) => string }>;

export type EntityOf<K extends EntityKind> = z.infer<(typeof entities)[K]['schema']>;
export const entityKinds = Object.keys(entities) as EntityKind[];

export function fileOf<K extends EntityKind>(kind: K, record: EntityOf<K>): string {
  return (entities[kind].fileOf as (record: EntityOf<K>) => string)(record);
}
