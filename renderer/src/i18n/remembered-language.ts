/**
 * The relay's language lives in the relay settings, which cannot be read when a
 * data file is damaged. Remembering the last one used on this machine lets the
 * recovery screen still speak the organiser's language.
 */
import type { Language } from '../../../shared/model/fields';

const KEY = 'cabas.language';

export function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Storage can be unavailable (private mode, sandbox); the fallback is French, which is fine.
  }
}
