import type { Language } from '../../../shared/model/fields';

const rules = { fr: new Intl.PluralRules('fr'), en: new Intl.PluralRules('en') } as const;

/**
 * The dictionary key for a count: `base.one` or `base.other`, by each
 * language's own rule (French says "0 commande", English "0 orders").
 */
export function pluralKey<B extends string>(language: Language, count: number, base: B): `${B}.one` | `${B}.other` {
  return rules[language].select(count) === 'one' ? `${base}.one` : `${base}.other`;
}
