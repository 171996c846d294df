/**
 * Typed stock must not vanish with a stray click on the menu. While `dirty`,
 * an in-app move (a link, another producer, Back) is held and `pending` holds
 * where it was going, for the page to ask first; closing or reloading the tab
 * gets the browser's own question.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface LeaveGuard {
  /** Where the organiser wanted to go, while the page asks; null otherwise. */
  pending: string | null;
  stay: () => void;
  leave: () => void;
}

export function useLeaveGuard(dirty: boolean): LeaveGuard {
  const [pending, setPending] = useState<string | null>(null);
  const leaving = useRef(false);

  useEffect(() => {
    if (!dirty) return;
    leaving.current = false;
    const hold = (url: string) => {
      if (leaving.current || url === window.location.href) return false;
      setPending(url);
      return true;
    };

    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Electron shows no question on beforeunload, it silently keeps the window open:
    // only the browser host asks here (the window's own close stays the main process's business).
    const inBrowser = window.cabas === undefined;
    if (inBrowser) window.addEventListener('beforeunload', onBeforeUnload);

    // The Navigation API sees every in-page move: links, `location.hash = …`, Back and Forward.
    const onNavigate = (event: NavigateEvent) => {
      if (event.hashChange && event.cancelable && hold(event.destination.url)) event.preventDefault();
    };
    // Without it (older browsers), at least the links.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
      if (link && hold(link.href)) event.preventDefault();
    };
    const navigation = 'navigation' in window ? window.navigation : undefined;
    if (navigation) navigation.addEventListener('navigate', onNavigate);
    else document.addEventListener('click', onClick, true);

    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      navigation?.removeEventListener('navigate', onNavigate);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  const stay = useCallback(() => setPending(null), []);
  const leave = useCallback(() => {
    leaving.current = true;
    setPending(null);
    if (pending) window.location.href = pending;
  }, [pending]);

  return { pending, stay, leave };
}
