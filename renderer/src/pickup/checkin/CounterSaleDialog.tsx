import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { dueAtCounter, paymentAtCounter } from '../../../../shared/accounts/due';
import type { PaymentMethod } from '../../../../shared/accounts/ledger';
import type { CounterPayment } from '../../../../shared/accounts/views';
import type { OfferRow } from '../../../../shared/catalogue/views';
import type { AppError } from '../../../../shared/contract/errors';
import type { Member } from '../../../../shared/model/member';
import { MethodChoice } from '../../accounts/MethodChoice';
import { amountText, parseAmount } from '../../accounts/money-input';
import { useMoney } from '../../accounts/use-money';
import { call } from '../../client';
import { Dialog } from '../../dialog/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import { useI18n } from '../../i18n/i18n-context';
import { readSale } from './counter-sale-lines';

interface CounterSaleDialogProps {
  distributionId: string;
  onClose: () => void;
  onSold: (sale: CounterPayment) => void;
}

/**
 * Leftover stock sold on the spot: only the products with stock left are
 * offered (read when the dialog opens), a quantity per product, the buyer (a
 * walk-in by default), and the payment with the change as it is typed. Pieces
 * sold by weight are weighed here and charged on that weight (issue 15). The
 * server checks the stock again when it records the sale, so two counters
 * selling the last loaf cannot both succeed.
 */
export function CounterSaleDialog({ distributionId, onClose, onSold }: CounterSaleDialogProps) {
  const { t, language } = useI18n();
  const money = useMoney();
  const titleId = useId();
  const [offers, setOffers] = useState<OfferRow[] | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [memberId, setMemberId] = useState('');
  const [balance, setBalance] = useState<{ memberId: string; cents: number } | null>(null);
  const [buyerName, setBuyerName] = useState('');
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const firstQuantity = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void call('offers.forDistribution', { distributionId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setOffers(outcome.value.filter((row) => row.remaining === null || row.remaining > 0));
      else setError(outcome.error);
    });
    void call('members.list', { archived: 'active' }).then((outcome) => live && outcome.ok && setMembers(outcome.value));
    return () => {
      live = false;
    };
  }, [distributionId]);

  // The products arrive after the dialog opened: the first quantity then takes the focus, ready to type.
  const loaded = offers !== null;
  useEffect(() => {
    if (loaded) firstQuantity.current?.focus();
  }, [loaded]);

  // A member's credit pays first, as for their order; a walk-in has none.
  useEffect(() => {
    let live = true;
    if (memberId !== '') {
      void call('accounts.statement', { memberId }).then((outcome) => live && outcome.ok && setBalance({ memberId, cents: outcome.value.balanceCents }));
    }
    return () => {
      live = false;
    };
  }, [memberId]);

  const { lines, totalCents: total, problems } = readSale(offers ?? [], quantities, weights);
  const byWeight = (offers ?? []).some((row) => row.product.pricing === 'weight');
  const balanceCents = memberId !== '' && balance?.memberId === memberId ? balance.cents : 0;
  const due = dueAtCounter(total, balanceCents).dueCents;
  // The amount follows what is due until the organiser types another.
  const amountShown = amount ?? amountText(language, due);
  const tendered = parseAmount(amountShown);
  const effect = tendered === null ? null : paymentAtCounter(method, due, tendered, memberId === '');
  const amountLabel = t(method === 'cash' ? 'counter.field.tendered' : 'counter.field.paid');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (problems.length > 0) {
      setError({ key: 'error.invalidInput', issues: problems });
      return;
    }
    if (tendered === null) {
      setError({ key: 'error.invalidInput', issues: [{ path: 'tenderedCents', key: 'accounts.amountUnreadable' }] });
      return;
    }
    setBusy(true);
    const outcome = await call('counter.sell', {
      distributionId,
      memberId: memberId === '' ? null : memberId,
      buyerName,
      lines: lines.map(({ row, quantity, grams }) => ({ productId: row.product.id, quantity, ...(grams === null ? {} : { grams }) })),
      method,
      tenderedCents: tendered,
    });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    onSold(outcome.value);
  }

  const issueAt = (path: string) => error?.issues?.find((issue) => issue.path === path);

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-wide">
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('counter.sale.title')}
        </h2>
        <p className="muted">{t('counter.sale.intro')}</p>
        <ErrorSummary
          error={error}
          labelFor={(path) => {
            const row = offers?.find((candidate) => path === `quantity-${candidate.product.id}`);
            if (row) return t('counter.sale.quantityLabel', { product: row.product.name });
            const weighed = offers?.find((candidate) => path === `weight-${candidate.product.id}`);
            if (weighed) return t('counter.sale.weightLabel', { product: weighed.product.name });
            return path === 'tenderedCents' ? amountLabel : path === 'lines' ? t('counter.sale.products') : undefined;
          }}
        />
        {offers === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : offers.length === 0 ? (
          <p className="empty-state">{t('counter.sale.nothing')}</p>
        ) : (
          <div className="table-frame">
            <table className="table counter-sale-table">
              <caption className="visually-hidden">{t('counter.sale.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('counter.sale.product')}</th>
                  <th scope="col">{t('counter.sale.producer')}</th>
                  <th scope="col" className="numeric">
                    {t('counter.sale.price')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('counter.sale.remaining')}
                  </th>
                  <th scope="col">{t('counter.sale.quantity')}</th>
                  {byWeight && <th scope="col">{t('counter.sale.weight')}</th>}
                </tr>
              </thead>
              <tbody>
                {offers.map((row, index) => {
                  const issue = issueAt(`quantity-${row.product.id}`);
                  const weightIssue = issueAt(`weight-${row.product.id}`);
                  return (
                    <tr key={row.product.id}>
                      <th scope="row">{row.product.name}</th>
                      <td>{row.producer.name}</td>
                      <td className="numeric">{row.product.pricing === 'weight' ? t('weight.perKg', { price: money(row.priceCents) }) : money(row.priceCents)}</td>
                      <td className="numeric">{row.remaining ?? t('counter.sale.unlimited')}</td>
                      <td>
                        <input
                          type="text"
                          inputMode="numeric"
                          autoComplete="off"
                          aria-label={t('counter.sale.quantityLabel', { product: row.product.name })}
                          aria-invalid={issue ? true : undefined}
                          value={quantities[row.product.id] ?? ''}
                          onChange={(event) => setQuantities((current) => ({ ...current, [row.product.id]: event.target.value }))}
                          ref={index === 0 ? firstQuantity : undefined}
                        />
                        {issue && <p className="field-error">{t(issue.key, issue.params)}</p>}
                      </td>
                      {byWeight && (
                        <td>
                          {row.product.pricing === 'weight' && (
                            <>
                              <input
                                type="text"
                                inputMode="decimal"
                                autoComplete="off"
                                placeholder={t('weight.placeholder')}
                                aria-label={t('counter.sale.weightLabel', { product: row.product.name })}
                                aria-invalid={weightIssue ? true : undefined}
                                value={weights[row.product.id] ?? ''}
                                onChange={(event) => setWeights((current) => ({ ...current, [row.product.id]: event.target.value }))}
                              />
                              {weightIssue && <p className="field-error">{t(weightIssue.key, weightIssue.params)}</p>}
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="till-expected">{t('counter.sale.total', { amount: money(total) })}</p>
        <Field form="sale" name="buyer" label={t('counter.sale.buyer')}>
          {(props) => (
            <select {...props} value={memberId} onChange={(event) => setMemberId(event.target.value)}>
              <option value="">{t('counter.sale.walkIn')}</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {memberId === '' && (
          <Field form="sale" name="buyerName" label={t('counter.sale.buyerName')}>
            {(props) => <input {...props} type="text" autoComplete="off" maxLength={120} value={buyerName} onChange={(event) => setBuyerName(event.target.value)} />}
          </Field>
        )}
        {memberId !== '' && due !== total && <p>{t('counter.pay.due', { amount: money(due) })}</p>}
        <MethodChoice name="sale-method" value={method} onChange={setMethod} />
        <Field form="sale" name="tenderedCents" label={amountLabel} issue={error?.issues?.find((issue) => issue.path === 'tenderedCents')}>
          {(props) => (
            <input {...props} type="text" inputMode="decimal" autoComplete="off" value={amountShown} onChange={(event) => setAmount(event.target.value)} onFocus={(event) => event.target.select()} />
          )}
        </Field>
        <div className="pay-effect" aria-live="polite">
          {effect && (method === 'cash' || memberId === '') && <p className="pay-change">{t('counter.change', { amount: money(effect.changeCents) })}</p>}
          {effect && effect.unpaidCents > 0 && <p className="pay-unpaid">{t('counter.unpaid', { amount: money(effect.unpaidCents) })}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || lines.length === 0}>
            {t('counter.sale.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
