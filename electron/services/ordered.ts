/**
 * How much of each offer is already ordered. Orders arrive with the orders
 * feature (issue 4); until then nothing is ordered, and every stock rule reads
 * its figures from here so that they apply unchanged once orders exist.
 */
import type { Store, Transaction } from '../store/store';

export function orderedByProduct(_source: Store | Transaction, _distributionId: string): Map<string, number> {
  return new Map();
}

export function orderCount(_source: Store | Transaction, _distributionId: string): number {
  return 0;
}
