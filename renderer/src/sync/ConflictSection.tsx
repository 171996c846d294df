import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface ConflictSectionProps {
  id: string;
  title: string;
  help: string;
  /** Column headings; the last column, the actions, is named for screen readers only. */
  columns: readonly string[];
  /** The table's rows. */
  children: ReactNode;
  /** What goes under the table (a confirmation dialog). */
  after?: ReactNode;
}

/** One kind of conflict: a headed panel with a short explanation and one table row per conflict. */
export function ConflictSection({ id, title, help, columns, children, after }: ConflictSectionProps) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="field-hint">{help}</p>
      <div className="table-frame">
        <table className="table sync-conflict-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {after}
    </section>
  );
}
