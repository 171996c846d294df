import { useEffect, useMemo, type ReactNode } from 'react';
import type { Language } from '../../../shared/model/fields';
import { I18nContext, i18nFor } from './i18n-context';
import { rememberLanguage } from './remembered-language';

/** Provides `t` for one language and keeps `<html lang>` in step, so screen readers pronounce it right. */
export function I18nProvider({ language, timeZone, children }: { language: Language; timeZone: string; children: ReactNode }) {
  const i18n = useMemo(() => i18nFor(language, timeZone), [language, timeZone]);
  useEffect(() => {
    document.documentElement.lang = language;
    rememberLanguage(language);
  }, [language]);
  return <I18nContext value={i18n}>{children}</I18nContext>;
}
