import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './file-bytes';

describe('bytesToBase64', () => {
  it('gives what Node gives, for text with accents and a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFproducteur;produit\r\nFerme;Pâtes;2,50\r\n');
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('reads a file of several megabytes without overflowing the stack, across chunk edges', () => {
    const bytes = new Uint8Array(3_000_001);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7919) % 256;
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('turns no bytes into an empty string', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
