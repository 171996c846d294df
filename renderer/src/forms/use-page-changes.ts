/**
 * What a list page keeps between its actions: the last notice for its status
 * region, the last refusal, and a version that every change bumps so the
 * lists are read again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Notice } from './StatusMessage';

export function usePageChanges() {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const changed = useCallback((next: Notice) => {
    setNotice(next);
    setActionError(null);
    setVersion((current) => current + 1);
  }, []);
  return { version, notice, setNotice, actionError, setActionError, changed };
}

/** Archiving or restoring can take away the row whose button had the focus: land on the heading, not on <body>. */
export function useHeadingFocusAfterChange(list: unknown, version: number): void {
  useEffect(() => {
    if (version > 0 && document.activeElement === document.body) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [list, version]);
}
