import { useState, type KeyboardEvent } from 'react';
import type { CheckinDay, CheckinOrder } from '../../../../shared/checkin/day';
import type { OrderLine } from '../../../../shared/model/order';
import type { SheetOffer } from '../../../../shared/sheets/source';
import { useI18n } from '../../i18n/i18n-context';
import { CheckinOrderLine } from './CheckinOrderLine';

interface CheckinResultsProps {
  day: CheckinDay;
  query: string;
  /** What the search found, in its order (all the orders while it is empty). */
  results: CheckinOrder[];
  /** The order Enter acts on, if the search found one. */
  target: CheckinOrder | null;
  offers: readonly SheetOffer[];
  busy: boolean;
  money: (cents: number) => string;
  timeOf: (instant: string) => string;
  onCollect: (order: CheckinOrder) => void;
  onPay: (order: CheckinOrder) => void;
  onUndo: (order: CheckinOrder) => void;
  onMissing: (order: CheckinOrder, line: OrderLine) => void;
  onFound: (order: CheckinOrder, line: OrderLine) => void;
  onWeigh: (order: CheckinOrder, line: OrderLine, grams: number | null) => Promise<boolean>;
  /** Up from the first card, or Escape: back to the search. */
  onLeave: () => void;
}

/** Up and down move between the lines' main buttons, so the whole list is usable without Tab through every line. */
function moveBetweenCards(event: KeyboardEvent<HTMLElement>, onLeave: () => void) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Escape') return;
  const card = (event.target as HTMLElement).closest('[data-order-id]');
  if (!card) return;
  event.preventDefault();
  if (event.key === 'Escape') return onLeave();
  const primaries = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-primary]')];
  const index = primaries.findIndex((button) => card.contains(button));
  const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
  if (next < 0) return onLeave();
  primaries[Math.min(next, primaries.length - 1)]?.focus();
}

/** A few matches are all opened; among many, only the one Enter would act on. */
const OPEN_ALL_BELOW = 4;

/**
 * The orders at the counter, one line each: by slot (then name) while the
 * search is empty; while searching, the matches alone, the exact basket number
 * first. A line opens (its items, its account) when the search finds it or the
 * focus comes into it, and closes when the organiser moves on.
 */
export function CheckinResults({ day, query, results, target, onLeave, ...line }: CheckinResultsProps) {
  const { t } = useI18n();
  const searching = query.trim() !== '';
  const [selected, setSelected] = useState<{ orderId: string; query: string } | null>(null);
  // A new search starts afresh: the line opened before is no longer where the organiser is.
  const selectedId = selected?.query === query ? selected.orderId : null;
  const found = (order: CheckinOrder) => searching && (results.length < OPEN_ALL_BELOW || order.orderId === target?.orderId);
  const lines = (orders: CheckinOrder[]) => (
    <ul className="checkin-cards">
      {orders.map((order) => (
        <CheckinOrderLine
          key={order.orderId}
          order={order}
          expanded={found(order) || selectedId === order.orderId}
          onSelect={() => setSelected({ orderId: order.orderId, query })}
          onToggle={() => setSelected(selectedId === order.orderId ? null : { orderId: order.orderId, query })}
          {...line}
        />
      ))}
    </ul>
  );

  return (
    <div id="checkin-results" className="checkin-results" onKeyDown={(event) => moveBetweenCards(event, onLeave)}>
      <p className="list-count" aria-live="polite">
        {searching && (results.length === 0 ? t('checkin.noMatch', { query: query.trim() }) : t('checkin.results', { count: results.length }))}
      </p>
      {day.expected === 0 ? (
        <p className="empty-state">{t('checkin.empty')}</p>
      ) : searching ? (
        lines(results)
      ) : (
        day.groups
          .filter((group) => group.expected > 0)
          .map((group) => {
            const id = `checkin-slot-${group.slot?.id ?? 'none'}`;
            return (
              <section key={id} aria-labelledby={id} className="checkin-slot">
                <h2 id={id} className="checkin-slot-title">
                  {group.slot ? t('checkin.slot', { start: group.slot.start, end: group.slot.end }) : t('checkin.noSlot')}
                  <span className="checkin-slot-count">{t('checkin.slotCount', { collected: group.collected, expected: group.expected })}</span>
                </h2>
                {lines(group.orders)}
              </section>
            );
          })
      )}
    </div>
  );
}
