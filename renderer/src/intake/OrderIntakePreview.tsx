import { useId } from 'react';
import type { IntakePlan, PlannedOrder } from '../../../shared/intake/plan';
import { formatMoney } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useReadyApp } from '../app/ready-app-context';
import { Dialog } from '../dialog/Dialog';
import { useI18n } from '../i18n/i18n-context';
import { ColumnMappingTable } from '../import/ColumnMappingTable';
import { ImportCounts } from '../import/ImportCounts';
import type { Choice } from '../import/remembered-mapping';
import { RowNotes } from '../import/RowNotes';
import { MEMBER_FIELDS } from '../../../shared/intake/read-responses';
import '../import/import.css';

const COUNTS: readonly (keyof IntakePlan['counts'])[] = [
  'ordersCreated', 'ordersUpdated', 'ordersUnchanged', 'membersCreated', 'linesRefused', 'responsesRefused',
];
const BAD_COUNTS = new Set<keyof IntakePlan['counts']>(['linesRefused', 'responsesRefused']);

interface OrderIntakePreviewProps {
  plan: IntakePlan;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
  /** The mapping step of an online form's export: the column at `position` of file `file` feeds another field, or none. */
  onRemap: (file: number, position: number, choice: Choice) => void;
}

/** How many orders the confirmation writes: new and changed ones. */
export function ordersToWrite(plan: IntakePlan): number {
  return plan.blockers.length > 0 ? 0 : plan.counts.ordersCreated + plan.counts.ordersUpdated;
}

/**
 * Every response of the files before anything is written: who it is, what it
 * orders, what it costs, what was refused and why (row and column), and what
 * the whole batch does to each product's stock. Only the confirmation writes.
 */
export function OrderIntakePreview({ plan, busy, onImport, onCancel, onRemap }: OrderIntakePreviewProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const titleId = useId();
  const ordersId = useId();
  const stockId = useId();
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const count = ordersToWrite(plan);
  // What an export's column can feed: the member's fields, then every product on sale as "Produit (Producteur)".
  const fields = [
    ...MEMBER_FIELDS.map((field) => ({ value: field, label: t(`intake.ui.field.${field}`) })),
    ...plan.products.map((product) => ({ value: `product:${product.productId}`, label: `${product.productName} (${product.producerName})` })),
  ];

  const memberCell = (order: PlannedOrder) => {
    const how = order.memberId === null ? 'intake.ui.newMember' : order.matchedBy === 'email' ? 'intake.ui.byEmail' : 'intake.ui.byName';
    return (
      <>
        {order.name || order.email}
        {order.issues.length === 0 && <span className="muted"> ({t(how)})</span>}
      </>
    );
  };
  const actionKey = (order: PlannedOrder): MessageKey => (order.action === null ? 'intake.ui.action.skipped' : `intake.ui.action.${order.action}`);

  return (
    <Dialog labelledBy={titleId} onClose={onCancel} busy={busy} className="dialog-import">
      <h2 id={titleId} className="dialog-title" tabIndex={-1} data-autofocus>
        {t('intake.ui.previewTitle')}
      </h2>
      <div className="import-body" tabIndex={0} role="region" aria-labelledby={titleId}>
        <h3>{t('intake.ui.files')}</h3>
        <ul className="intake-files">
          {plan.files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {t('intake.ui.fileLine', { name: file.name, kind: t(`intake.ui.kind.${file.kind}`), count: file.responses })}
              {file.issues.length > 0 && (
                <ul className="import-issues">
                  {file.issues.map((issue, issueIndex) => (
                    <li key={issueIndex}>
                      {issue.line === undefined ? t(issue.key, issue.params) : t('intake.ui.fileIssue', { line: issue.line, message: t(issue.key, issue.params) })}
                    </li>
                  ))}
                </ul>
              )}
              {file.ignoredColumns.length > 0 && <p className="import-unknown">{t('intake.ui.ignored', { columns: file.ignoredColumns.join(', ') })}</p>}
              {file.mappings && (
                <ColumnMappingTable mappings={file.mappings} fields={fields} busy={busy} onRemap={(position, choice) => onRemap(index, position, choice)} />
              )}
            </li>
          ))}
        </ul>
        {plan.blockers.length > 0 ? (
          <div role="alert" className="error-summary">
            <p className="error-summary-title">{t('intake.ui.blocked')}</p>
            <ul>
              {plan.blockers.map((issue, index) => (
                <li key={index}>{t(issue.key, issue.params)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p>{t('intake.ui.nothingWritten')}</p>
        )}
        <ImportCounts counts={COUNTS.map((key) => ({ label: t(`intake.ui.count.${key}`), value: plan.counts[key], bad: BAD_COUNTS.has(key) }))} />
        {plan.orders.length > 0 && (
          <>
            <h3 id={ordersId}>{t('intake.ui.orders')}</h3>
            <div className="table-frame">
              <table className="table import-table" aria-labelledby={ordersId}>
                <thead>
                  <tr>
                    <th scope="col">{t('intake.ui.col.where')}</th>
                    <th scope="col">{t('intake.ui.col.member')}</th>
                    <th scope="col">{t('intake.ui.col.action')}</th>
                    <th scope="col">{t('intake.ui.col.lines')}</th>
                    <th scope="col" className="numeric">{t('intake.ui.col.total')}</th>
                    <th scope="col">{t('intake.ui.col.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.orders.map((order, index) => {
                    const bad = order.issues.length > 0 || order.refused.length > 0;
                    return (
                      <tr key={`${order.file}-${order.line}-${index}`} className={bad ? 'import-row-bad' : order.warnings.length > 0 ? 'import-row-warned' : undefined}>
                        <th scope="row">{t('intake.ui.where', { file: order.file, line: order.line })}</th>
                        <td>{memberCell(order)}</td>
                        <td>
                          <span className={`import-action import-action-${order.action ?? 'skipped'}`}>{t(actionKey(order))}</span>
                        </td>
                        <td>
                          <ul className="intake-lines">
                            {order.lines.map((line) => (
                              <li key={line.productId}>
                                {line.before > 0 && line.before !== line.quantity
                                  ? t('intake.ui.lineChanged', { quantity: line.quantity, product: line.productName, before: line.before })
                                  : t('intake.ui.line', { quantity: line.quantity, product: line.productName })}
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td className="numeric">{order.action === null ? '' : money(order.totalCents)}</td>
                        <td>
                          <RowNotes
                            issues={[
                              ...order.issues.map((issue) => t(issue.key, issue.params)),
                              ...order.refused.map((cell) => t('intake.ui.refusedLine', { line: cell.line, column: cell.header, message: t(cell.key, cell.params) })),
                            ]}
                            warnings={order.warnings.map((warning) => t(warning.key, warning.params))}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
        {plan.stock.length > 0 && (
          <>
            <h3 id={stockId}>{t('intake.ui.stock')}</h3>
            <div className="table-frame">
              <table className="table" aria-labelledby={stockId}>
                <thead>
                  <tr>
                    <th scope="col">{t('intake.ui.col.product')}</th>
                    <th scope="col">{t('intake.ui.col.producer')}</th>
                    <th scope="col" className="numeric">{t('intake.ui.col.stock')}</th>
                    <th scope="col" className="numeric">{t('intake.ui.col.before')}</th>
                    <th scope="col" className="numeric">{t('intake.ui.col.after')}</th>
                    <th scope="col" className="numeric">{t('intake.ui.col.left')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.stock.map((row) => (
                    <tr key={row.productId}>
                      <th scope="row">{row.productName}</th>
                      <td>{row.producerName}</td>
                      <td className="numeric">{row.quantity ?? t('intake.ui.unlimited')}</td>
                      <td className="numeric">{row.orderedBefore}</td>
                      <td className="numeric">{row.orderedAfter}</td>
                      <td className="numeric">{row.quantity === null ? t('intake.ui.unlimited') : row.quantity - row.orderedAfter}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {count === 0 && <p className="import-nothing">{t('intake.ui.nothing')}</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        {count > 0 && (
          <button type="button" className="button button-primary" onClick={onImport} disabled={busy}>
            {busy ? t('intake.ui.importing') : t('intake.ui.confirm', { count })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
