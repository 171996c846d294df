import { z } from 'zod';
import { DEFAULT_ORDERING_WINDOW } from '../distributions/schedule';
import { DEFAULT_CATEGORIES } from './product';
import { basisPoints, currency, instant, language, localTime, requiredText, text } from './fields';
import { fold } from '../text/normalise';

/** Countries whose VAT rates are built in (catalogue issue); the relay's country picks the choices. */
export const country = z.enum(['BE', 'FR']);
export type Country = z.infer<typeof country>;

export { CURRENCIES } from './fields';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * When a member's account is debited for an order (issue 7): as the bag is
 * handed over, or for every order at once when the day is closed (the till
 * closing), whether collected or not.
 */
export const DEBIT_MOMENTS = ['collection', 'close'] as const;
export const debitMoment = z.enum(DEBIT_MOMENTS);
export type DebitMoment = z.infer<typeof debitMoment>;

export const relaySettingsSchema = z.strictObject({
  name: requiredText(120),
  address: text(400),
  country,
  currency,
  language,
  hostCommissionBp: basisPoints,
  serviceFeeBp: basisPoints,
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, { message: 'validation.timeZone' }),
  /** The product categories offered in the catalogue, editable by the organiser. */
  categories: z
    .array(requiredText(60))
    .min(1, { message: 'validation.required' })
    .max(60)
    .refine((names) => new Set(names.map(fold)).size === names.length, { message: 'validation.duplicateCategory' }),
  /** When ordering opens and closes, relative to the pickup day: the default for new distributions. */
  orderingWindow: z.strictObject({
    opensDaysBefore: z.number().int({ message: 'validation.integer' }).min(0).max(60),
    opensAt: localTime,
    closesDaysBefore: z.number().int({ message: 'validation.integer' }).min(0).max(60),
    closesAt: localTime,
  }),
  /** The usual pickup: weekday (0 = Sunday) and time window, proposed when planning. */
  defaultPickup: z.strictObject({
    weekday: z.number().int().min(0).max(6),
    start: localTime,
    end: localTime,
  }),
  debitOrdersOn: debitMoment,
  /** VAT the relay charges on its commission and service fee, on producers' statements (issue 15); 0 = none charged. */
  feeVatBp: basisPoints,
  /** Members are reminded by e-mail this many hours before ordering closes, once (issue 15); 0 = no reminder. */
  reminderHours: z.number({ message: 'validation.number' }).int({ message: 'validation.integer' }).min(0, { message: 'validation.notNegative' }).max(168, { message: 'validation.max' }),
  /**
   * The organiser's copy that sends the outbox's e-mails (issue 15), and since when: each copy prepares the
   * messages itself, so two copies with a mail server would both send them. Synced with the relay; null until
   * a copy with a mail server takes it (electron/outbox/sending-copy.ts).
   */
  mailSender: z.strictObject({ device: z.string().min(1).max(100), since: instant }).nullable(),
  /**
   * The relay's shop database on its CouchDB (issue 16), named by the first organiser's copy given the server.
   * Synced with the relay, so a second organiser laptop publishes to the same shop and agrees on the same link
   * key (electron/shop/link-key.ts) instead of opening a shop of its own. Null until then (electron/shop/shop-name.ts).
   */
  shopDatabase: z.string().regex(/^cabas-shop(-[0-9a-f]{16})?$/, { message: 'validation.invalid' }).nullable(),
});
export type RelaySettings = z.infer<typeof relaySettingsSchema>;

export const DEFAULT_RELAY_SETTINGS: RelaySettings = {
  name: 'Mon relais',
  address: '',
  country: 'BE',
  currency: 'EUR',
  language: 'fr',
  // La Ruche qui dit oui's split of each sale: 8.35 % to the host, 11.65 % to the platform.
  hostCommissionBp: 835,
  serviceFeeBp: 1165,
  timeZone: 'Europe/Brussels',
  categories: [...DEFAULT_CATEGORIES],
  orderingWindow: DEFAULT_ORDERING_WINDOW,
  defaultPickup: { weekday: 5, start: '17:00', end: '19:00' },
  debitOrdersOn: 'collection',
  feeVatBp: 0,
  reminderHours: 0,
  mailSender: null,
  shopDatabase: null,
};

/** What Réglages may change; the sending copy and the shop's name are set by their own operations, never typed in. */
export const relaySettingsPatchSchema = relaySettingsSchema.omit({ mailSender: true, shopDatabase: true }).partial();
export type RelaySettingsPatch = z.infer<typeof relaySettingsPatchSchema>;
