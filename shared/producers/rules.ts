import type { ArchivedFilter, Producer } from '../model/producer';
import { compareText, fold, matchesQuery } from '../text/normalise';

export interface ProducerQuery {
  query?: string;
  archived: ArchivedFilter;
}

export function isArchived(producer: Pick<Producer, 'archivedAt'>): boolean {
  return producer.archivedAt !== null;
}

/** The producers list: archived filter, then search over the fields an organiser remembers. */
export function filterProducers(producers: Iterable<Producer>, { query = '', archived }: ProducerQuery): Producer[] {
  const result: Producer[] = [];
  for (const producer of producers) {
    if (archived === 'active' && isArchived(producer)) continue;
    if (archived === 'archived' && !isArchived(producer)) continue;
    const haystacks = [producer.name, producer.businessName, producer.contactName, producer.email, producer.phone];
    if (matchesQuery(query, haystacks)) result.push(producer);
  }
  return result.sort((a, b) => compareText(a.name, b.name));
}

/**
 * Other producers whose name folds to the same text. Two farms may share a name,
 * so this is a warning for the organiser, never a refusal.
 */
export function sameNameProducers(producers: Iterable<Producer>, name: string, exceptId?: string): Producer[] {
  const wanted = fold(name);
  if (wanted === '') return [];
  return [...producers].filter((producer) => producer.id !== exceptId && fold(producer.name) === wanted);
}
