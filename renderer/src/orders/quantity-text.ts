/**
 * A quantity as the organiser types it: whole sale units, at least 1. Reading
 * it here gives a message at once instead of a round trip; the contract
 * checks it again anyway.
 */
export const MAX_QUANTITY = 10_000;

export function readQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const quantity = Number(trimmed);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null;
}
