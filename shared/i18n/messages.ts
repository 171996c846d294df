import type { Language } from '../model/fields';
import type { MessageParams } from '../contract/errors';
import { en } from './en';
import { fr } from './fr';

export type MessageKey = keyof typeof fr;
/** Every language must translate every key: a missing one is a type error. */
export type Dictionary = Record<MessageKey, string>;

const dictionaries: Record<Language, Dictionary> = { fr, en };

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[language][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}
