import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { longDay } from '../../../shared/i18n/format';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { unplacedText } from './unplaced-text';

interface RepeatLastButtonProps {
  distributionId: string;
  memberId: string;
  /** The order was written: read it and the stock again. */
  onRepeated: (notice: Notice) => Promise<void>;
  onError: (error: AppError) => void;
}

/** "Same as last week": the member's previous order copied into this one, within stock; what could not be placed is said. */
export function RepeatLastButton({ distributionId, memberId, onRepeated, onError }: RepeatLastButtonProps) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const repeat = async () => {
    setBusy(true);
    const outcome = await call('orders.repeatLast', { distributionId, memberId });
    setBusy(false);
    if (!outcome.ok) return onError(outcome.error);
    const { placed, fromPickupDate, unplaced } = outcome.value;
    await onRepeated({
      key: 'repeat.done',
      params: { count: placed, date: longDay(language, fromPickupDate) },
      warnings: unplaced.map((line) => ({ key: 'repeat.unplacedLine', params: { line: unplacedText(t, line) } })),
    });
  };
  return (
    <button type="button" className="button" disabled={busy} onClick={() => void repeat()}>
      {t('repeat.button')}
    </button>
  );
}
