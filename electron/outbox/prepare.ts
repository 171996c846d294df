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
import { cancellationMessage, distributionCancelledMessage, memberConfirmationMessage, producerOrderMessage, reminderMessage, type MessageRelay } from '../../shared/outbox/compose';
import { isActive } from '../../shared/orders/totals';
import { deliverySheets, type ProducerDelivery } from '../../shared/sheets/delivery-sheet';
import type { SheetOffer } from '../../shared/sheets/source';
import { distributionFile, outboxFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { counterAccounts } from '../services/account-entries';
import { ordersOf } from '../services/ordered';
import { readRelay } from '../services/relay';
import { deliveryPdf } from './delivery-pdf';
import { asUpdate, CANCELLED, DISTRIBUTION_CANCELLED, fingerprint, latestByRecipient, recipientKey } from './updates';

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

function relayOf(source: Source): MessageRelay {
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
  const pdf = await deliveryPdf({ language: relay.language, relayName: relay.name, pickupDate: distribution.pickupDate, pickupStart: distribution.pickupStart, pickupEnd: distribution.pickupEnd, delivery, at });
  const csv = draft.attachments[0];
  const fileName = csv ? csv.fileName.replace(/\.csv$/, '.pdf') : `${draft.subject}.pdf`;
  return { ...draft, attachments: [{ fileName, contentType: 'application/pdf', content: Buffer.from(pdf).toString('base64'), encoding: 'base64' }, ...draft.attachments] };
}

/** A closing message as composed, with the producer's delivery its PDF is made from (made only for a message written). */
interface ClosingDraft {
  draft: MessageDraft;
  delivery: ProducerDelivery | null;
}

/** Every closing message of the distribution, as they read from the records now. */
function closingDrafts(source: Source, distribution: Distribution): ClosingDraft[] {
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
function closingMoment(distribution: Distribution): string {
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
export async function prepareClosing(tx: Transaction, distribution: Distribution, now: Date): Promise<number> {
  if (closingPrepared(tx, distribution)) return 0;
  const at = now.toISOString();
  const relay = relayOf(tx);
  const earlier = latestByRecipient(outboxOf(tx, distribution.id));
  const drafts = closingDrafts(tx, distribution);
  let count = 0;
  for (const { draft, delivery } of drafts) {
    const before = earlier.get(recipientKey(draft));
    if (before && fingerprint(before) === fingerprint(draft)) continue;
    const words = before ? asUpdate(relay.language, draft) : draft;
    const written = delivery ? await withPdf(words, relay, distribution, delivery, now) : words;
    // An update has its own id: the first message stays as it was, sent or not.
    tx.put('outboxMessage', { ...record(distribution.id, written, at, before ? `${draft.recipientId}/${closingMoment(distribution)}` : draft.recipientId), fingerprint: fingerprint(draft) });
    count += 1;
  }
  const current = new Set(drafts.map(({ draft }) => recipientKey(draft)));
  return count + prepareCancellations(tx, distribution, [...earlier.values()].filter((before) => !current.has(recipientKey(before))), now);
}

/**
 * Whoever had a closing message and now has none (the member's order cancelled, nothing left for the
 * producer to bring) gets a short update saying so: silence would leave them holding a confirmation,
 * or an order sheet, that no longer holds. Once: a later closing still without them writes nothing.
 */
function prepareCancellations(tx: Transaction, distribution: Distribution, gone: readonly OutboxMessage[], now: Date): number {
  const relay = relayOf(tx);
  let count = 0;
  for (const before of gone) {
    if (fingerprint(before) === CANCELLED || fingerprint(before) === DISTRIBUTION_CANCELLED) continue;
    if (before.kind !== 'producerOrder' && before.kind !== 'memberConfirmation') continue;
    // Their address as it is now, or as the earlier message had it if the record is gone.
    const known = before.kind === 'producerOrder' ? tx.get('producer', before.recipientId) : tx.get('member', before.recipientId);
    const recipient = { id: before.recipientId, name: known?.name ?? before.toName, email: known?.email ?? before.toEmail };
    const draft = cancellationMessage(relay, distribution, before.kind, recipient);
    tx.put('outboxMessage', { ...record(distribution.id, draft, now.toISOString(), `${draft.recipientId}/${closingMoment(distribution)}`), fingerprint: CANCELLED });
    count += 1;
  }
  return count;
}

/**
 * The organiser cancels the whole distribution: each member with an order and each producer with
 * something ordered (or who had a closing message) hears there is nothing to pay and nothing to
 * deliver — whether ordering had closed or not. Marked as an update for whoever had a closing message.
 * Once per recipient: cancelled again after a restore, nobody is told twice.
 */
export function prepareDistributionCancelled(tx: Transaction, distribution: Distribution, now: Date): number {
  const relay = relayOf(tx);
  const messages = outboxOf(tx, distribution.id);
  const told = new Set(messages.filter((message) => fingerprint(message) === DISTRIBUTION_CANCELLED).map(recipientKey));
  // Whoever was last told their order no longer holds has already heard they have nothing to pay.
  const earlier = new Map([...latestByRecipient(messages)].filter(([, message]) => fingerprint(message) !== CANCELLED));
  const recipients = new Map<string, { kind: 'producerOrder' | 'memberConfirmation'; id: string; name: string; email: string }>();
  for (const { draft } of closingDrafts(tx, distribution)) {
    if (draft.kind === 'producerOrder' || draft.kind === 'memberConfirmation') recipients.set(recipientKey(draft), { kind: draft.kind, id: draft.recipientId, name: draft.toName, email: draft.toEmail });
  }
  for (const [key, before] of earlier) {
    if (recipients.has(key) || (before.kind !== 'producerOrder' && before.kind !== 'memberConfirmation')) continue;
    const known = before.kind === 'producerOrder' ? tx.get('producer', before.recipientId) : tx.get('member', before.recipientId);
    recipients.set(key, { kind: before.kind, id: before.recipientId, name: known?.name ?? before.toName, email: known?.email ?? before.toEmail });
  }
  let count = 0;
  for (const [key, { kind, ...recipient }] of recipients) {
    if (told.has(key)) continue;
    const draft = distributionCancelledMessage(relay, distribution, kind, recipient, earlier.has(key));
    tx.put('outboxMessage', { ...record(distribution.id, draft, now.toISOString(), `${recipient.id}/distribution-cancelled`), fingerprint: DISTRIBUTION_CANCELLED });
    count += 1;
  }
  return count;
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
