/**
 * Deep equality of JSON values, whatever the order of object keys. It walks both values and
 * stops at the first difference, and shared parts (an order's unchanged lines, kept as the same
 * objects by a service that spreads the record it read) cost one comparison each: cheaper than
 * serialising both sides whole, which a change to one line of a long order used to do (issue 11).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
