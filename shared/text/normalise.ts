/**
 * Folding for search and duplicate checks: "Ferme de l'Églantier" matches
 * "eglantier". Accents, case, runs of spaces and the kind of apostrophe do not
 * count: spreadsheets turn a typed ' into ’, and the same farm must stay one.
 */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘ʼ]/g, "'")
    .toLocaleLowerCase('fr')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query starts a word of, or occurs in, one of the haystacks. */
export function matchesQuery(query: string, haystacks: readonly string[]): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const folded = haystacks.map(fold).join(' \u0000 ');
  return words.every((word) => folded.includes(word));
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
export const compareText = (a: string, b: string): number => collator.compare(a, b);

/** Producer names go into file names: letters and digits only, accents dropped, so every system accepts them. */
export function fileSafe(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'producer'
  );
}
