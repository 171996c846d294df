import { describe, expect, it } from 'vitest';
import { cellReader, differs, mapColumns } from './columns';

const ALIASES = { name: ['nom', 'name'], email: ['email', 'e-mail'] } as const;

describe('mapColumns', () => {
  it('finds columns by folded title; the first of a repeated title wins; unknown titles are listed, blank ones are not', () => {
    expect(mapColumns(['  NOM ', 'Remarque', 'E-Mail', 'nom', ''], ALIASES)).toEqual({
      columns: { name: 0, email: 2 },
      unknownHeaders: ['Remarque', 'nom'],
    });
  });
});

describe('cellReader', () => {
  it('reads a trimmed cell, gives undefined for a column the file lacks, and undoes the export’s formula guard', () => {
    const cell = cellReader<'name' | 'email'>({ line: 2, cells: [" '=Marie "] }, { name: 0 });
    expect(cell('name')).toBe('=Marie');
    expect(cell('email')).toBeUndefined();
    expect(cellReader<'name'>({ line: 3, cells: [] }, { name: 4 })('name')).toBe('');
  });
});

describe('differs', () => {
  it('compares only the fields the write names, values included (null, numbers)', () => {
    const current = { name: 'Marie', email: 'm@x.be', time: null as string | null };
    expect(differs(current, { name: 'Marie' })).toBe(false);
    expect(differs(current, { time: '17:30' })).toBe(true);
    expect(differs(current, {})).toBe(false);
  });
});
