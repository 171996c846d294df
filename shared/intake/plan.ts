/**
 * Orders read from returned order forms and online-form exports, planned
 * before anything is written: who each response is (the member with that
 * e-mail, else that name, else a new member), what it orders, what it costs,
 * and what it does to the stock. The member's order for the distribution is
 * updated, never duplicated: a line takes the quantity the file states, so
 * importing the same file twice changes nothing. A line beyond the remaining
 * stock is refused and listed — the same rule as orders.addLine (canSell).
 * Lines of an order the file does not mention are kept as they are.
 */
import type { MessageParams } from '../contract/errors';
import { readDecimal } from '../csv/numbers';
import type { MessageKey } from '../i18n/messages';
import { findSameMember, type Candidate } from '../members/import-plan';
import { optionalEmail, optionalPhone } from '../model/fields';
import type { Member } from '../model/member';
import type { Order } from '../model/order';
import { canSell, remaining } from '../offers/stock';
import type { IntakeIssue, IntakeResponse, QuantityCell, ReadIntakeFile } from './read-responses';
import type { IntakeOffer } from './product-match';
import { lineTotal } from '../orders/totals';

/** The distribution as the plan needs it. */
export interface IntakeState {
  offers: readonly IntakeOffer[];
  /** Units of each product held by the distribution's active orders. */
  ordered: ReadonlyMap<string, number>;
  /** Members' orders of the distribution (counter sales left out). */
  orders: readonly Pick<Order, 'id' | 'memberId' | 'lines' | 'cancelledAt'>[];
  members: readonly Member[];
}

export interface PlannedLine {
  productId: string;
  productName: string;
  producerName: string;
  unit: string;
  quantity: number;
  /** What the member's order held before (0 for a new line). */
  before: number;
  unitPriceCents: number;
  /** Sold by weight: grams per piece (the line's total is an estimate until weighed). */
  pieceGrams: number | null;
}

/** A quantity cell that is not imported, or imported as interpreted: where, what, why. */
export interface CellNote {
  line: number;
  header: string;
  raw: string;
  key: MessageKey;
  params?: MessageParams;
}

export type IntakeAction = 'create' | 'update' | 'unchanged';

export interface PlannedOrder {
  file: string;
  line: number;
  name: string;
  email: string;
  /** The member matched, or null for a member the import creates. */
  memberId: string | null;
  matchedBy: 'email' | 'name' | null;
  orderId: string | null;
  /** null: nothing is written for this response (see issues and refused). */
  action: IntakeAction | null;
  lines: PlannedLine[];
  /** The order's total once imported, its other lines included. */
  totalCents: number;
  /** Why the whole response is left out. */
  issues: IntakeIssue[];
  refused: CellNote[];
  warnings: CellNote[];
}

export interface StockEffect {
  productId: string;
  productName: string;
  producerName: string;
  unit: string;
  quantity: number | null;
  orderedBefore: number;
  orderedAfter: number;
}

export interface IntakeWrite {
  memberId: string | null;
  /** For a member the import creates. */
  newMember: { name: string; email: string; phone: string } | null;
  orderId: string | null;
  lines: { productId: string; quantity: number }[];
}

export interface IntakePlan {
  files: (Pick<ReadIntakeFile, 'kind' | 'issues' | 'ignoredColumns' | 'mappings'> & { name: string; responses: number })[];
  /** The products on sale, which the mapping step offers for a column (`product:<productId>`). */
  products: { productId: string; productName: string; producerName: string }[];
  /** What keeps the whole import out (ordering closed…): nothing can be written. */
  blockers: IntakeIssue[];
  orders: PlannedOrder[];
  stock: StockEffect[];
  counts: { ordersCreated: number; ordersUpdated: number; ordersUnchanged: number; membersCreated: number; linesRefused: number; responsesRefused: number };
  writes: IntakeWrite[];
}

const MAX_QUANTITY = 10_000;

function readQuantity(cell: QuantityCell): { quantity: number; note?: CellNote; refused?: CellNote } {
  const at = { line: cell.line, header: cell.header, raw: cell.raw };
  const read = readDecimal(cell.raw, { typed: cell.typed });
  if (!read || read.value < 0) return { quantity: 0, refused: { ...at, key: 'intake.badQuantity', params: { raw: cell.raw } } };
  if (!Number.isInteger(read.value)) return { quantity: 0, refused: { ...at, key: 'intake.wholeUnits', params: { raw: cell.raw } } };
  if (read.value > MAX_QUANTITY) return { quantity: 0, refused: { ...at, key: 'intake.tooMany', params: { raw: cell.raw, max: MAX_QUANTITY } } };
  const note = read.interpreted
    ? { ...at, key: 'import.interpreted' as const, params: { line: cell.line, header: cell.header, raw: cell.raw, value: String(read.value) } }
    : undefined;
  return { quantity: read.value, ...(note ? { note } : {}) };
}

function matchRefusal(cell: QuantityCell): CellNote | null {
  const at = { line: cell.line, header: cell.header, raw: cell.raw };
  switch (cell.match.kind) {
    case 'offer':
      return null;
    case 'ambiguous':
      return { ...at, key: 'intake.ambiguousProduct', params: { product: cell.match.name, producers: cell.match.producers.join(', ') } };
    case 'notOnSale':
      return { ...at, key: 'intake.notOnSale', params: { product: cell.match.name } };
    case 'none':
      return { ...at, key: 'intake.unknownProduct', params: { product: cell.header } };
  }
}

export function planIntake(read: readonly ({ name: string } & ReadIntakeFile)[], state: IntakeState): IntakePlan {
  const plan: IntakePlan = {
    files: read.map(({ name, kind, issues, ignoredColumns, mappings, responses }) => ({
      name, kind, issues, ignoredColumns, ...(mappings ? { mappings } : {}), responses: responses.length,
    })),
    products: state.offers.map(({ productId, productName, producerName }) => ({ productId, productName, producerName })),
    blockers: [],
    orders: [],
    stock: [],
    counts: { ordersCreated: 0, ordersUpdated: 0, ordersUnchanged: 0, membersCreated: 0, linesRefused: 0, responsesRefused: 0 },
    writes: [],
  };
  const ordered = new Map(state.ordered);
  const offers = new Map(state.offers.map((offer) => [offer.productId, offer]));
  const membersById = new Map(state.members.map((member) => [member.id, member]));
  // Active members first: a name shared with an archived member means the one still coming.
  const candidates: Candidate[] = [...state.members]
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null))
    .map((member) => ({ ref: member.id, name: member.name, email: member.email }));
  const takenBy = new Map<string, { file: string; line: number }>();
  const touched = new Set<string>();

  for (const response of read.flatMap((file) => file.responses)) {
    const planned = planResponse(response);
    plan.orders.push(planned);
    plan.counts.linesRefused += planned.refused.length;
    if (planned.issues.length > 0) plan.counts.responsesRefused++;
  }

  function planResponse(response: IntakeResponse): PlannedOrder {
    const planned: PlannedOrder = {
      file: response.file, line: response.line, name: response.name, email: response.email,
      memberId: null, matchedBy: null, orderId: null, action: null, lines: [], totalCents: 0, issues: [], refused: [], warnings: [],
    };
    const email = response.email;
    if (response.name === '' && email === '') planned.issues.push({ key: 'intake.noMember' });
    else if (email !== '' && !optionalEmail.safeParse(email).success) planned.issues.push({ key: 'intake.badEmail', params: { email } });
    if (planned.issues.length > 0) return planned;

    const known = response.memberId === undefined ? undefined : candidates.find((candidate) => candidate.ref === response.memberId);
    const match = known ? { candidate: known, by: null } : findSameMember(candidates, response.name, email);
    const member = match && membersById.get(match.candidate.ref);
    const label = member?.name ?? response.name;
    if (!match && response.name === '') planned.issues.push({ key: 'intake.noName', params: { email } });
    if (member && member.archivedAt !== null) planned.issues.push({ key: 'error.memberArchived', params: { name: member.name } });
    const earlier = match && takenBy.get(match.candidate.ref);
    if (earlier) planned.issues.push({ key: 'intake.duplicateMember', params: { name: label, file: earlier.file, line: earlier.line } });
    const order = member && state.orders.find((candidate) => candidate.memberId === member.id);
    if (order && order.cancelledAt !== null) planned.issues.push({ key: 'intake.orderCancelled', params: { name: label } });
    if (planned.issues.length > 0) return planned;

    planned.memberId = member?.id ?? null;
    planned.matchedBy = match?.by ?? null;
    planned.orderId = order?.id ?? null;
    if (member) planned.name = member.name;

    // The quantity each product is wanted in; a product named twice is summed.
    const wanted = new Map<string, { quantity: number; cell: QuantityCell }>();
    for (const cell of response.cells) {
      const refusal = matchRefusal(cell);
      if (refusal) {
        planned.refused.push(refusal);
        continue;
      }
      const { quantity, note, refused } = readQuantity(cell);
      if (refused) planned.refused.push(refused);
      if (note) planned.warnings.push(note);
      if (quantity === 0 || cell.match.kind !== 'offer') continue;
      const productId = cell.match.offer.productId;
      wanted.set(productId, { quantity: (wanted.get(productId)?.quantity ?? 0) + quantity, cell });
    }

    for (const [productId, { quantity, cell }] of wanted) {
      const offer = offers.get(productId)!;
      const current = order?.lines.find((line) => line.productId === productId);
      const before = current?.quantity ?? 0;
      const extra = quantity - before;
      const held = ordered.get(productId) ?? 0;
      if (extra > 0 && !canSell(offer, held, extra)) {
        // What this member could still have: what is left, plus what their order already holds.
        const left = (remaining(offer, held) ?? 0) + before;
        planned.refused.push({
          line: cell.line, header: cell.header, raw: cell.raw, key: 'intake.overStock',
          params: { product: offer.productName, wanted: quantity, remaining: Math.max(left, 0) },
        });
        continue;
      }
      ordered.set(productId, held + extra);
      touched.add(productId);
      planned.lines.push({
        productId, productName: offer.productName, producerName: offer.producerName, unit: offer.unit,
        quantity, before, unitPriceCents: current?.unitPriceCents ?? offer.priceCents,
        pieceGrams: current ? current.pieceGrams : (offer.pieceGrams ?? null),
      });
    }

    const kept = (order?.lines ?? []).filter((line) => !planned.lines.some((each) => each.productId === line.productId));
    planned.totalCents =
      kept.reduce((sum, line) => sum + lineTotal(line), 0) + planned.lines.reduce((sum, line) => sum + lineTotal(line), 0);

    const changes = planned.lines.filter((line) => line.quantity !== line.before);
    if (!order && planned.lines.length === 0) {
      if (planned.refused.length === 0) planned.issues.push({ key: 'intake.nothingOrdered' });
      return planned;
    }
    planned.action = !order ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
    const ref = member?.id ?? `new:${response.file}:${response.line}`;
    takenBy.set(ref, { file: response.file, line: response.line });
    if (!member) {
      candidates.push({ ref, name: response.name, email });
      plan.counts.membersCreated++;
    }
    if (planned.action === 'create') plan.counts.ordersCreated++;
    else if (planned.action === 'update') plan.counts.ordersUpdated++;
    else plan.counts.ordersUnchanged++;
    if (planned.action !== 'unchanged') {
      const phone = optionalPhone.safeParse(response.phone).success ? response.phone : '';
      plan.writes.push({
        memberId: member?.id ?? null,
        newMember: member ? null : { name: response.name, email, phone },
        orderId: order?.id ?? null,
        lines: changes.map(({ productId, quantity }) => ({ productId, quantity })),
      });
    }
    return planned;
  }

  plan.stock = [...touched].map((productId) => {
    const offer = offers.get(productId)!;
    return {
      productId, productName: offer.productName, producerName: offer.producerName, unit: offer.unit,
      quantity: offer.quantity, orderedBefore: state.ordered.get(productId) ?? 0, orderedAfter: ordered.get(productId) ?? 0,
    };
  });
  return plan;
}
