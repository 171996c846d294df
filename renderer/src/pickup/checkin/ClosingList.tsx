import type { CheckinDay, CheckinOrder } from '../../../../shared/checkin/day';
import { useI18n } from '../../i18n/i18n-context';

interface ClosingListProps {
  day: CheckinDay;
  busy: boolean;
  money: (cents: number) => string;
  timeOf: (instant: string) => string;
  onNoShow: (order: CheckinOrder) => void;
  onCollect: (order: CheckinOrder) => void;
}

/**
 * At closing: who has not come, with a number to call. A member marked
 * absent who turns up after all can still be checked off ("Retiré").
 */
export function ClosingList({ day, busy, money, timeOf, onNoShow, onCollect }: ClosingListProps) {
  const { t } = useI18n();
  const slots = new Map(day.groups.flatMap((group) => (group.slot ? [[group.slot.id, group.slot] as const] : [])));

  return (
    <section aria-labelledby="checkin-closing-title" className="checkin-closing">
      <h2 id="checkin-closing-title" tabIndex={-1}>{t('checkin.closing.title')}</h2>
      {day.notCollected.length === 0 ? (
        <p className="empty-state">{t('checkin.closing.allCollected')}</p>
      ) : (
        <>
          <p className="muted">{t('checkin.closing.intro')}</p>
          <div className="table-frame">
            <table className="table checkin-closing-table">
              <caption className="visually-hidden">{t('checkin.closing.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('checkin.column.basket')}
                  </th>
                  <th scope="col">{t('checkin.column.member')}</th>
                  <th scope="col">{t('checkin.column.phone')}</th>
                  <th scope="col">{t('checkin.column.slot')}</th>
                  <th scope="col" className="numeric">
                    {t('checkin.column.total')}
                  </th>
                  <th scope="col">{t('checkin.column.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {day.notCollected.map((order) => {
                  const slot = order.slotId ? slots.get(order.slotId) : undefined;
                  const { basketNumber: basket, member } = order;
                  return (
                    <tr key={order.orderId}>
                      <td className="numeric checkin-closing-basket">{basket}</td>
                      <th scope="row">{member.name}</th>
                      <td>
                        {member.phone ? (
                          <a
                            className="checkin-phone"
                            href={`tel:${member.phone.replace(/[^\d+]/g, '')}`}
                            aria-label={t('checkin.callLabel', { name: member.name, phone: member.phone })}
                          >
                            {member.phone}
                          </a>
                        ) : (
                          <span className="muted">{t('checkin.noPhone')}</span>
                        )}
                      </td>
                      <td>{slot ? `${slot.start}–${slot.end}` : t('checkin.noSlot')}</td>
                      <td className="numeric">{money(order.totalCents)}</td>
                      <td>{order.noShowAt ? <strong>{t('checkin.absentAt', { time: timeOf(order.noShowAt) })}</strong> : t('checkin.waiting')}</td>
                      <td className="row-actions">
                        {order.noShowAt === null && (
                          <button
                            type="button"
                            className="button checkin-button"
                            disabled={busy}
                            aria-label={t('checkin.noShowLabel', { basket, name: member.name })}
                            onClick={() => onNoShow(order)}
                          >
                            {t('checkin.noShow')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-primary checkin-button"
                          disabled={busy}
                          aria-label={t('checkin.collectLabel', { basket, name: member.name })}
                          onClick={() => onCollect(order)}
                        >
                          {t('checkin.collect')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
