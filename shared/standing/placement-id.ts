/**
 * The id of a standing order's placement in a distribution, derived from the
 * pair: two copies of the app that both place it (each at its own opening)
 * write the same record, which sync merges into one, instead of two records
 * that each say "placed". Shaped as a UUID (version 8, "custom") because
 * every record id is one; pure, so it runs in shared/ without node:crypto.
 */
export function placementId(standingOrderId: string, distributionId: string): string {
  const source = `${standingOrderId}|${distributionId}`;
  // Four independent 32-bit FNV-1a hashes (different seeds) give 128 bits; collisions between pairs of UUIDs are not a concern here.
  const words = [0x811c9dc5, 0x01000193, 0x5bd1e995, 0x27d4eb2f].map((seed) => {
    let hash = seed >>> 0;
    for (let index = 0; index < source.length; index += 1) {
      hash ^= source.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
