import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Product } from '../../../shared/model/product';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { productsInCategory, sameCategory } from './categories';

const FORM = 'category';

interface CategoriesDialogProps {
  /** Every product, archived ones included: a category any of them uses is not removed. */
  products: readonly Product[];
  /** After each change: the page shows the notice too and reads the products again (a rename moves them). */
  onChanged: (notice: Notice) => void;
  onClose: () => void;
}

/**
 * The relay's list of product categories: add, rename (its products follow),
 * remove (refused while a product uses it). Each change is saved at once.
 */
export function CategoriesDialog({ products, onChanged, onClose }: CategoriesDialogProps) {
  const { t } = useI18n();
  const { relay, relaySaved } = useReadyApp();
  const titleId = useId();
  const listHeadingId = useId();
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ index: number; text: string } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  /** Where the focus goes after a change takes the focused control away. */
  const focusNext = useRef<string | null>(null);
  const categories = relay.categories;

  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const refuse = (refusal: AppError) => {
    setError(refusal);
    setNotice(null);
  };

  const done = (next: Notice) => {
    setError(null);
    setNotice(next);
    onChanged(next);
  };

  async function saveList(next: string[]): Promise<boolean> {
    setBusy(true);
    const outcome = await call('relay.update', { categories: next });
    setBusy(false);
    if (!outcome.ok) {
      refuse(outcome.error);
      return false;
    }
    relaySaved(outcome.value);
    return true;
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = newName.trim();
    if (busy) return;
    if (name === '') return refuse({ key: 'error.invalidInput', issues: [{ path: 'new', key: 'validation.required' }] });
    const existing = categories.find((category) => sameCategory(category, name));
    if (existing) return refuse({ key: 'catalogue.categories.exists', params: { name: existing } });
    if (await saveList([...categories, name])) {
      setNewName('');
      done({ key: 'catalogue.categories.added', params: { name } });
    }
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!renaming || busy) return;
    const from = categories[renaming.index]!;
    const to = renaming.text.trim();
    focusNext.current = renameId(renaming.index);
    if (to === from) return setRenaming(null);
    if (to === '') return refuse({ key: 'error.invalidInput', issues: [{ path: 'rename', key: 'validation.required' }] });
    const clash = categories.find((category, index) => index !== renaming.index && sameCategory(category, to));
    if (clash) return refuse({ key: 'catalogue.categories.exists', params: { name: clash } });
    if (!(await saveList(categories.map((category, index) => (index === renaming.index ? to : category))))) return;
    setRenaming(null);
    // No single operation renames a category everywhere yet: each product follows with its own update.
    setBusy(true);
    const moving = products.filter((product) => sameCategory(product.category, from) && product.category !== to);
    const outcomes = await Promise.all(moving.map((product) => call('products.update', { id: product.id, changes: { category: to } })));
    setBusy(false);
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    done(
      failed === 0
        ? { key: 'catalogue.categories.renamed', params: { from, to, count: moving.length } }
        : { key: 'catalogue.categories.renamePartial', params: { from, to, failed } },
    );
  }

  async function remove(index: number) {
    const name = categories[index]!;
    const used = productsInCategory(products, name);
    if (used > 0) return refuse({ key: 'catalogue.categories.inUse', params: { name, count: used } });
    if (categories.length === 1) return refuse({ key: 'catalogue.categories.lastOne' });
    focusNext.current = listHeadingId;
    if (await saveList(categories.filter((_, at) => at !== index))) done({ key: 'catalogue.categories.removed', params: { name } });
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-categories">
      <h2 id={titleId} className="dialog-title">
        {t('catalogue.categories.title')}
      </h2>
      <p className="field-hint">{t('catalogue.categories.help')}</p>
      <StatusMessage notice={notice} />
      <ErrorSummary error={error} labelFor={() => undefined} />
      <h3 id={listHeadingId} tabIndex={-1} className="category-list-heading">
        {t('catalogue.categories.list')}
      </h3>
      <ul className="category-list" aria-labelledby={listHeadingId}>
        {categories.map((category, index) => {
          const used = productsInCategory(products, category);
          if (renaming?.index === index) {
            return (
              <li key={category} className="category-item">
                <form className="category-rename" onSubmit={(event) => void rename(event)} noValidate>
                  <label htmlFor="category-rename" className="visually-hidden">
                    {t('catalogue.categories.newName', { name: category })}
                  </label>
                  <input
                    id="category-rename"
                    value={renaming.text}
                    autoComplete="off"
                    autoFocus
                    onChange={(event) => setRenaming({ index, text: event.target.value })}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') {
                        // Escape leaves the rename, not the whole dialog.
                        event.preventDefault();
                        event.stopPropagation();
                        focusNext.current = renameId(index);
                        setRenaming(null);
                      }
                    }}
                  />
                  <button type="submit" className="button button-small button-primary" disabled={busy}>
                    {t('common.save')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() => {
                      focusNext.current = renameId(index);
                      setRenaming(null);
                    }}
                  >
                    {t('common.cancel')}
                  </button>
                </form>
              </li>
            );
          }
          return (
            <li key={category} className="category-item">
              <span className="category-name">{category}</span>
              <span className="category-usage">{t('catalogue.categories.usage', { count: used })}</span>
              <span className="category-actions">
                <button
                  id={renameId(index)}
                  type="button"
                  className="button button-small"
                  aria-label={t('catalogue.categories.renameLabel', { name: category })}
                  disabled={busy}
                  onClick={() => {
                    setError(null);
                    setRenaming({ index, text: category });
                  }}
                >
                  {t('catalogue.categories.rename')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('catalogue.categories.removeLabel', { name: category })}
                  disabled={busy}
                  onClick={() => void remove(index)}
                >
                  {t('catalogue.categories.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <form className="category-add" onSubmit={(event) => void add(event)} noValidate>
        <Field form={FORM} name="new" label={t('catalogue.categories.new')} issue={error?.issues?.find((issue) => issue.path === 'new')}>
          {(props) => <input {...props} value={newName} autoComplete="off" onChange={(event) => setNewName(event.target.value)} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t('catalogue.categories.add')}
        </button>
      </form>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

function renameId(index: number): string {
  return `category-${index}-rename`;
}
