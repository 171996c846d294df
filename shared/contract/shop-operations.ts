/**
 * Online ordering through the relay's CouchDB (issue 16), part of the one
 * contract, spread into `contract` in operations.ts.
 */
import { z } from 'zod';
import { id } from '../model/fields';
import { shopSettingsInputSchema, type ShopSettingsView, type ShopSyncReport } from '../shop/settings';
import type { OutboxStatus } from '../model/outbox';
import { operation } from './define';

const none = z.strictObject({});

export const shopOperations = {
  /** The CouchDB address and account as this machine keeps them; never the password. */
  'shop.settings': operation<ShopSettingsView>()(none, { mutates: false }),
  /** Kept on this machine only, out of the data folder; `mutates: false`, the relay's data is not touched. */
  'shop.saveSettings': operation<ShopSettingsView>()(shopSettingsInputSchema, { mutates: false }),
  'shop.forgetSettings': operation<ShopSettingsView>()(none, { mutates: false }),
  /** Members' orders in, their statuses back, the shop published. */
  'shop.sync': operation<ShopSyncReport>()(none, { mutates: true }),
  /** The member's personal ordering link, their access created on the server if needed. */
  'shop.memberLink': operation<{ link: string }>()(z.strictObject({ memberId: id }), { mutates: false }),
  /** The same link sent through the outbox, with the distribution open for ordering; its secret never in the relay's data. */
  'shop.mailMemberLink': operation<{ prepared: boolean; status: OutboxStatus; pickupDate: string }>()(z.strictObject({ memberId: id }), { mutates: true }),
  /** Links to print as QR codes on the bag slips: members of the distribution whose access this machine created. */
  'shop.slipLinks': operation<{ links: { memberId: string; link: string }[] }>()(z.strictObject({ distributionId: id }), { mutates: false }),
} as const;
