import type { Language } from '../model/fields';
import type { MessageParams } from '../contract/errors';
import { en } from './en';
import { fr } from './fr';

export type MessageKey = keyof typeof fr;
/** Every language must translate every key: a missing one is a type error. */
export type Dictionary = Record<MessageKey, string>;

const dictionaries: Record<Language, Dictionary> = { fr, en };
const pluralRules: Record<Language, Intl.PluralRules> = { fr: new Intl.PluralRules('fr'), en: new Intl.PluralRules('en') };

/**
 * Fills a message. Two forms, a small subset of ICU MessageFormat:
 * - `{name}` is replaced by the param;
 * - `{count, plural, one {# producteur} other {# producteurs}}` picks the branch by
 *   the language's own plural rule (French says "0 producteur" and "1,5 kg",
 *   English "0 producers"), `=0 {…}` first when given; `#` is the count.
 * A message can hold several counts ("2 membres créés, 1 mis à jour"), which
 * a key per plural form could not say.
 */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[language][key] ?? key;
  if (!params) return template;
  return fill(template, language, params, undefined);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/** The argument names a message uses, plural ones included: both languages must use the same. */
export function messageArguments(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{(\w+)(?=[},])/g)) names.add(match[1]!);
  return [...names].sort();
}

function fill(text: string, language: Language, params: MessageParams, count: string | number | undefined): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '#' && count !== undefined) {
      result += String(count);
      index += 1;
      continue;
    }
    if (char !== '{') {
      result += char;
      index += 1;
      continue;
    }
    const end = matchingBrace(text, index);
    if (end < 0) return result + text.slice(index);
    const inner = text.slice(index + 1, end);
    result += placeholder(inner, language, params, count) ?? text.slice(index, end + 1);
    index = end + 1;
  }
  return result;
}

function placeholder(inner: string, language: Language, params: MessageParams, count: string | number | undefined): string | undefined {
  const simple = /^(\w+)$/.exec(inner);
  if (simple) return Object.hasOwn(params, simple[1]!) ? String(params[simple[1]!]) : undefined;
  const plural = /^(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!plural) return undefined;
  const name = plural[1]!;
  if (!Object.hasOwn(params, name)) return undefined;
  const value = params[name]!;
  const branches = pluralBranches(inner.slice(plural[0].length));
  // A count can come as text ("1,5 kg"): its leading number decides.
  const number = typeof value === 'number' ? value : Number.parseFloat(String(value).replace(',', '.'));
  const exact = Number.isFinite(number) ? branches.get(`=${number}`) : undefined;
  const category = Number.isFinite(number) ? pluralRules[language].select(number) : 'other';
  const branch = exact ?? branches.get(category) ?? branches.get('other');
  return branch === undefined ? undefined : fill(branch, language, params, value ?? count);
}

/** `one {…} other {…}` → one → …, other → …; braces inside a branch are kept whole. */
function pluralBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let index = 0;
  for (;;) {
    selector.lastIndex = index;
    const match = selector.exec(text);
    if (!match) break;
    const open = selector.lastIndex - 1;
    const end = matchingBrace(text, open);
    if (end < 0) break;
    branches.set(match[1]!, text.slice(open + 1, end));
    index = end + 1;
  }
  return branches;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
