/**
 * The words of the messages sent when ordering closes (issue 15), in the
 * relay's language: each producer's order (what to bring, the per-basket
 * breakdown attached as the delivery sheet in CSV) and each member's
 * confirmation (items, total, pickup slot, amount to pay). Pure: the service
 * gathers the records, this turns them into text.
 */
import { writeCsv } from '../csv/write';
import { formatDateTime, formatMoney, formatWeight, longDay } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import type { Language } from '../model/fields';
import type { MessageDraft } from '../model/outbox';
import type { SaleUnit } from '../model/product';
import { chargedGrams, isSoldByWeight, lineTotal, type PricedLine } from '../orders/totals';
import type { ProducerDelivery } from '../sheets/delivery-sheet';
import { fileSafe } from '../text/normalise';
import { letterTo } from './letter';

export interface MessageRelay {
  name: string;
  language: Language;
  timeZone: string;
  currency: string;
}

export interface MessageDistribution {
  pickupDate: string;
  pickupStart: string;
  pickupEnd: string;
  closesAt: string;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

function unitLabel(language: Language, unit: SaleUnit | null): string {
  return unit === null ? '' : translate(language, `catalogue.unit.${unit}` as MessageKey);
}

/** The delivery sheet as a spreadsheet: totals per product, then one row per basket. */
export function deliveryCsv(language: Language, delivery: ProducerDelivery): string {
  const t = (key: MessageKey) => translate(language, key);
  const rows: (string | number)[][] = [[t('outbox.csv.product'), t('outbox.csv.basket'), t('outbox.csv.member'), t('outbox.csv.quantity')]];
  for (const product of delivery.products) {
    rows.push([product.productName, t('outbox.csv.total'), '', product.quantity]);
    for (const basket of product.baskets) rows.push([product.productName, basket.basketNumber, basket.name, basket.quantity]);
  }
  return writeCsv(rows);
}

export function producerOrderMessage(relay: MessageRelay, distribution: MessageDistribution, producer: Recipient, delivery: ProducerDelivery): MessageDraft {
  const { language } = relay;
  const day = longDay(language, distribution.pickupDate);
  const lines = delivery.products.map((product) => {
    const unit = unitLabel(language, product.unit);
    const pack = product.packDescription === '' ? '' : ` (${product.packDescription})`;
    return translate(language, 'outbox.producerOrder.line', { product: product.productName, quantity: `${product.quantity} ${unit}${pack}`.trim() });
  });
  const fileName = `${translate(language, 'outbox.fileName.delivery')}-${fileSafe(producer.name)}-${distribution.pickupDate}.csv`;
  const subject = translate(language, 'outbox.producerOrder.subject', { relay: relay.name, day });
  return letterTo(relay, 'producerOrder', producer, subject, [
    translate(language, 'outbox.producerOrder.intro', { day, start: distribution.pickupStart, end: distribution.pickupEnd }),
    '',
    ...lines,
    '',
    translate(language, 'outbox.producerOrder.attached'),
  ], [{ fileName, contentType: 'text/csv; charset=utf-8', content: deliveryCsv(language, delivery) }]);
}

export interface ConfirmedLine extends PricedLine {
  productName: string;
}

export interface ConfirmedOrder {
  lines: readonly ConfirmedLine[];
  /** The pickup slot's local times, or null before slots are assigned. */
  slot: { start: string; end: string } | null;
  /** What the member pays at pickup: the order less their credit, plus any debt. */
  dueCents: number;
}

export function memberConfirmationMessage(relay: MessageRelay, distribution: MessageDistribution, member: Recipient, order: ConfirmedOrder): MessageDraft {
  const { language } = relay;
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const day = longDay(language, distribution.pickupDate);
  const lines = order.lines.map((line) => {
    const text = translate(language, 'outbox.memberConfirmation.line', { quantity: line.quantity, product: line.productName, total: money(lineTotal(line)) });
    const grams = chargedGrams(line);
    return isSoldByWeight(line) && grams !== null ? `${text} ${translate(language, 'outbox.memberConfirmation.byWeight', { weight: formatWeight(language, grams) })}` : text;
  });
  const total = order.lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const pickup = order.slot
    ? translate(language, 'outbox.memberConfirmation.slot', { day, start: order.slot.start, end: order.slot.end })
    : translate(language, 'outbox.memberConfirmation.pickup', { day, start: distribution.pickupStart, end: distribution.pickupEnd });
  const due = order.dueCents > 0 ? translate(language, 'outbox.memberConfirmation.due', { amount: money(order.dueCents) }) : translate(language, 'outbox.memberConfirmation.nothingDue');
  return letterTo(relay, 'memberConfirmation', member, translate(language, 'outbox.memberConfirmation.subject', { relay: relay.name, day }), [
    translate(language, 'outbox.memberConfirmation.intro', { day }),
    '',
    ...lines,
    '',
    translate(language, 'outbox.memberConfirmation.total', { total: money(total) }),
    pickup,
    due,
  ]);
}

export function reminderMessage(relay: MessageRelay, distribution: MessageDistribution, member: Recipient): MessageDraft {
  const { language } = relay;
  const day = longDay(language, distribution.pickupDate);
  const closes = formatDateTime(language, distribution.closesAt, relay.timeZone);
  return letterTo(relay, 'reminder', member, translate(language, 'outbox.reminder.subject', { relay: relay.name }), [translate(language, 'outbox.reminder.intro', { day, closes })]);
}

/** A short notice to one recipient: a subject and one paragraph naming the relay and the day, and what follows it. */
function notice(relay: MessageRelay, distribution: MessageDistribution, kind: 'producerOrder' | 'memberConfirmation', recipient: Recipient, keys: { subject: MessageKey; producer: MessageKey; member: MessageKey }, more: string[], update: boolean): MessageDraft {
  const { language } = relay;
  const day = longDay(language, distribution.pickupDate);
  const words = kind === 'producerOrder' ? keys.producer : keys.member;
  return {
    ...letterTo(relay, kind, recipient, translate(language, keys.subject, { relay: relay.name, day }), [translate(language, words, { relay: relay.name, day }), ...more]),
    ...(update && { update: true }),
  };
}

/**
 * To whom an earlier closing message went and who now has nothing at all (the member's order
 * cancelled, or every order for the producer gone) after a reopening: the earlier message no longer
 * holds. Short, and always an update: it only makes sense beside the one it cancels.
 */
export function cancellationMessage(relay: MessageRelay, distribution: MessageDistribution, kind: 'producerOrder' | 'memberConfirmation', recipient: Recipient): MessageDraft {
  const keys = { subject: 'outbox.cancelled.subject', producer: 'outbox.cancelled.producer', member: 'outbox.cancelled.member' } as const;
  return notice(relay, distribution, kind, recipient, keys, [], true);
}

/**
 * The whole distribution cancelled by the organiser: whoever had an order, or something to bring,
 * hears that nothing happens that day. Marked as an update when it follows a closing message.
 */
export function distributionCancelledMessage(relay: MessageRelay, distribution: MessageDistribution, kind: 'producerOrder' | 'memberConfirmation', recipient: Recipient, update: boolean): MessageDraft {
  const keys = { subject: 'outbox.distributionCancelled.subject', producer: 'outbox.distributionCancelled.producer', member: 'outbox.distributionCancelled.member' } as const;
  const earlier = update ? [translate(relay.language, 'outbox.distributionCancelled.earlier')] : [];
  return notice(relay, distribution, kind, recipient, keys, earlier, update);
}
