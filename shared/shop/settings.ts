/**
 * Online ordering's settings (issue 16) as the contract carries them. The
 * password goes in, never out: the screen learns only that one is kept.
 */
import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, { message: 'validation.httpUrl' });

export const shopSettingsInputSchema = z.strictObject({
  /** The CouchDB server, e.g. https://commandes.relais.example (no account in it). */
  url: httpUrl,
  username: z.string().trim().min(1, { message: 'validation.required' }).max(200),
  password: z.string().min(1, { message: 'validation.required' }).max(500),
  /** Where the member page is served; the members' links point there. */
  pageUrl: httpUrl,
});
export type ShopSettingsInput = z.infer<typeof shopSettingsInputSchema>;

export interface ShopSettingsView {
  configured: boolean;
  url: string;
  /** This relay's shop database on the server (one per relay: several relays may share a CouchDB). */
  database: string;
  username: string;
  pageUrl: string;
}

export interface ShopSyncReport {
  /** Distributions shown in the shop after the sync. */
  published: number;
  /** Members' submissions taken in (new orders, changes, cancellations). */
  ordersTakenIn: number;
  linesRefused: number;
  at: string;
}
