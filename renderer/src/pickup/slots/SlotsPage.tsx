import { useId, useMemo, useState } from 'react';
import type { AppError } from '../../../../shared/contract/errors';
import type { OrderView } from '../../../../shared/orders/views';
import { toMinutes, fromMinutes } from '../../../../shared/slots/times';
import type { SlotView } from '../../../../shared/slots/views';
import type { DistributionView } from '../../../../shared/catalogue/views';
import { call } from '../../client';
import { PageError } from '../../forms/PageError';
import { StatusMessage, type Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';
import { areaHref } from '../../shell/areas';
import { PageHeading } from '../../shell/PageHeading';
import { longDay } from '../../../../shared/i18n/format';
import { GenerateSlots } from './GenerateSlots';
import { MoveOrderDialog } from './MoveOrderDialog';
import { RemoveSlotDialog } from './RemoveSlotDialog';
import { SlotDialog } from './SlotDialog';
import { SlotOrders } from './SlotOrders';
import { slotRange } from './slot-labels';
import { SlotTable } from './SlotTable';
import { ordersBySlot, useSlotsPlan } from './use-slots-plan';
import './slots.css';

type Editing = { kind: 'add' } | { kind: 'edit'; slot: SlotView } | { kind: 'remove'; slot: SlotView } | { kind: 'move'; view: OrderView };

/** A new slot starts where the day's last slot ends, as long as the last one, within the pickup hours. */
function nextSlot(distribution: DistributionView, slots: SlotView[]) {
  const last = slots.at(-1);
  if (!last) return { start: distribution.pickupStart, end: distribution.pickupEnd, capacity: 10 };
  const length = toMinutes(last.end) - toMinutes(last.start);
  const end = Math.min(toMinutes(last.end) + length, toMinutes(distribution.pickupEnd));
  return { start: last.end, end: fromMinutes(end), capacity: last.capacity };
}

/**
 * `#/pickup/<distributionId>/slots` — spreading the members over pickup
 * slots: generate them from the pickup hours, adjust them one by one, place
 * the orders, move one by hand, rebalance.
 */
export function SlotsPage({ distributionId }: { distributionId: string }) {
  const { t, language } = useI18n();
  const { distribution, slots, orders, error, reload } = useSlotsPlan(distributionId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState<'assign' | 'rebalance' | null>(null);
  const listId = useId();
  const ordersId = useId();
  const withoutId = useId();

  const groups = useMemo(() => ordersBySlot(slots ?? [], orders ?? []), [slots, orders]);

  const back = (
    <p className="back-link">
      <a href={areaHref('distributions', distributionId)}>{t('slots.back')}</a>
    </p>
  );

  if (!distribution || !slots || !orders) {
    return (
      <>
        {back}
        {error ? (
          <>
            <PageHeading>{t('slots.notFound')}</PageHeading>
            <PageError error={error} />
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </>
    );
  }

  const editable = distribution.status !== 'distributed' && distribution.status !== 'cancelled';
  const held = slots.some((slot) => slot.orderCount > 0);
  const without = groups.get(null) ?? [];
  const pinned = orders.filter((view) => view.order.slotPinned).length;

  async function done(next: Notice) {
    setEditing(null);
    setActionError(null);
    await reload();
    setNotice(next);
  }

  async function assign() {
    setBusy('assign');
    const outcome = await call('orders.assignSlots', { distributionId });
    setBusy(null);
    if (!outcome.ok) return setActionError(outcome.error);
    await done({ key: 'slots.assigned', params: { assigned: outcome.value.assigned, left: outcome.value.withoutSlot.length } });
  }

  async function rebalance() {
    setBusy('rebalance');
    const outcome = await call('slots.rebalance', { distributionId });
    setBusy(null);
    if (!outcome.ok) return setActionError(outcome.error);
    await done({ key: 'slots.rebalanced', params: { moved: outcome.value.moved, pinned } });
  }

  return (
    <>
      {back}
      <div className="page-head">
        <PageHeading>{t('slots.title', { day: longDay(language, distribution.pickupDate) })}</PageHeading>
      </div>
      <div className="order-facts">
        <span>{t('distributions.pickupHours', { start: distribution.pickupStart, end: distribution.pickupEnd })}</span>
      </div>
      {!editable && <p className="order-notice">{t('slots.finished')}</p>}
      <StatusMessage notice={notice} />
      <PageError error={error ?? actionError} />

      {editable &&
        (held ? (
          <p className="muted">{t('slots.generate.held')}</p>
        ) : (
          <GenerateSlots distribution={distribution} existing={slots.length} onGenerated={(next) => void done(next)} />
        ))}

      <section className="panel" aria-labelledby={listId}>
        <div className="panel-head">
          <h2 id={listId}>{t('slots.list.title')}</h2>
          {editable && (
            <button type="button" className="button button-small" onClick={() => setEditing({ kind: 'add' })}>
              {t('slots.add')}
            </button>
          )}
        </div>
        {slots.length === 0 ? (
          <p className="empty-state">{t('slots.list.empty')}</p>
        ) : (
          <SlotTable
            slots={slots}
            editable={editable}
            onEdit={(slot) => setEditing({ kind: 'edit', slot })}
            onRemove={(slot) => setEditing({ kind: 'remove', slot })}
          />
        )}
      </section>

      <section className="panel" aria-labelledby={withoutId}>
        <div className="panel-head">
          <h2 id={withoutId}>{t('slots.without.title')}</h2>
          {editable && slots.length > 0 && without.length > 0 && (
            <button type="button" className="button button-small button-primary" disabled={busy !== null} onClick={() => void assign()}>
              {busy === 'assign' ? t('slots.assigning') : t('slots.assign')}
            </button>
          )}
        </div>
        {without.length === 0 ? (
          <p className="empty-state">{t('slots.without.empty')}</p>
        ) : (
          <>
            {slots.length === 0 && <p className="muted">{t('slots.without.noSlots')}</p>}
            <SlotOrders
              caption={t('slots.without.caption')}
              orders={without}
              onMove={editable && slots.length > 0 ? (view) => setEditing({ kind: 'move', view }) : undefined}
            />
          </>
        )}
      </section>

      {slots.length > 0 && (
        <section className="panel" aria-labelledby={ordersId}>
          <div className="panel-head">
            <h2 id={ordersId}>{t('slots.orders.title')}</h2>
            {editable && (
              <button
                type="button"
                className="button button-small"
                aria-describedby={`${ordersId}-hint`}
                disabled={busy !== null}
                onClick={() => void rebalance()}
              >
                {busy === 'rebalance' ? t('slots.rebalancing') : t('slots.rebalance')}
              </button>
            )}
          </div>
          <p id={`${ordersId}-hint`} className="muted">
            {t('slots.rebalanceHint')}
          </p>
          {orders.length === 0 && <p className="empty-state">{t('slots.orders.none')}</p>}
          {slots.map((slot) => {
            const range = slotRange(t, slot);
            const inSlot = groups.get(slot.id) ?? [];
            return (
              <div key={slot.id} className="slot-orders">
                <h3>{t('slots.orders.slotHeading', { range, count: slot.orderCount, capacity: slot.capacity })}</h3>
                {inSlot.length === 0 ? (
                  <p className="muted">{t('slots.orders.emptySlot')}</p>
                ) : (
                  <SlotOrders
                    caption={t('slots.orders.caption', { range })}
                    orders={inSlot}
                    onMove={editable && slots.length > 1 ? (view) => setEditing({ kind: 'move', view }) : undefined}
                  />
                )}
              </div>
            );
          })}
        </section>
      )}

      {(editing?.kind === 'add' || editing?.kind === 'edit') && (
        <SlotDialog
          distributionId={distributionId}
          slot={editing.kind === 'edit' ? editing.slot : undefined}
          defaults={nextSlot(distribution, slots)}
          onSaved={(next) => void done(next)}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'remove' && (
        <RemoveSlotDialog slot={editing.slot} slots={slots} onRemoved={(next) => void done(next)} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'move' && (
        <MoveOrderDialog view={editing.view} slots={slots} onMoved={(next) => void done(next)} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
