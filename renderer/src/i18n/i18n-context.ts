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
  t: (key: MessageKey, params?: MessageParams) => string;
}

export function i18nFor(language: Language): I18n {
  return { language, t: (key, params) => translate(language, key, params) };
}

export const I18nContext = createContext<I18n>(i18nFor('fr'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
