import { z } from 'zod';
import { language, requiredText, text } from './fields';

/** Countries whose VAT rates are built in (catalogue issue); the relay's country picks the choices. */
export const country = z.enum(['BE', 'FR']);
export type Country = z.infer<typeof country>;

export const CURRENCIES = ['EUR', 'CHF', 'GBP'] as const;

/** Rates are basis points (835 = 8.35 %): integers, so fee maths never meets floating point. */
const basisPoints = z.number().int({ message: 'validation.integer' }).min(0).max(10_000);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const relaySettingsSchema = z.strictObject({
  name: requiredText(120),
  address: text(400),
  country,
  currency: z.enum(CURRENCIES),
  language,
  hostCommissionBp: basisPoints,
  serviceFeeBp: basisPoints,
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, { message: 'validation.timeZone' }),
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
};

export const relaySettingsPatchSchema = relaySettingsSchema.partial();
export type RelaySettingsPatch = z.infer<typeof relaySettingsPatchSchema>;
