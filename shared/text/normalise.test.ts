import { describe, expect, it } from 'vitest';
import { compareText, fold, matchesQuery } from './normalise';

describe('fold', () => {
  it('ignores accents, case and runs of spaces', () => {
    expect(fold('Ferme de l’Églantier')).toBe(fold('ferme de l’eglantier'));
    expect(fold('  ÉPEAUTRE   Bio ')).toBe('epeautre bio');
    expect(fold('Çà et là')).toBe('ca et la');
  });

  it('ignores the kind of apostrophe: a spreadsheet’s ’ is the ’ typed as \'', () => {
    expect(fold('Le Verger d’Anaïs')).toBe(fold("le verger d'Anais"));
  });
});

describe('matchesQuery', () => {
  const haystacks = ['Ferme de l’Églantier', 'GAEC des Prés', 'Jean-Noël Dupont', 'contact@eglantier.be', '+32 470 12 34 56'];

  it('finds "Églantier" when the organiser types "eglantier", and the other way round', () => {
    expect(matchesQuery('eglantier', haystacks)).toBe(true);
    expect(matchesQuery('ÉGLANTIER', ['ferme eglantier'])).toBe(true);
  });

  it('needs every word of the query, in any of the fields', () => {
    expect(matchesQuery('noel prés', haystacks)).toBe(true);
    expect(matchesQuery('noel carottes', haystacks)).toBe(false);
  });

  it('matches an empty or blank query', () => {
    expect(matchesQuery('', haystacks)).toBe(true);
    expect(matchesQuery('   ', haystacks)).toBe(true);
  });

  it('does not match across two fields', () => {
    // "56 contact" would only appear by gluing the phone to the next field.
    expect(matchesQuery('dupontcontact', haystacks)).toBe(false);
  });
});

describe('compareText', () => {
  it('sorts the French way: accents do not push a name to the end, numbers sort as numbers', () => {
    const names = ['Zoé', 'Élodie', 'emile', 'Ferme 10', 'Ferme 9'];
    expect([...names].sort(compareText)).toEqual(['Élodie', 'emile', 'Ferme 9', 'Ferme 10', 'Zoé']);
  });
});
