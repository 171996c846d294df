/**
 * The order sheet's PDF prints names as they are written (issue 15): Polish,
 * Hungarian, Romanian letters and the euro sign come out intact, and a
 * character its font lacks is listed, never turned into "?".
 */
import { describe, expect, it } from 'vitest';
import { deliveryPdf } from './delivery-pdf';
import { pdfText } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';
import type { ProducerDelivery } from '../../shared/sheets/delivery-sheet';

const tempDir = useTempDirs();

function delivery(productName: string, memberName: string): ProducerDelivery {
  const basket = { orderId: 'o1', basketNumber: 1, name: memberName, quantity: 2, weight: null };
  return { producerId: 'p1', producerName: 'Łukasz Őrs', products: [{ productId: 'x1', productName, unit: 'piece', packDescription: '', quantity: 2, baskets: [basket], weight: null }] };
}

const sheet = (productName: string, memberName: string) =>
  deliveryPdf({ language: 'fr', relayName: 'Relais d’Été', pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00', delivery: delivery(productName, memberName), at: new Date('2026-03-04T09:00:00.000Z') });

describe('the order sheet as PDF', () => {
  it('prints a producer “Łukasz Őrs” and a product “Șalată” as written, in a small file', async () => {
    const { pdf, missing } = await sheet('Șalată verde', 'Zoë Ćwik');
    const text = await pdfText(pdf, await tempDir());
    expect(text).toContain('Bon de livraison — Łukasz Őrs');
    expect(text).toContain('Șalată verde');
    expect(text).toContain('Zoë Ćwik');
    expect(text).not.toContain('?');
    expect(missing).toEqual([]);
    // Only the glyphs used are embedded: a whole DejaVu Sans and its bold would be 1.4 MB.
    expect(pdf.byteLength).toBeLessThan(60_000);
  });

  it('lists the characters its font lacks instead of replacing them', async () => {
    const { pdf, missing } = await sheet('白菜', 'Chloé');
    expect(missing.sort()).toEqual(['白', '菜']);
    expect(await pdfText(pdf, await tempDir())).not.toContain('?');
  });
});
