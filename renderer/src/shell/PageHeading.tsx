import { useContext, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { PageFocusContext } from './page-focus';

/**
 * The page's <h1>. After a navigation it takes the focus, so keyboard and
 * screen-reader users land on the new page instead of staying in the menu;
 * it also names the window.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useI18n();
  const navigated = useContext(PageFocusContext);
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, [navigated]);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: children });
  }, [t, children]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
