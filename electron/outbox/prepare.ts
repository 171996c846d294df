/**
 * Preparing the outbox when a distribution's ordering closes (issue 15): one
 * order sheet per producer with something ordered, one confirmation per member
 * with an order. Prepared once per distribution: a distribution whose outbox
 * already holds its closing messages is left alone, so a sweep every minute,
 * a restart or a second closing never prepare the same messages twice.
 *
 * Message ids are derived from (distribution, kind, recipient): preparing the
 * same message again can only land on the same record.
 */
import { createHash } from 'node:crypto';
import { distributionStatus } from '../../shared/distributions/schedule';
import type { Distribution } from '../../shared/model/distribution';
import type { MessageDraft, OutboxKind, OutboxMessage } from '../../shared/model/outbox';
import { memberConfirmationMessage, producerOrderMessage, reminderMessage, type MessageRelay } from '../../shared/outbox/compose';
import { isActive } from '../../shared/orders/totals';
import { deliverySheets } from '../../shared/sheets/delivery-sheet';
import type { SheetOffer } from '../../shared/sheets/source';
import { distributionFile, outboxFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { counterAccounts } from '../services/account-entries';
import { ordersOf } from '../services/ordered';
import { readRelay } from '../services/relay';

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

/** Every closing message of the distribution, as they read from the records now. */
export function closingDrafts(source: Source, distribution: Distribution): MessageDraft[] {
  const relay = relayOf(source);
  const orders = ordersOf(source, distribution.id).filter((order) => isActive(order) && !order.counter && order.lines.length > 0 && order.memberId !== null);
  const views = orders.flatMap((order) => {
    const member = source.get('member', order.memberId!);
    return member ? [{ order, member }] : [];
  });
  const offers = sheetOffers(source, orders.flatMap((order) => order.lines.map((line) => line.productId)));
  const drafts: MessageDraft[] = [];
  for (const delivery of deliverySheets(views, offers)) {
    const producer = source.get('producer', delivery.producerId);
    if (!producer) continue;
    drafts.push(producerOrderMessage(relay, distribution, { id: producer.id, name: producer.name, email: producer.email }, delivery));
  }
  const slots = new Map(source.inFile('slot', distributionFile(distribution.id)).map((slot) => [slot.id, slot]));
  // The counter's figures, from one scan of the account entries: what each member will be asked to pay.
  const accounts = counterAccounts(source, orders);
  for (const { order, member } of views) {
    const slot = order.slotId === null ? undefined : slots.get(order.slotId);
    const { due } = accounts.get(order.id)!;
    drafts.push(
      memberConfirmationMessage(relay, distribution, { id: member.id, name: member.name, email: member.email }, {
        lines: order.lines,
        slot: slot ? { start: slot.start, end: slot.end } : null,
        dueCents: due.dueCents,
      }),
    );
  }
  return drafts;
}

export function record(distributionId: string, draft: MessageDraft, at: string): OutboxMessage {
  return {
    id: messageId(distributionId, draft.kind, draft.recipientId),
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

/** Whether the distribution's closing messages were already prepared (any of them, whatever became of it). */
function closingPrepared(source: Source, distributionId: string): boolean {
  // Reminders and members' links are prepared while ordering is open: they are no closing message.
  return outboxOf(source, distributionId).some((message) => message.kind === 'producerOrder' || message.kind === 'memberConfirmation');
}

/**
 * Distributions whose ordering has closed and whose pickup is still to come, with no closing
 * messages yet. A distribution already distributed when the outbox arrived gets none: a
 * confirmation after the pickup would only confuse.
 */
export function closingDue(source: Source, now: Date): Distribution[] {
  const { timeZone } = readRelay(source);
  return source.all('distribution').filter((distribution) => distributionStatus(distribution, now, timeZone) === 'closed' && !closingPrepared(source, distribution.id));
}

/** Stages the closing messages of one distribution; returns how many. */
export function prepareClosing(tx: Transaction, distribution: Distribution, now: Date): number {
  if (closingPrepared(tx, distribution.id)) return 0;
  const at = now.toISOString();
  const drafts = closingDrafts(tx, distribution);
  for (const draft of drafts) tx.put('outboxMessage', record(distribution.id, draft, at));
  return drafts.length;
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
