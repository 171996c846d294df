/**
 * The one contract: every operation the UI can ask of the main process, with
 * its input schema and result type. The IPC handlers, the preload bridge, the
 * browser host and the renderer client are all derived from this table.
 */
import { z } from 'zod';
import { memberDraftSchema, memberPatchSchema, type Member } from '../model/member';
import type { MemberImportPlan } from '../members/import-plan';
import type { Order } from '../model/order';
import type { ListedOrder, OrderView } from '../orders/views';
import type { SettlementView } from '../settlement/rates';
import { operation } from './define';
import { standingOperations } from './standing-operations';
import { shopOperations } from './shop-operations';
import { networkOperations } from './network-operations';
import { outboxOperations } from './outbox-operations';
import { syncSettingsPatchSchema, type SyncSettings } from '../sync/settings';
import type { SyncReport, SyncStatus } from '../sync/status';
import { CONFLICT_ACTIONS, type SyncConflict } from '../sync/conflicts';
import { id } from '../model/fields';
import { archivedFilterSchema, producerDraftSchema, producerPatchSchema, type Producer } from '../model/producer';
import { relaySettingsPatchSchema, type RelaySettings } from '../model/relay';
import type { AppStatus, BackupInfo, Warning } from './results';
import type { ImportPlan } from '../catalogue/import-plan';
import type { IntakePlan } from '../intake/plan';
import type { ProducerImportPlan } from '../producers/import-plan';
import type { DistributionView, OfferRow, StockGrid } from '../catalogue/views';
import { productDraftSchema, productPatchSchema, stockQuantity, priceCents, type Product } from '../model/product';
import { basisPoints, localDate, localTime, text } from '../model/fields';
import { MAX_SERIES_LENGTH } from '../distributions/schedule';
import { LOCAL_TIME } from '../distributions/calendar';
import { slotCapacity, slotFields } from '../model/slot';
import { MAX_SLOT_MINUTES, MIN_SLOT_MINUTES } from '../slots/generate';
import type { SlotView } from '../slots/views';
import type { CheckinDay } from '../checkin/day';
import { paymentMethod, type AccountEntry } from '../accounts/ledger';
import type { CounterAccount } from '../accounts/counter';
import type { AccountStatement, AccountSummary, CounterPayment, TillView } from '../accounts/views';
import { tillCents, type TillClosingRecord } from '../model/till';
import { MAX_WEIGHED_GRAMS } from '../orders/weight-input';
import { statementPeriodSchema, type Invoice } from '../model/invoice';
import type { InvoiceList, ProducerStatementView } from '../invoices/views';

const none = z.strictObject({});

/** Whole sale units; 10 000 caps a typo, not a real basket. */
const orderQuantity = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.wholeUnits' })
  .min(1, { message: 'validation.min' })
  .max(10_000, { message: 'validation.tooBig' });

/** A line's weighed weight in whole grams, as read from the scale's text by shared/orders/weight-input.ts. */
const weighedGrams = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.wholeGrams' })
  .min(1, { message: 'weight.zero' })
  .max(MAX_WEIGHED_GRAMS, { message: 'weight.tooHeavy' });

const localMoment = z.strictObject({ date: localDate, time: localTime });

/** A payment in integer cents: more than nothing, and 100 000 € caps a typo (issue 7). */
const paymentCents = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(1, { message: 'validation.amountPositive' })
  .max(10_000_000, { message: 'validation.tooBig' });
/** Money handed over at the counter: 0 records the pickup unpaid (a debt); 10 000 € caps a typo. */
const tenderedCents = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(0, { message: 'validation.notNegative' })
  .max(1_000_000, { message: 'validation.tooBig' });
const counterPayment = { method: paymentMethod, tenderedCents };

/** The pickup window must end after it starts (times compare as text: "09:00" < "17:30"). */
function pickupOrder(value: { pickupStart?: string; pickupEnd?: string; changes?: { pickupStart?: string; pickupEnd?: string } }, ctx: z.RefinementCtx): void {
  const { pickupStart, pickupEnd } = value.changes ?? value;
  // An unreadable time already has its own issue; comparing it would only add a wrong one.
  const readable = (time: string | undefined): time is string => time !== undefined && LOCAL_TIME.test(time);
  if (readable(pickupStart) && readable(pickupEnd) && pickupEnd <= pickupStart) {
    ctx.addIssue({ code: 'custom', path: value.changes ? ['changes', 'pickupEnd'] : ['pickupEnd'], message: 'validation.endBeforeStart' });
  }
}

/** A slot must end after it starts (when both are given; slots.update checks the merged slot too). */
function slotOrder(value: { start?: string; end?: string; changes?: { start?: string; end?: string } }, ctx: z.RefinementCtx): void {
  const { start, end } = value.changes ?? value;
  if (start !== undefined && end !== undefined && end <= start) {
    ctx.addIssue({ code: 'custom', path: value.changes ? ['changes', 'end'] : ['end'], message: 'validation.endBeforeStart' });
  }
}

/** Slot length in minutes: 15, 20, 30 as buttons, or any whole number in between. */
const slotMinutes = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(MIN_SLOT_MINUTES, { message: 'validation.min' })
  .max(MAX_SLOT_MINUTES, { message: 'validation.max' });

const distributionFields = z.strictObject({
  pickupDate: localDate,
  pickupStart: localTime,
  pickupEnd: localTime,
  opens: localMoment.optional(),
  closes: localMoment.optional(),
  notes: text(2000),
});
const distributionDraftSchema = distributionFields.extend({ notes: text(2000).default('') }).superRefine(pickupOrder);

const seriesDraftSchema = z
  .strictObject({
    from: localDate,
    weekday: z.number().int().min(0).max(6),
    weeks: z.number().int().min(1).max(MAX_SERIES_LENGTH).optional(),
    until: localDate.optional(),
    skip: z.array(localDate).max(MAX_SERIES_LENGTH).default([]),
    pickupStart: localTime,
    pickupEnd: localTime,
  })
  .superRefine(pickupOrder)
  .refine((plan) => (plan.weeks === undefined) !== (plan.until === undefined), {
    path: ['weeks'],
    message: 'validation.seriesLength',
  });

const offerEntry = z.strictObject({
  distributionId: id,
  productId: id,
  quantity: stockQuantity.nullable(),
  priceCents: priceCents.nullable().optional(),
  withdraw: z.boolean().optional(),
});

/**
 * A print view to render in a hidden window (Electron): which sheet, of which
 * record (a distribution; a member for the account statement; a producer for its monthly statement; an issued invoice), laid out how. The renderer shows the same view at `#/print/<view>/<id>[/<option>]`
 * (electron/print.ts, printHash): the catalogue's grouping, the pickup sheet's layout.
 */
export const PRINT_VIEWS = ['catalogue', 'pickup', 'delivery', 'summary', 'statement', 'producerStatement', 'invoice', 'receipt', 'producerAccess'] as const;
/** The pickup sheet: the sign-in sheet (one line per member), the list with each member's items, or one slip per bag. */
export const PICKUP_LAYOUTS = ['list', 'items', 'slips'] as const;
export const printJobSchema = z.strictObject({
  view: z.enum(PRINT_VIEWS),
  id,
  options: z
    .strictObject({
      groupBy: z.enum(['producer', 'category']).default('producer'),
      /** The pickup sheet's layout (PICKUP_LAYOUTS); the sign-in sheet when left out. */
      layout: z.enum(PICKUP_LAYOUTS).optional(),
      /** A producer's statement (issue 15): the month, YYYY-MM; its id is the producer's. A member's statement: only this month. */
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
      /** A producer's statement for one distribution instead of a month (issue 15). */
      distributionId: id.optional(),
    })
    .default({ groupBy: 'producer' }),
});
export type PrintJob = z.output<typeof printJobSchema>;

/**
 * A spreadsheet (CSV, .xlsx, .ods) sent as base64 bytes, so its kind and encoding are read from the
 * bytes in the main process. 8 000 000 base64 characters are 6 000 000 bytes (MAX_IMPORT_BYTES).
 */
const sheetFile = z.strictObject({
  contentBase64: z.base64().max(8_000_000),
  /** The organiser's mapping step: for each column of the file, by position, a field's name or null to ignore it. */
  mapping: z.array(z.string().max(40).nullable()).max(500).optional(),
});
export type SheetFileInput = z.input<typeof sheetFile>;

/**
 * Returned order forms and online-form exports for one distribution (issue 12), several files at once.
 * Each file at most 2 000 000 base64 characters, all together at most 8 000 000 (the host's body limit).
 */
const intakeFiles = z
  .strictObject({
    distributionId: id,
    files: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(200),
          contentBase64: z.base64().max(8_000_000),
          /** An online form's export mapped by hand: per column, a member field, `product:<productId>`, or null to ignore it. */
          mapping: z.array(z.string().max(60).nullable()).max(500).optional(),
        }),
      )
      .min(1, { message: 'validation.required' })
      .max(300, { message: 'validation.tooBig' }),
    /** Recorded after ordering closed, as the organiser's late orders. */
    late: z.boolean().default(false),
  })
  .refine((input) => input.files.reduce((sum, file) => sum + file.contentBase64.length, 0) <= 8_000_000, {
    path: ['files'],
    message: 'validation.tooBig',
  });
export type IntakeFilesInput = z.input<typeof intakeFiles>;

export const contract = {
  'app.status': operation<AppStatus>()(none, { mutates: false, inRecovery: true }),

  'relay.get': operation<RelaySettings>()(none, { mutates: false }),
  'relay.update': operation<RelaySettings>()(relaySettingsPatchSchema, { mutates: true }),

  'producers.list': operation<Producer[]>()(
    z.strictObject({ query: z.string().max(200).optional(), archived: archivedFilterSchema.default('active') }),
    { mutates: false },
  ),
  'producers.get': operation<Producer>()(z.strictObject({ id }), { mutates: false }),
  'producers.create': operation<{ producer: Producer; warnings: Warning[] }>()(producerDraftSchema, { mutates: true }),
  'producers.update': operation<{ producer: Producer; warnings: Warning[] }>()(producerPatchSchema, { mutates: true }),
  'producers.archive': operation<Producer>()(z.strictObject({ id }), { mutates: true }),
  'producers.restore': operation<Producer>()(z.strictObject({ id }), { mutates: true }),
  'producers.previewImport': operation<ProducerImportPlan>()(sheetFile, { mutates: false }),
  'producers.import': operation<ProducerImportPlan['counts']>()(sheetFile, { mutates: true }),

  'products.list': operation<Product[]>()(
    z.strictObject({
      producerId: id.optional(),
      category: z.string().max(60).optional(),
      archived: archivedFilterSchema.default('active'),
      query: z.string().max(200).optional(),
    }),
    { mutates: false },
  ),
  'products.create': operation<Product>()(productDraftSchema, { mutates: true }),
  'products.update': operation<Product>()(productPatchSchema, { mutates: true }),
  'products.archive': operation<Product>()(z.strictObject({ id }), { mutates: true }),
  'products.restore': operation<Product>()(z.strictObject({ id }), { mutates: true }),

  'distributions.list': operation<DistributionView[]>()(
    z.strictObject({ from: localDate.optional(), to: localDate.optional(), includeCancelled: z.boolean().default(false) }),
    { mutates: false },
  ),
  'distributions.get': operation<DistributionView>()(z.strictObject({ id }), { mutates: false }),
  'distributions.create': operation<DistributionView>()(distributionDraftSchema, { mutates: true }),
  'distributions.createSeries': operation<DistributionView[]>()(seriesDraftSchema, { mutates: true }),
  'distributions.update': operation<DistributionView>()(
    z.strictObject({ id, changes: distributionFields.partial() }).superRefine(pickupOrder),
    { mutates: true },
  ),
  'distributions.closeEarly': operation<DistributionView>()(z.strictObject({ id }), { mutates: true }),
  'distributions.reopen': operation<DistributionView>()(z.strictObject({ id, closes: localMoment.optional() }), { mutates: true }),
  'distributions.cancel': operation<DistributionView>()(z.strictObject({ id, confirmed: z.boolean().default(false) }), {
    mutates: true,
  }),
  'distributions.restore': operation<DistributionView>()(z.strictObject({ id }), { mutates: true }),

  'offers.forDistribution': operation<OfferRow[]>()(z.strictObject({ distributionId: id }), { mutates: false }),
  'offers.set': operation<{ saved: number }>()(offerEntry, { mutates: true }),
  'offers.saveMany': operation<{ saved: number }>()(z.strictObject({ entries: z.array(offerEntry).max(5000) }), {
    mutates: true,
  }),
  'offers.stockGrid': operation<StockGrid>()(
    z.strictObject({ producerId: id, weeks: z.number().int().min(1).max(12).default(4) }),
    { mutates: false },
  ),

  'catalogue.previewImport': operation<ImportPlan>()(sheetFile, { mutates: false }),
  'catalogue.import': operation<ImportPlan['counts']>()(sheetFile, { mutates: true }),
  'catalogue.exportCsv': operation<{ fileName: string; content: string }>()(none, { mutates: false }),

  /** What this host can do itself; the browser host can do neither, and the page falls back to window.print(). */
  'print.available': operation<{ pdf: boolean; native: boolean }>()(none, { mutates: false }),
  /** Asks where to save, then writes the PDF; `saved: false` when the organiser cancels. */
  'print.pdf': operation<{ saved: boolean; path?: string }>()(printJobSchema, { mutates: false }),
  'print.native': operation<{ printed: boolean }>()(printJobSchema, { mutates: false }),

  'members.list': operation<Member[]>()(
    z.strictObject({ query: z.string().max(200).optional(), archived: archivedFilterSchema.default('active') }),
    { mutates: false },
  ),
  'members.create': operation<Member>()(memberDraftSchema, { mutates: true }),
  'members.update': operation<Member>()(memberPatchSchema, { mutates: true }),
  'members.archive': operation<Member>()(z.strictObject({ id }), { mutates: true }),
  'members.restore': operation<Member>()(z.strictObject({ id }), { mutates: true }),
  'members.previewImport': operation<MemberImportPlan>()(sheetFile, { mutates: false }),
  'members.import': operation<MemberImportPlan['counts']>()(sheetFile, { mutates: true }),

  'orders.list': operation<ListedOrder[]>()(
    z.strictObject({ distributionId: id, includeCancelled: z.boolean().default(true) }),
    { mutates: false },
  ),
  'orders.get': operation<OrderView>()(z.strictObject({ orderId: id }), { mutates: false }),
  /** Opens the member's order (one per member and distribution); `late` records it outside the ordering window. */
  'orders.open': operation<Order>()(
    z.strictObject({ distributionId: id, memberId: id, late: z.boolean().default(false) }),
    { mutates: true },
  ),
  'orders.addLine': operation<Order>()(z.strictObject({ orderId: id, productId: id, quantity: orderQuantity }), { mutates: true }),
  'orders.setLineQuantity': operation<Order>()(z.strictObject({ orderId: id, lineId: id, quantity: orderQuantity }), {
    mutates: true,
  }),
  'orders.removeLine': operation<Order>()(z.strictObject({ orderId: id, lineId: id }), { mutates: true }),
  'orders.setNote': operation<Order>()(z.strictObject({ orderId: id, note: text(2000) }), { mutates: true }),
  /** Orders read from returned order forms and online-form exports: what each response would do; writes nothing. */
  'orders.previewImport': operation<IntakePlan>()(intakeFiles, { mutates: false }),
  /** Writes every order the preview planned, in one transaction: all or nothing. */
  'orders.import': operation<IntakePlan['counts']>()(intakeFiles, { mutates: true }),
  /** The order form of a distribution to send to members; `perMember`: one file each, with their name and order filled in. */
  'orders.orderForms': operation<{ files: { fileName: string; contentBase64: string }[] }>()(
    z.strictObject({ distributionId: id, format: z.enum(['xlsx', 'ods', 'csv']).default('xlsx'), perMember: z.boolean().default(false) }),
    { mutates: false },
  ),
  'orders.cancel': operation<Order>()(z.strictObject({ orderId: id }), { mutates: true }),
  'orders.restore': operation<Order>()(z.strictObject({ orderId: id }), { mutates: true }),

  'slots.list': operation<SlotView[]>()(z.strictObject({ distributionId: id }), { mutates: false }),
  /** Cuts the pickup window into slots; replaces the distribution's slots, refused once they hold orders. */
  'slots.generate': operation<SlotView[]>()(
    z.strictObject({ distributionId: id, minutes: slotMinutes, capacity: slotCapacity }),
    { mutates: true },
  ),
  'slots.add': operation<SlotView>()(slotFields.extend({ distributionId: id }).superRefine(slotOrder), { mutates: true }),
  'slots.update': operation<SlotView>()(z.strictObject({ id, changes: slotFields.partial() }).superRefine(slotOrder), { mutates: true }),
  /** A slot with orders is removed only with `moveTo`: the slot that takes them (beyond its room only with `override`). */
  'slots.remove': operation<{ moved: number; slots: SlotView[] }>()(
    z.strictObject({ id, moveTo: id.nullable().default(null), override: z.boolean().default(false) }),
    { mutates: true },
  ),
  'slots.rebalance': operation<{ moved: number; slots: SlotView[] }>()(z.strictObject({ distributionId: id }), { mutates: true }),
  /** Every active order without a slot gets one; `withoutSlot` lists those left over because every slot is full. */
  'orders.assignSlots': operation<{ assigned: number; withoutSlot: OrderView[] }>()(z.strictObject({ distributionId: id }), {
    mutates: true,
  }),
  /** Moved by hand: the order is pinned; a full slot takes it only with `override`, which then shows on the order. */
  'orders.moveToSlot': operation<Order>()(z.strictObject({ orderId: id, slotId: id, override: z.boolean().default(false) }), {
    mutates: true,
  }),

  'checkin.day': operation<CheckinDay>()(z.strictObject({ distributionId: id }), { mutates: false }),
  'checkin.collect': operation<Order>()(z.strictObject({ orderId: id }), { mutates: true }),
  /** Back to "expected": clears collected and no-show. */
  'checkin.undo': operation<Order>()(z.strictObject({ orderId: id }), { mutates: true }),
  'checkin.markMissing': operation<Order>()(z.strictObject({ orderId: id, lineId: id, note: text(500) }), { mutates: true }),
  'checkin.clearMissing': operation<Order>()(z.strictObject({ orderId: id, lineId: id }), { mutates: true }),
  'checkin.noShow': operation<Order>()(z.strictObject({ orderId: id }), { mutates: true }),
  /**
   * The real weight of a line sold by weight (issue 15), typed when the producer delivers or at
   * the counter; null clears it (back to the estimate). The line total, the debit and the settlement follow.
   */
  'checkin.weigh': operation<Order>()(z.strictObject({ orderId: id, lineId: id, grams: weighedGrams.nullable() }), { mutates: true }),

  'accounts.list': operation<AccountSummary[]>()(
    z.strictObject({ query: z.string().max(200).optional(), filter: z.enum(['all', 'toPay', 'credit']).default('all') }),
    { mutates: false },
  ),
  'accounts.statement': operation<AccountStatement>()(z.strictObject({ memberId: id }), { mutates: false }),
  /** Per order of the distribution: what is due or in credit (the pickup sheet prints it). */
  'accounts.forDistribution': operation<Record<string, CounterAccount>>()(z.strictObject({ distributionId: id }), { mutates: false }),
  'accounts.recordPayment': operation<AccountEntry>()(
    z.strictObject({ memberId: id, amountCents: paymentCents, method: paymentMethod, date: localDate.optional(), reference: text(200).default('') }),
    { mutates: true },
  ),
  /** Cancels a payment by a new entry with the opposite amount; the reason is required. */
  'accounts.reverse': operation<AccountEntry>()(
    z.strictObject({ entryId: id, reason: z.string().trim().min(1, { message: 'validation.required' }).max(500, { message: 'validation.tooLong' }) }),
    { mutates: true },
  ),
  'accounts.exportPayments': operation<{ fileName: string; content: string }>()(
    z.strictObject({ from: localDate.optional(), to: localDate.optional() }),
    { mutates: false },
  ),

  /** Hands the bag over and takes the payment in one step; a partial payment leaves a debt. */
  'counter.collectAndPay': operation<CounterPayment>()(z.strictObject({ orderId: id, ...counterPayment }), { mutates: true }),
  /** Sells leftover stock on the spot, to a member or a walk-in (memberId null), never beyond the stock. */
  'counter.sell': operation<CounterPayment>()(
    z.strictObject({
      distributionId: id,
      memberId: id.nullable().default(null),
      buyerName: text(120).default(''),
      /** grams: the weighed weight of the line's pieces, for (and only for) a product sold by weight. */
      lines: z.array(z.strictObject({ productId: id, quantity: orderQuantity, grams: weighedGrams.optional() })).min(1, { message: 'validation.saleEmpty' }).max(50),
      ...counterPayment,
    }),
    { mutates: true },
  ),
  'counter.cancel': operation<Order>()(z.strictObject({ orderId: id, reason: text(500) }), { mutates: true }),
  'till.get': operation<TillView>()(z.strictObject({ distributionId: id }), { mutates: false }),
  'till.close': operation<TillClosingRecord>()(
    z.strictObject({ distributionId: id, floatCents: tillCents.default(0), countedCents: tillCents, note: text(500).default('') }),
    { mutates: true },
  ),

  'settlement.forDistribution': operation<SettlementView>()(z.strictObject({ distributionId: id }), {
    mutates: false,
  }),
  /** Changes the rates a distribution's ordering closed with (issue 15): the reason is required and kept; refused once settled. */
  'settlement.changeRates': operation<SettlementView>()(
    z.strictObject({
      distributionId: id,
      hostCommissionBp: basisPoints,
      serviceFeeBp: basisPoints,
      reason: z.string().trim().min(1, { message: 'validation.required' }).max(500, { message: 'validation.tooLong' }),
    }),
    { mutates: true },
  ),
  /** Declares the settlement done (producers paid): its rates are final. */
  'settlement.markSettled': operation<SettlementView>()(z.strictObject({ distributionId: id }), { mutates: true }),
  'settlement.exportCsv': operation<{ fileName: string; content: string }>()(z.strictObject({ distributionId: id }), {
    mutates: false,
  }),

  /** Producers' statements per month or distribution, and the invoices and credit notes issued from them (issue 15). */
  'invoices.statement': operation<ProducerStatementView>()(z.strictObject({ producerId: id, period: statementPeriodSchema }), { mutates: false }),
  'invoices.list': operation<InvoiceList>()(none, { mutates: false }),
  'invoices.get': operation<Invoice>()(z.strictObject({ invoiceId: id }), { mutates: false }),
  /** Numbers the statement in the relay's yearly sequence and freezes it; refused on a producer's copy, twice for one period, or before ordering closed. */
  'invoices.issue': operation<Invoice>()(z.strictObject({ producerId: id, period: statementPeriodSchema }), { mutates: true }),
  /** Cancels an issued invoice with a numbered credit note; the invoice itself never changes. */
  'invoices.creditNote': operation<Invoice>()(
    z.strictObject({ invoiceId: id, reason: z.string().trim().min(1, { message: 'validation.required' }).max(500, { message: 'validation.tooLong' }) }),
    { mutates: true },
  ),
  'invoices.exportCsv': operation<{ fileName: string; content: string }>()(
    // One object rather than a union, so a wrong or unknown field is named like everywhere else: an issued invoice, or a producer's period.
    z
      .strictObject({ producerId: id.optional(), period: statementPeriodSchema.optional(), invoiceId: id.optional() })
      .refine((input) => (input.invoiceId === undefined ? input.producerId !== undefined && input.period !== undefined : input.producerId === undefined && input.period === undefined), {
        path: ['invoiceId'],
        message: 'validation.required',
      }),
    { mutates: false },
  ),

  /** Sync between copies through shared folders (issue 6). */
  'sync.status': operation<SyncStatus>()(none, { mutates: false }),
  'sync.saveSettings': operation<SyncSettings>()(syncSettingsPatchSchema, { mutates: true }),
  'sync.now': operation<SyncReport>()(none, { mutates: true }),
  'sync.conflicts': operation<SyncConflict[]>()(none, { mutates: false }),
  /** Electron only: the system's folder dialog (`supported: false` in the browser host, where the path is typed). */
  'sync.chooseFolder': operation<{ supported: boolean; path: string | null }>()(none, { mutates: false }),
  /** The organiser lets go of the changes set aside and the list of refused ones (issue 13). */
  'sync.discardSetAside': operation<SyncStatus>()(none, { mutates: true }),
  /** The organiser approves a copy waiting in a folder, once the code matches on both screens (issue 13). */
  'sync.approveCopy': operation<SyncStatus>()(z.strictObject({ device: z.string().min(1).max(100) }), { mutates: true }),
  /** The organiser takes a copy off the roster (confirmed on screen): its later files are refused and listed. */
  'sync.removeCopy': operation<SyncStatus>()(z.strictObject({ device: z.string().min(1).max(100) }), { mutates: true }),
  'sync.resolveConflict': operation<SyncConflict[]>()(
    z.strictObject({ conflictId: z.string().min(1).max(100), action: z.enum(CONFLICT_ACTIONS) }),
    { mutates: true },
  ),
  'backups.list': operation<BackupInfo[]>()(none, { mutates: false, inRecovery: true }),
  'backups.create': operation<BackupInfo>()(none, { mutates: true }),
  'backups.restore': operation<AppStatus>()(z.strictObject({ id: z.string().regex(/^[\w.-]+$/).max(80) }), {
    mutates: true,
    inRecovery: true,
  }),
  ...standingOperations,
  ...shopOperations,
  ...networkOperations,
  ...outboxOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type ResultOf<N extends OperationName> = NonNullable<Contract[N]['result']>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
