/**
 * Members' orders from their pages, taken in at the relay's sync (issue 16)
 * through the same plan and write as the spreadsheets' intake
 * (services/order-intake.ts): never oversold, first submitted first served,
 * lines beyond the stock refused and listed. Each member's document states
 * the whole order, so a line left out is removed and `cancelled` cancels;
 * a submission made after ordering closed is not taken. The pickup slot the
 * member chose is applied after the lines (shop-slots.ts).
 */
import type { IntakeResponse, QuantityCell } from '../../shared/intake/read-responses';
import { planIntake } from '../../shared/intake/plan';
import type { Order } from '../../shared/model/order';
import type { MemberOrder, MemberOrderStatus, RefusedLine } from '../../shared/shop/documents';
import type { Store, Transaction } from '../store/store';
import { isFinished } from '../services/distributions';
import { intakeOffers, intakeState, writePlan } from '../services/order-intake';
import { ordersOf } from '../services/ordered';
import { readRelay } from '../services/relay';
import { closingOf } from './publish';
import { applySlotChoices, type SlotOutcome } from './shop-slots';

export interface Submission {
  memberId: string;
  order: MemberOrder;
}

export interface TakenIn {
  memberId: string;
  order: MemberOrder;
  status: MemberOrderStatus;
}

/** A submission the last sync has not answered yet. */
export const isNew = (order: MemberOrder) => !order.status || order.status.submittedAt !== order.submittedAt;

const memberOrder = (tx: Transaction | Store, distributionId: string, memberId: string): Order | undefined =>
  ordersOf(tx, distributionId).find((order) => order.memberId === memberId && !order.counter);

/** Takes in every new submission, all distributions together, in one transaction: all written, or none. */
export async function takeInOrders(store: Store, submissions: readonly Submission[], now: Date): Promise<TakenIn[]> {
  const at = now.toISOString();
  const fresh = submissions
    .filter(({ order }) => isNew(order))
    // First submitted, first served; the member's id breaks a tie the same way on every sync.
    .sort((a, b) => a.order.submittedAt.localeCompare(b.order.submittedAt) || a.memberId.localeCompare(b.memberId));
  if (fresh.length === 0) return [];
  const byDistribution = new Map<string, Submission[]>();
  for (const submission of fresh) {
    const list = byDistribution.get(submission.order.distributionId) ?? [];
    list.push(submission);
    byDistribution.set(submission.order.distributionId, list);
  }
  const refusals = new Map<Submission, RefusedLine[]>();
  const states = new Map<Submission, MemberOrderStatus['state']>();
  const slots = new Map<Submission, SlotOutcome>();
  await store.transact((tx) => {
    const { timeZone } = readRelay(tx);
    for (const [distributionId, list] of byDistribution) {
      const distribution = tx.get('distribution', distributionId);
      const taken: Submission[] = [];
      const wasActive = new Set<Submission>();
      for (const submission of list) {
        const member = tx.get('member', submission.memberId);
        const late = !distribution || isFinished(distribution, now, timeZone) || submission.order.submittedAt >= closingOf(distribution);
        if (!member || member.archivedAt !== null || late) {
          states.set(submission, 'closed');
          continue;
        }
        const existing = memberOrder(tx, distributionId, member.id);
        if (existing && existing.cancelledAt === null) wasActive.add(submission);
        if (submission.order.cancelled) {
          if (existing && existing.cancelledAt === null) tx.put('order', { ...existing, cancelledAt: at, updatedAt: at });
          states.set(submission, 'cancelled');
          continue;
        }
        if (existing) {
          // Lines the member took out give their stock back before anyone's new lines are planned.
          const wanted = new Set(submission.order.lines.filter((line) => line.quantity > 0).map((line) => line.productId));
          const lines = existing.cancelledAt === null ? existing.lines.filter((line) => wanted.has(line.productId)) : [];
          if (lines.length !== existing.lines.length || existing.cancelledAt !== null) {
            tx.put('order', { ...existing, lines, cancelledAt: null, updatedAt: at });
          }
        }
        taken.push(submission);
      }
      if (taken.length === 0) continue;
      const offers = new Map(intakeOffers(tx, distributionId).map((offer) => [offer.productId, offer]));
      const responses: IntakeResponse[] = taken.map((submission) => {
        const member = tx.get('member', submission.memberId)!;
        const cells: QuantityCell[] = submission.order.lines.map((line, index) => {
          const offer = offers.get(line.productId);
          const name = offer?.productName ?? tx.get('product', line.productId)?.name ?? line.productId;
          return { line: index, header: name, raw: String(line.quantity), typed: true, match: offer ? { kind: 'offer', offer } : { kind: 'notOnSale', name } };
        });
        return { file: 'shop', line: 0, name: member.name, email: member.email, phone: member.phone, cells, memberId: member.id };
      });
      const plan = planIntake([{ name: 'shop', kind: 'formExport', responses, issues: [], ignoredColumns: [] }], intakeState(tx, distributionId));
      writePlan(tx, plan, { distributionId, late: false }, at);
      taken.forEach((submission, index) => {
        const planned = plan.orders[index]!;
        const refused = planned.refused.map((note) => {
          const line = submission.order.lines[note.line]!;
          return {
            productId: line.productId,
            productName: note.header,
            wanted: line.quantity,
            remaining: Number(note.params?.remaining ?? 0),
          };
        });
        refusals.set(submission, refused);
        states.set(submission, refused.length > 0 ? 'partlyRefused' : 'accepted');
      });
      // Only orders that stand after the lines were planned take a slot: a new order whose every line was refused is not written.
      const placed = taken.flatMap((submission) => {
        const order = memberOrder(tx, distributionId, submission.memberId);
        if (!order || order.cancelledAt !== null) return [];
        const preferredTime = tx.get('member', submission.memberId)?.preferredPickupTime ?? null;
        return [{ submission, choice: { order, wasActive: wasActive.has(submission), chosen: submission.order.slotId ?? null, preferredTime } }];
      });
      const outcomes = applySlotChoices(tx, distributionId, placed.map(({ choice }) => choice), at);
      placed.forEach(({ submission }, index) => slots.set(submission, outcomes[index]!));
    }
  });
  return fresh.map((submission) => {
    const order = memberOrder(store, submission.order.distributionId, submission.memberId);
    const lines = order && order.cancelledAt === null ? order.lines.map((line) => ({ productId: line.productId, productName: line.productName, quantity: line.quantity })) : [];
    const status: MemberOrderStatus = {
      state: states.get(submission) ?? 'closed',
      submittedAt: submission.order.submittedAt,
      refused: refusals.get(submission) ?? [],
      lines,
      slot: slots.get(submission)?.slot ?? null,
      slotRefused: slots.get(submission)?.slotRefused ?? null,
      at,
    };
    return { ...submission, status };
  });
}
