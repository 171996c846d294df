/**
 * Canonical JSON and a 64-bit FNV-1a hash over it: the same data gives the same
 * text (and checksum) on every copy, whatever order its object keys were built in.
 * Pure JS on purpose — `shared/` cannot reach Node's crypto, and a checksum that
 * only has to catch a half-copied file does not need a cryptographic hash.
 */

/** JSON.stringify with object keys sorted at every level (same rules for undefined, NaN, -0). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // Let Date and friends turn themselves into JSON first, as JSON.stringify would.
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return sortKeys(json.call(value));
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

const encoder = new TextEncoder();

/**
 * FNV-1a, 64 bits, over the UTF-8 bytes of `text`, as 16 hex digits.
 * Computed in four 16-bit limbs so no intermediate product leaves the exact
 * integer range of a double (BigInt would be ~10x slower on a large batch).
 */
export function fnv1a64(text: string): string {
  return fnv1a64Bytes(encoder.encode(text));
}

/** The same over bytes already encoded (a snapshot's, also handed to the signature check: encoded once). */
export function fnv1a64Bytes(bytes: Uint8Array): string {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  // An indexed loop: the array iterator took most of the time of a checksum over a large snapshot.
  for (let index = 0; index < bytes.length; index++) {
    h0 ^= bytes[index]!;
    // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40).
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}
