/**
 * Orders in from spreadsheets (issue 12): returned order forms and online-form
 * exports, several files at once, planned by shared/intake/plan.ts and shown
 * in a preview; the write plans the same files again inside one transaction,
 * so what is confirmed is written all together or not at all, and the stock
 * rule is checked against what is ordered at that instant.
 */
import { createHash, randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import type { SheetTable } from '../../shared/csv/table';
import { isOrderingOpen } from '../../shared/distributions/schedule';
import { offerIndex, type IntakeOffer } from '../../shared/intake/product-match';
import { planIntake, type IntakePlan, type IntakeState } from '../../shared/intake/plan';
import { readIntakeFile, type ReadIntakeFile } from '../../shared/intake/read-responses';
import { memberDraftSchema, type Member } from '../../shared/model/member';
import { ORDER_DEFAULTS, ORDER_LINE_DEFAULTS, type Order, type OrderLine } from '../../shared/model/order';
import { canSell, offerPrice } from '../../shared/offers/stock';
import { nextBasketNumber } from '../../shared/orders/totals';
import type { Store, Transaction } from '../store/store';
import { existingDistribution, isFinished } from './distributions';
import { offersOf } from './offers';
import { orderedByProduct, ordersOf } from './ordered';
import { readRelay } from './relay';
import { readUploadedSheet } from './sheet-upload';
import { slotFor } from './slots';

export interface IntakeInput {
  distributionId: string;
  /** `mapping`: the organiser's mapping step for an online form's export, by column position (see IntakeColumnChoice). */
  files: readonly { name: string; contentBase64: string; mapping?: readonly (string | null)[] }[];
  /** The organiser records the orders after ordering closed (late orders). */
  late: boolean;
}

type Source = Store | Transaction;

/** The products on sale, with their producer and price, as the plan matches them. */
export function intakeOffers(source: Source, distributionId: string): IntakeOffer[] {
  const offers: IntakeOffer[] = [];
  for (const offer of offersOf(source, distributionId)) {
    if (offer.withdrawnAt !== null) continue;
    const product = source.get('product', offer.productId);
    if (!product) continue;
    const producer = source.get('producer', product.producerId);
    offers.push({
      productId: product.id, productName: product.name, producerName: producer?.name ?? '', unit: product.unit,
      priceCents: offerPrice(offer, product), quantity: offer.quantity,
      pieceGrams: product.pricing === 'weight' ? product.pieceGrams : null,
    });
  }
  return offers;
}

export function intakeState(source: Source, distributionId: string): IntakeState {
  return {
    offers: intakeOffers(source, distributionId),
    ordered: orderedByProduct(source, distributionId),
    orders: ordersOf(source, distributionId).filter((order) => !order.counter),
    members: source.all('member'),
  };
}

/**
 * The files of the last previews, read: the confirmation sends the same bytes again,
 * and reading 150 workbooks a second time would double the wait (scripts/bench-order-intake.ts).
 * Keyed by the bytes' hash, so a changed file is always read afresh.
 */
const readTables = new Map<string, SheetTable>();
const READ_TABLES_KEPT = 400;

function readSheet(contentBase64: string): SheetTable {
  const key = createHash('sha256').update(contentBase64).digest('base64');
  const known = readTables.get(key);
  if (known) return known;
  const table = readUploadedSheet(contentBase64);
  readTables.set(key, table);
  if (readTables.size > READ_TABLES_KEPT) readTables.delete(readTables.keys().next().value!);
  return table;
}

function readFile(file: IntakeInput['files'][number], index: ReturnType<typeof offerIndex>): { name: string } & ReadIntakeFile {
  const { name, contentBase64, mapping } = file;
  try {
    return { name, ...readIntakeFile(name, readSheet(contentBase64), index, mapping) };
  } catch (error) {
    // One unreadable file (a PDF dropped with the rest) is listed; the others are still read.
    if (!(error instanceof UserError)) throw error;
    return { name, kind: 'formExport', responses: [], issues: [{ key: error.key, ...(error.params ? { params: error.params } : {}) }], ignoredColumns: [] };
  }
}

function planFor(source: Source, input: IntakeInput, now: Date): IntakePlan {
  const distribution = existingDistribution(source, input.distributionId);
  const state = intakeState(source, input.distributionId);
  const index = offerIndex(state.offers, source.all('product').map((product) => product.name));
  const plan = planIntake(input.files.map((file) => readFile(file, index)), state);
  const { timeZone } = readRelay(source);
  if (isFinished(distribution, now, timeZone)) plan.blockers.push({ key: 'error.distributionFinished', params: { date: distribution.pickupDate } });
  else if (!input.late && !isOrderingOpen(distribution, now, timeZone)) plan.blockers.push({ key: 'intake.orderingClosed' });
  return plan;
}

export function writePlan(tx: Transaction, plan: IntakePlan, input: Pick<IntakeInput, 'distributionId' | 'late'>, at: string): void {
  const { distributionId } = input;
  const offers = new Map(intakeOffers(tx, distributionId).map((offer) => [offer.productId, offer]));
  for (const write of plan.writes) {
    let member: Member | undefined = write.memberId ? tx.get('member', write.memberId) : undefined;
    if (!member) {
      const fields = memberDraftSchema.parse(write.newMember);
      member = tx.put('member', { ...fields, id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at });
    }
    const order: Order = (write.orderId ? tx.get('order', write.orderId) : undefined) ?? {
      id: randomUUID(), distributionId, memberId: member.id, basketNumber: nextBasketNumber(ordersOf(tx, distributionId)),
      lines: [], note: '', late: input.late, cancelledAt: null, ...ORDER_DEFAULTS,
      slotId: slotFor(tx, distributionId, member.preferredPickupTime), createdAt: at, updatedAt: at,
    };
    let lines = order.lines;
    for (const { productId, quantity } of write.lines) {
      const existing = lines.find((line) => line.productId === productId);
      if (existing) {
        // A weighing weighed the old pieces: a new count is weighed again (as orders.setLineQuantity does).
        lines = lines.map((line) => (line === existing ? { ...line, quantity, ...(quantity !== line.quantity && { weighedGrams: null }) } : line));
        continue;
      }
      const offer = offers.get(productId)!;
      const product = tx.get('product', productId)!;
      const line: OrderLine = {
        id: randomUUID(), productId, productName: offer.productName, quantity, unitPriceCents: offer.priceCents,
        vatRateBp: product.vatRateBp, addedAt: at, ...ORDER_LINE_DEFAULTS,
        pieceGrams: product.pricing === 'weight' ? product.pieceGrams : null,
      };
      lines = [...lines, line];
    }
    tx.put('order', { ...order, lines, late: order.late || input.late, updatedAt: at });
  }
  // The plan already kept every line within stock; this is the rule itself, checked on what was written.
  // Only products the import added to: stock already oversold by a sync conflict is the conflict screen's to resolve.
  const ordered = orderedByProduct(tx, distributionId);
  for (const { productId, orderedBefore } of plan.stock) {
    const offer = offers.get(productId);
    const held = ordered.get(productId) ?? 0;
    if (offer && held > orderedBefore && !canSell(offer, held, 0)) {
      throw new UserError('error.outOfStock', { product: offer.productName, remaining: 0, wanted: held });
    }
  }
}

export function orderIntakeService(store: () => Store, now: () => Date) {
  return {
    /** Reads the files and says what would happen to every response; writes nothing. */
    'orders.previewImport': async (input: IntakeInput) => planFor(store(), input, now()),

    /** Writes every planned order in one transaction: all of them, or none when something is refused. */
    'orders.import': (input: IntakeInput) =>
      store().transact((tx) => {
        const plan = planFor(tx, input, now());
        const [blocker] = plan.blockers;
        if (blocker) throw new UserError(blocker.key, blocker.params);
        writePlan(tx, plan, input, now().toISOString());
        return plan.counts;
      }),
  };
}
