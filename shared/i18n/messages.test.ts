import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { isMessageKey, translate, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
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
});

describe('translate', () => {
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
});
