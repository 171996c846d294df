/**
 * The language the whole UI speaks. Components read `t` from here rather than
 * importing a dictionary, so switching the relay's language re-renders everything at once.
 */
import { createContext, useContext } from 'react';
import type { MessageParams } from '../../../shared/contract/errors';
import type { Language } from '../../../shared/model/fields';
import { translate, type MessageKey } from '../../../shared/i18n/messages';

export interface I18n {
  language: Language;
  /** The relay's time zone: every instant on screen is read on the relay's clock (the machine's only before the relay is read). */
  timeZone: string;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export function i18nFor(language: Language, timeZone: string): I18n {
  return { language, timeZone, t: (key, params) => translate(language, key, params) };
}

/** Before the relay settings are read (start-up, recovery) the machine's zone is all there is. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export const I18nContext = createContext<I18n>(i18nFor('fr', machineTimeZone()));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
