import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { isMessageKey, messageArguments, translate, type MessageKey } from './messages';

const placeholders = messageArguments;
const keys = Object.keys(fr) as MessageKey[];

describe('dictionaries', () => {
  it('translate every French key into English, with no empty text', () => {
    const missing = keys.filter((key) => typeof en[key] !== 'string' || en[key].trim() === '');
    expect(missing).toEqual([]);
    const emptyFrench = keys.filter((key) => fr[key].trim() === '');
    expect(emptyFrench).toEqual([]);
  });

  it('have no English key that French lacks', () => {
    expect(Object.keys(en).filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('use the same {placeholders} in both languages for every key', () => {
    const mismatched = keys
      .filter((key) => placeholders(fr[key]).join() !== placeholders(en[key]).join())
      .map((key) => `${key}: fr {${placeholders(fr[key])}} en {${placeholders(en[key])}}`);
    expect(mismatched).toEqual([]);
  });

  it('never write a count as "producteur(s)": plurals go through {count, plural, …}', () => {
    const hedged = (text: string) => /\w\((s|x|e|es)\)/.test(text);
    expect(keys.filter((key) => hedged(fr[key]) || hedged(en[key]))).toEqual([]);
  });

  it('give every plural an "other" branch', () => {
    const plurals = (text: string) => [...text.matchAll(/\{\w+, plural,/g)].length;
    const others = (text: string) => [...text.matchAll(/ other \{/g)].length;
    const broken = keys.filter((key) => [fr[key], en[key]].some((text) => others(text) < plurals(text)));
    expect(broken).toEqual([]);
  });
});

describe('translate', () => {
  it('puts the French space before a colon in French only: the shop’s stock left reads "Left: 3" in English', () => {
    expect(translate('fr', 'shopPage.remaining', { count: 3 })).toBe('Reste : 3');
    expect(translate('en', 'shopPage.remaining', { count: 3 })).toBe('Left: 3');
    expect(translate('en', 'shopPage.remaining', { count: translate('en', 'shopPage.unlimited') })).toBe('Left: no limit');
  });

  it('fills the placeholders with the facts', () => {
    expect(translate('fr', 'producers.created', { name: 'Ferme du Bois' })).toBe(
      fr['producers.created'].replace('{name}', 'Ferme du Bois'),
    );
    expect(translate('en', 'validation.max', { max: 10000 })).toBe('The value must be at most 10000.');
  });

  it('leaves a placeholder it has no value for, rather than printing "undefined"', () => {
    expect(translate('en', 'validation.max', {})).toBe('The value must be at most {max}.');
  });

  it('does not read a placeholder from the prototype chain', () => {
    expect(translate('en', 'validation.max', Object.create({ max: 'inherited' }))).toContain('{max}');
  });

  it('returns the template when there are no params', () => {
    expect(translate('fr', 'common.save')).toBe(fr['common.save']);
    expect(translate('en', 'common.save')).toBe('Save');
  });

  it('says "1 producteur", "0 producteur" and "12 producteurs" in French, "0 producers" in English', () => {
    expect(translate('fr', 'producers.count', { count: 1 })).toBe('1 producteur');
    expect(translate('fr', 'producers.count', { count: 0 })).toBe('0 producteur');
    expect(translate('fr', 'producers.count', { count: 12 })).toBe('12 producteurs');
    expect(translate('en', 'producers.count', { count: 1 })).toBe('1 producer');
    expect(translate('en', 'producers.count', { count: 0 })).toBe('0 producers');
  });

  it('agrees each count of a message on its own', () => {
    expect(translate('fr', 'checkin.results', { count: 1 })).toBe('1 commande trouvée');
    expect(translate('fr', 'checkin.results', { count: 3 })).toBe('3 commandes trouvées');
    expect(translate('fr', 'sync.done', { received: 1, sent: 4 })).toBe('Synchronisation terminée : 1 changement reçu, 4 envoyés.');
    expect(translate('en', 'sync.done', { received: 2, sent: 1 })).toBe('Sync finished: 2 changes received, 1 sent.');
  });

  it('fills placeholders inside a plural branch and reads a count given as text', () => {
    expect(translate('en', 'slots.generate.previewCount', { count: 1, capacity: 8 })).toBe('1 slot of 8 orders');
    expect(translate('fr', 'orders.shownOf', { shown: '1', count: 5 })).toBe('1 commande affichée sur 5');
  });

  it('leaves a plural whose count is missing as written, rather than guessing', () => {
    expect(translate('en', 'producers.count', {})).toContain('{count, plural,');
  });
});
