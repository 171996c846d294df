/**
 * Field schemas shared by every model. Custom issue messages are i18n keys
 * (see shared/contract/validation-issues.ts), so a refusal reads well in both languages.
 */
import { z } from 'zod';
import { isLocalDate, LOCAL_TIME } from '../distributions/calendar';

export const id = z.uuid({ message: 'validation.id' });

/** Trimmed free text with an upper bound, so a pasted novel cannot bloat a file. */
export const text = (max: number) => z.string().trim().max(max);

export const requiredText = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max);

// Deliberately simple: a full RFC 5322 check refuses addresses people really use.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const optionalEmail = z
  .string()
  .trim()
  .max(254)
  .refine((value) => value === '' || EMAIL.test(value), { message: 'validation.email' });

const PHONE = /^[0-9+()./\s-]*$/;
export const optionalPhone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => PHONE.test(value), { message: 'validation.phone' });

/** ISO-8601 instant as written by `new Date().toISOString()`. */
export const instant = z.iso.datetime({ message: 'validation.instant' });

export const language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof language>;

/** A calendar day of the relay ("2026-03-27") and a wall-clock time ("17:00"). */
export const localDate = z.string().refine(isLocalDate, { message: 'validation.date' });
export const localTime = z.string().regex(LOCAL_TIME, { message: 'validation.time' });

/** Rates are basis points (835 = 8.35 %): integers, so fee maths never meets floating point. */
export const basisPoints = z.number().int({ message: 'validation.integer' }).min(0).max(10_000);

export const CURRENCIES = ['EUR', 'CHF', 'GBP'] as const;
export const currency = z.enum(CURRENCIES);
