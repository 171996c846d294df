/**
 * The catalogue as a spreadsheet, with the same column titles the importer
 * reads, so an organiser can export, edit in a spreadsheet and import again.
 */
import { centsCell } from '../csv/write';
import type { Producer } from '../model/producer';
import type { Product } from '../model/product';
import { compareText } from '../text/normalise';

export const EXPORT_HEADER = [
  'producteur', 'ferme', 'contact', 'email', 'téléphone', 'adresse', 'distance',
  'produit', 'catégorie', 'unité', 'conditionnement', 'prix', 'tva', 'stock', 'prix au kg', 'poids par pièce (g)', 'archivé',
];

const decimal = (value: number) => String(value).replace('.', ',');

export function catalogueRows(producers: readonly Producer[], products: readonly Product[]): string[][] {
  const rows: string[][] = [EXPORT_HEADER];
  const sortedProducers = [...producers].sort((a, b) => compareText(a.name, b.name));
  for (const producer of sortedProducers) {
    const producerCells = [
      producer.name, producer.businessName, producer.contactName, producer.email, producer.phone, producer.address,
      producer.distanceKm === null ? '' : decimal(producer.distanceKm),
    ];
    const own = products.filter((product) => product.producerId === producer.id).sort((a, b) => compareText(a.name, b.name));
    if (own.length === 0) rows.push([...producerCells, '', '', '', '', '', '', '', '', '', producer.archivedAt ? 'oui' : '']);
    for (const product of own) {
      const byWeight = product.pricing === 'weight';
      rows.push([
        ...producerCells,
        // Sold by weight: the price is per kg, in its own column, beside the estimated grams of a piece.
        product.name, product.category, product.unit, product.packDescription, byWeight ? '' : centsCell(product.priceCents),
        decimal(product.vatRateBp / 100), product.defaultStock === null ? '' : String(product.defaultStock),
        byWeight ? centsCell(product.priceCents) : '', byWeight && product.pieceGrams !== null ? String(product.pieceGrams) : '',
        product.archivedAt || producer.archivedAt ? 'oui' : '',
      ]);
    }
  }
  return rows;
}
