/**
 * Preparing the outbox when a distribution's ordering closes (issue 15): one
 * order sheet per producer with something ordered, one confirmation per member
 * with an order, the order sheet attached as PDF and CSV. Prepared once per
 * closing: a distribution whose outbox holds messages prepared since it closed
 * is left alone, so a sweep every minute or a restart never prepare the same
 * messages twice; closed again after a reopening, only who now reads something
 * else gets a message, an update (updates.ts) — a short cancellation for who
 * now has nothing at all.
 *
 * Message ids are derived from (distribution, kind, recipient, and the closing
 * for an update): preparing the same message again can only land on the same record.
 */
import { createHash } from 'node:crypto';
import { distributionStatus } from '../../shared/distributions/schedule';
import type { Distribution } from '../../shared/model/distribution';
import type { MessageDraft, OutboxKind, OutboxMessage } from '../../shared/model/outbox';
import { cancellationMessage, memberConfirmationMessage, producerOrderMessage, reminderMessage, type MessageRelay } from '../../shared/outbox/compose';
import { isActive } from '../../shared/orders/totals';
import { deliverySheets, type ProducerDelivery } from '../../shared/sheets/delivery-sheet';
import type { SheetOffer } from '../../shared/sheets/source';
import { distributionFile, outboxFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { counterAccounts } from '../services/account-entries';
import { ordersOf } from '../services/ordered';
import { readRelay } from '../services/relay';
import { deliveryPdf } from './delivery-pdf';
import { toldOf, withdrawAll, type Told } from './told';
import { asRestored, asUpdate, CANCELLED, DISTRIBUTION_CANCELLED, fingerprint, recipientKey } from './updates';

type Source = Store | Transaction;

/** A UUID (version 8, "custom") from the message's identity, so the same message always has the same id. */
export function messageId(distributionId: string, kind: OutboxKind, recipientId: string): string {
  const hex = createHash('sha256').update(`${distributionId}/${kind}/${recipientId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function outboxOf(source: Source, distributionId: string): OutboxMessage[] {
  return source.inFile('outboxMessage', outboxFile(distributionId));
}

export function relayOf(source: Source): MessageRelay {
  const relay = readRelay(source);
  return { name: relay.name, language: relay.language, timeZone: relay.timeZone, currency: relay.currency };
}

/** The sheets' offers for every product ordered, withdrawn offers included: a withdrawn product still ordered is still brought. */
function sheetOffers(source: Source, productIds: Iterable<string>): SheetOffer[] {
  return [...new Set(productIds)].flatMap((productId) => {
    const product = source.get('product', productId);
    const producer = product && source.get('producer', product.producerId);
    return product && producer ? [{ product, producer }] : [];
  });
}

/** The order sheet as PDF beside its CSV: the PDF to read and print, the CSV for a spreadsheet. */
async function withPdf(draft: MessageDraft, relay: MessageRelay, distribution: Distribution, delivery: ProducerDelivery, at: Date): Promise<MessageDraft> {
  const { pdf, missing } = await deliveryPdf({ language: relay.language, relayName: relay.name, pickupDate: distribution.pickupDate, pickupStart: distribution.pickupStart, pickupEnd: distribution.pickupEnd, delivery, at });
  const csv = draft.attachments[0];
  const fileName = csv ? csv.fileName.replace(/\.csv$/, '.pdf') : `${draft.subject}.pdf`;
  const attachments = [{ fileName, contentType: 'application/pdf', content: Buffer.from(pdf).toString('base64'), encoding: 'base64' as const }, ...draft.attachments];
  // What the PDF could not print is said beside the message, never hidden behind a replacement character.
  return { ...draft, attachments, ...(missing.length > 0 && { missingGlyphs: missing.slice(0, 100) }) };
}

/** A closing message as composed, with the producer's delivery its PDF is made from (made only for a message written). */
interface ClosingDraft {
  draft: MessageDraft;
  delivery: ProducerDelivery | null;
}

/** Every closing message of the distribution, as they read from the records now. */
export function closingDrafts(source: Source, distribution: Distribution): ClosingDraft[] {
  const relay = relayOf(source);
  const orders = ordersOf(source, distribution.id).filter((order) => isActive(order) && !order.counter && order.lines.length > 0 && order.memberId !== null);
  const views = orders.flatMap((order) => {
    const member = source.get('member', order.memberId!);
    return member ? [{ order, member }] : [];
  });
  const offers = sheetOffers(source, orders.flatMap((order) => order.lines.map((line) => line.productId)));
  const drafts: ClosingDraft[] = [];
  for (const delivery of deliverySheets(views, offers)) {
    const producer = source.get('producer', delivery.producerId);
    if (!producer) continue;
    drafts.push({ draft: producerOrderMessage(relay, distribution, { id: producer.id, name: producer.name, email: producer.email }, delivery), delivery });
  }
  const slots = new Map(source.inFile('slot', distributionFile(distribution.id)).map((slot) => [slot.id, slot]));
  // The counter's figures, from one scan of the account entries: what each member will be asked to pay.
  const accounts = counterAccounts(source, orders);
  for (const { order, member } of views) {
    const slot = order.slotId === null ? undefined : slots.get(order.slotId);
    const { due } = accounts.get(order.id)!;
    const draft = memberConfirmationMessage(relay, distribution, { id: member.id, name: member.name, email: member.email }, {
      lines: order.lines,
      slot: slot ? { start: slot.start, end: slot.end } : null,
      dueCents: due.dueCents,
    });
    drafts.push({ draft, delivery: null });
  }
  return drafts;
}

export function record(distributionId: string, draft: MessageDraft, at: string, identity = draft.recipientId): OutboxMessage {
  return {
    id: messageId(distributionId, draft.kind, identity),
    distributionId,
    ...draft,
    status: 'prepared',
    attempts: 0,
    tries: 0,
    lastError: '',
    nextTryAt: null,
    attemptAt: null,
    sentAt: null,
    preparedAt: at,
    updatedAt: at,
  };
}

/** The moment ordering closed: early by hand, or as planned. */
export function closingMoment(distribution: Distribution): string {
  return distribution.closedEarlyAt ?? distribution.closesAt;
}

/** Whether the closing messages were prepared for the distribution's current closing (not only for one before a reopening). */
function closingPrepared(source: Source, distribution: Distribution): boolean {
  // Reminders and members' links are prepared while ordering is open: they are no closing message.
  const closing = outboxOf(source, distribution.id).filter((message) => message.kind === 'producerOrder' || message.kind === 'memberConfirmation');
  return closing.some((message) => message.preparedAt >= closingMoment(distribution));
}

/**
 * Distributions whose ordering has closed and whose pickup is still to come, with no closing
 * messages for this closing yet. A distribution already distributed when the outbox arrived gets
 * none: a confirmation after the pickup would only confuse.
 */
export function closingDue(source: Source, now: Date): Distribution[] {
  const { timeZone } = readRelay(source);
  return source.all('distribution').filter((distribution) => distributionStatus(distribution, now, timeZone) === 'closed' && !closingPrepared(source, distribution));
}

/**
 * Stages the closing messages of one distribution; returns how many. Closed again after a
 * reopening, it writes a message only to whom it now says something else (updates.ts):
 * an update, marked as such; the others get nothing.
 */
export async function prepareClosing(tx: Transaction, distribution: Distribution, deviceId: string, now: Date): Promise<number> {
  if (closingPrepared(tx, distribution)) return 0;
  return prepareAsItStands(tx, distribution, deviceId, now, closingMoment(distribution));
}

/** The first free id among the recipient's own, then `suffix`, then numbered: a message written never lands on another. */
function freshIdentity(tx: Transaction, distributionId: string, draft: MessageDraft, suffix: string): string {
  const candidates = [draft.recipientId, `${draft.recipientId}/${suffix}`];
  for (let n = 2; ; n += 1) {
    const identity = candidates.shift() ?? `${draft.recipientId}/${suffix}/${n}`;
    if (!tx.get('outboxMessage', messageId(distributionId, draft.kind, identity))) return identity;
  }
}

export interface AsItStands {
  /** Only recipients whose last message may have reached them is this one (a restore while ordering is open). */
  only?: (told: OutboxMessage | undefined) => boolean;
}

/**
 * Writes to each recipient what the records now say, unless what they were told, or a message still
 * waiting for them (told.ts), says it already. A waiting message that no longer holds is withdrawn
 * first: the new one is then a plain message if nothing reached them yet, an update if something did.
 * `suffix` keeps apart the ids of messages written after the first (the closing moment, a restore).
 */
export async function prepareAsItStands(tx: Transaction, distribution: Distribution, deviceId: string, now: Date, suffix: string, options: AsItStands = {}): Promise<number> {
  const at = now.toISOString();
  const relay = relayOf(tx);
  const { told, unsent } = toldOf(tx, deviceId, outboxOf(tx, distribution.id));
  const drafts = closingDrafts(tx, distribution);
  let count = 0;
  for (const { draft, delivery } of drafts) {
    const key = recipientKey(draft);
    const before = told.get(key);
    if (options.only && !options.only(before)) continue;
    const waiting = unsent.get(key) ?? [];
    const saysIt = [before, ...waiting].findLast((message) => message !== undefined && fingerprint(message) === fingerprint(draft));
    withdrawAll(tx, waiting.filter((message) => message !== saysIt), 'replaced', now);
    if (saysIt) continue;
    const words = before === undefined ? draft : fingerprint(before) === DISTRIBUTION_CANCELLED ? asRestored(relay.language, draft) : asUpdate(relay.language, draft);
    const written = delivery ? await withPdf(words, relay, distribution, delivery, now) : words;
    tx.put('outboxMessage', { ...record(distribution.id, written, at, freshIdentity(tx, distribution.id, draft, suffix)), fingerprint: fingerprint(draft) });
    count += 1;
  }
  if (options.only) return count;
  const current = new Set(drafts.map(({ draft }) => recipientKey(draft)));
  const gone = new Set([...told.keys(), ...unsent.keys()].filter((key) => !current.has(key)));
  return count + prepareCancellations(tx, distribution, gone, { told, unsent }, now, suffix);
}

/**
 * Whoever had a closing message and now has none (the member's order cancelled, nothing left for the
 * producer to bring): what waits unsent for them is withdrawn; whoever may have read one gets a short
 * update saying so: silence would leave them holding a confirmation, or an order sheet, that no longer
 * holds. Once: a later closing still without them writes nothing.
 */
function prepareCancellations(tx: Transaction, distribution: Distribution, gone: ReadonlySet<string>, { told, unsent }: Told, now: Date, suffix: string): number {
  const relay = relayOf(tx);
  let count = 0;
  for (const key of gone) {
    withdrawAll(tx, unsent.get(key) ?? [], 'orderCancelled', now);
    const before = told.get(key);
    if (!before || fingerprint(before) === CANCELLED || fingerprint(before) === DISTRIBUTION_CANCELLED) continue;
    if (before.kind !== 'producerOrder' && before.kind !== 'memberConfirmation') continue;
    const draft = cancellationMessage(relay, distribution, before.kind, recipientOf(tx, before));
    tx.put('outboxMessage', { ...record(distribution.id, draft, now.toISOString(), freshIdentity(tx, distribution.id, draft, suffix)), fingerprint: CANCELLED });
    count += 1;
  }
  return count;
}

/** Their address as it is now, or as the earlier message had it if the record is gone. */
export function recipientOf(tx: Transaction, before: OutboxMessage): { id: string; name: string; email: string } {
  const known = before.kind === 'producerOrder' ? tx.get('producer', before.recipientId) : tx.get('member', before.recipientId);
  return { id: before.recipientId, name: known?.name ?? before.toName, email: known?.email ?? before.toEmail };
}

/**
 * The next moment, after `now`, at which ordering closes or a reminder falls due (ms since the epoch),
 * or null: the outbox wakes then rather than looking every minute.
 */
export function nextPreparation(source: Source, hours: number, now: Date): number | null {
  let next: number | null = null;
  for (const distribution of source.all('distribution')) {
    if (distribution.cancelledAt !== null || distribution.closedEarlyAt !== null) continue;
    const closing = Date.parse(distribution.closesAt);
    for (const moment of hours > 0 ? [closing, closing - hours * 3_600_000] : [closing]) {
      if (moment > now.getTime() && (next === null || moment < next)) next = moment;
    }
  }
  return next;
}

/**
 * Reminders due: the relay asks for them (`hours` > 0), ordering is open and closes within
 * `hours`, and the member has an e-mail address and no reminder for it yet (sent once).
 */
export function remindersDue(source: Source, hours: number, now: Date): { distribution: Distribution; drafts: MessageDraft[] }[] {
  if (hours <= 0) return [];
  const relay = relayOf(source);
  const members = source.all('member').filter((member) => member.archivedAt === null && member.email !== '');
  return source
    .all('distribution')
    .filter((distribution) => distributionStatus(distribution, now, relay.timeZone) === 'open' && Date.parse(distribution.closesAt) - now.getTime() <= hours * 3_600_000)
    .map((distribution) => {
      const reminded = new Set(outboxOf(source, distribution.id).filter((message) => message.kind === 'reminder').map((message) => message.recipientId));
      const drafts = members.filter((member) => !reminded.has(member.id)).map((member) => reminderMessage(relay, distribution, member));
      return { distribution, drafts };
    })
    .filter(({ drafts }) => drafts.length > 0);
}

export function prepareReminders(tx: Transaction, hours: number, now: Date): number {
  let count = 0;
  for (const { distribution, drafts } of remindersDue(tx, hours, now)) {
    for (const draft of drafts) tx.put('outboxMessage', record(distribution.id, draft, now.toISOString()));
    count += drafts.length;
  }
  return count;
}
