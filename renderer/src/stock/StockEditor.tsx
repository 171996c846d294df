import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StockGrid } from '../../../shared/catalogue/views';
import type { AppError, Outcome } from '../../../shared/contract/errors';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { PageError } from '../forms/PageError';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { shortDay } from '../../../shared/i18n/format';
import {
  cellKey,
  copyWeek,
  fillDefaults,
  pendingEntries,
  readQuantity,
  savedDraft,
  textOfCell,
  type CellText,
  type DraftChange,
  type Problem,
  type StockDraft,
} from './stock-draft';
import { StockTable, type CellField } from './StockTable';
import { useLeaveGuard } from './use-leave-guard';

/** The next four distributions: a month ahead, what a producer plans at once. */
const WEEKS = 4;

interface StockEditorProps {
  producerId: string;
  onNotice: (notice: Notice | null) => void;
}

/**
 * One producer's grid: loads it, keeps every typed text until it is saved in
 * one offers.saveMany, and keeps it all when the save is refused.
 */
export function StockEditor({ producerId, onNotice }: StockEditorProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const words = useMemo(() => ({ unlimited: t('stock.unlimited'), decimalSeparator: language === 'fr' ? ',' : '.' }), [t, language]);

  const [grid, setGrid] = useState<StockGrid | null>(null);
  const [draft, setDraft] = useState<StockDraft>({});
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  /** Cells the server refused (stock below what is ordered), with the reason. */
  const [refused, setRefused] = useState<ReadonlyMap<string, Problem>>(new Map());
  /** The cell being typed in: its problem waits until it is left. */
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [showPrices, setShowPrices] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (outcome: Outcome<StockGrid>) => {
      if (!outcome.ok) {
        setLoadError(outcome.error);
        return;
      }
      setLoadError(null);
      setGrid(outcome.value);
      setDraft(savedDraft(outcome.value, words));
      setRefused(new Map());
      // A saved price of the week shows at once, rather than hiding behind the toggle.
      if (outcome.value.cells.some((cell) => cell.priceCents !== null)) setShowPrices(true);
    },
    [words],
  );
  const fetchGrid = useCallback(() => call('offers.stockGrid', { producerId, weeks: WEEKS }), [producerId]);

  useEffect(() => {
    let live = true;
    void fetchGrid().then((outcome) => {
      if (live) show(outcome);
    });
    return () => {
      live = false;
    };
  }, [fetchGrid, show]);

  const pending = useMemo(() => (grid ? pendingEntries(grid, draft) : { entries: [], problems: [] }), [grid, draft]);
  const changedCount = pending.entries.length + pending.problems.length;
  const guard = useLeaveGuard(changedCount > 0);

  const problems = useMemo(() => {
    const shown = new Map<string, Problem>(refused);
    for (const { distributionId, productId, problem } of pending.problems) {
      const key = cellKey(distributionId, productId);
      if (key !== activeKey) shown.set(key, problem);
    }
    return shown;
  }, [pending.problems, refused, activeKey]);

  if (loadError) return <PageError error={loadError} />;
  if (!grid) return <p className="muted">{t('app.loading')}</p>;
  if (grid.products.length === 0) return <p className="empty-state">{t('stock.noProducts', { producer: grid.producer.name })}</p>;
  if (grid.distributions.length === 0) return <p className="empty-state">{t('stock.noDistributions')}</p>;

  const productName = (productId: string) => grid.products.find((product) => product.id === productId)?.name ?? '';
  const dayOf = (distributionId: string) => {
    const distribution = grid.distributions.find((candidate) => candidate.id === distributionId);
    return distribution ? shortDay(language, distribution.pickupDate) : '';
  };
  const cellLabel = (key: string) => {
    const [distributionId = '', productId = ''] = key.split(':');
    return t('stock.cellLabel', { product: productName(productId), day: dayOf(distributionId) });
  };

  const edit = (key: string, change: (text: CellText) => CellText) => {
    setDraft((current) => ({ ...current, [key]: change(current[key] ?? { quantity: '', price: '' }) }));
    setRefused((current) => {
      if (!current.has(key)) return current;
      const next = new Map(current);
      next.delete(key);
      return next;
    });
  };

  const applied = (change: DraftChange, notice: Notice) => {
    setDraft(change.draft);
    onNotice(notice);
  };

  function copyPrevious(column: number) {
    const target = grid!.distributions[column]!;
    const savedPrevious = new Map(grid!.previous.map((cell) => [cell.productId, cell]));
    const source =
      column === 0
        ? (productId: string) => textOfCell(savedPrevious.get(productId), words)
        : (productId: string) => draft[cellKey(grid!.distributions[column - 1]!.id, productId)] ?? { quantity: '', price: '' };
    const change = copyWeek(draft, grid!.products.map((product) => product.id), source, target.id);
    const day = shortDay(language, target.pickupDate);
    applied(
      change,
      change.count === 0
        ? { key: 'stock.copiedNothing', params: { day } }
        : { key: 'stock.copied', params: { day, count: change.count } },
    );
  }

  function fill(distributionIds: string[]) {
    const change = fillDefaults(draft, grid!.products, distributionIds);
    applied(
      change,
      change.count === 0 ? { key: 'stock.filledNothing' } : { key: 'stock.filled', params: { count: change.count } },
    );
  }

  function toggleUnlimited(key: string) {
    edit(key, (text) => {
      const read = readQuantity(text.quantity);
      return { ...text, quantity: read.ok && read.value.kind === 'unlimited' ? '' : words.unlimited };
    });
  }

  function leaveCell(key: string) {
    setActiveKey(null);
    // "*" and "∞" read as unlimited; once left, the cell says it in words.
    const read = readQuantity(draft[key]?.quantity ?? '');
    if (read.ok && read.value.kind === 'unlimited' && draft[key]?.quantity !== words.unlimited) {
      edit(key, (text) => ({ ...text, quantity: words.unlimited }));
    }
  }

  /** After a refusal, the cells of the named product that go below what is ordered. */
  function refusedCells(error: AppError): Map<string, Problem> {
    const marked = new Map<string, Problem>();
    if (error.key !== 'error.stockBelowOrdered') return marked;
    const saved = new Map(grid!.cells.map((cell) => [cellKey(cell.distributionId, cell.productId), cell]));
    for (const product of grid!.products.filter((candidate) => candidate.name === error.params?.product)) {
      for (const distribution of grid!.distributions) {
        const key = cellKey(distribution.id, product.id);
        const ordered = saved.get(key)?.ordered ?? 0;
        const read = readQuantity(draft[key]?.quantity ?? '');
        const below = read.ok && (read.value.kind === 'none' || (read.value.kind === 'stock' && read.value.value < ordered));
        if (ordered > 0 && below) marked.set(key, { key: error.key, params: error.params });
      }
    }
    return marked;
  }

  async function save() {
    setActiveKey(null);
    if (pending.problems.length > 0) {
      setSaveError({
        key: 'stock.invalidCells',
        issues: pending.problems.map(({ distributionId, productId, problem }) => ({
          path: cellKey(distributionId, productId),
          key: problem.key,
          params: problem.params,
        })),
      });
      return;
    }
    if (pending.entries.length === 0) {
      setSaveError(null);
      onNotice({ key: 'stock.nothingToSave' });
      return;
    }
    setBusy(true);
    onNotice(null);
    const count = pending.entries.length;
    const outcome = await call('offers.saveMany', { entries: pending.entries });
    setBusy(false);
    if (!outcome.ok) {
      // Nothing was saved (all or nothing): every typed text stays for the producer to fix one cell.
      setSaveError(outcome.error);
      setRefused(refusedCells(outcome.error));
      return;
    }
    setSaveError(null);
    // Announced once the grid shows what is saved, so nothing on screen still reads as unsaved.
    show(await fetchGrid());
    onNotice({ key: 'stock.saved', params: { count } });
  }

  function discard() {
    setDraft(savedDraft(grid!, words));
    setRefused(new Map());
    setSaveError(null);
    onNotice({ key: 'stock.discarded' });
  }

  return (
    <>
      <p id="stock-help" className="stock-help">
        {t('stock.help')}
      </p>
      <div className="toolbar stock-toolbar">
        <label className="stock-toggle">
          <input type="checkbox" checked={showPrices} onChange={(event) => setShowPrices(event.target.checked)} />
          <span>{t('stock.showPrices')}</span>
        </label>
        <button type="button" className="button" onClick={() => fill(grid.distributions.map((distribution) => distribution.id))}>
          {t('stock.fillAll')}
        </button>
      </div>
      {saveError?.issues ? (
        <ErrorSummary error={saveError} labelFor={cellLabel} />
      ) : (
        <PageError error={saveError} />
      )}
      <StockTable
        grid={grid}
        draft={draft}
        showPrices={showPrices}
        currency={relay.currency}
        problems={problems}
        onType={(key, field: CellField, text) => {
          setActiveKey(key);
          edit(key, (current) => ({ ...current, [field]: text }));
        }}
        onToggleUnlimited={toggleUnlimited}
        onRevert={(key) => {
          const cell = grid.cells.find((candidate) => cellKey(candidate.distributionId, candidate.productId) === key);
          edit(key, () => textOfCell(cell, words));
        }}
        onLeaveCell={leaveCell}
        onCopyPrevious={copyPrevious}
        onFillColumn={(column) => fill([grid.distributions[column]!.id])}
      />
      <div className="stock-actions">
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={discard} disabled={busy || changedCount === 0}>
          {t('stock.discard')}
        </button>
        <span className="stock-changed-count">
          {changedCount > 0 && t('stock.changed', { count: changedCount })}
        </span>
      </div>
      {guard.pending && (
        <ConfirmDialog
          title={t('stock.leaveTitle')}
          body={t('stock.leaveBody', { count: changedCount })}
          confirmLabel={t('stock.leave')}
          onConfirm={guard.leave}
          onCancel={guard.stay}
        />
      )}
    </>
  );
}
