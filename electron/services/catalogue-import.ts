import { randomUUID } from 'node:crypto';
import { catalogueRows } from '../../shared/catalogue/export';
import { IMPORTED_PRODUCT_DEFAULTS, planCatalogueImport, type ImportPlan } from '../../shared/catalogue/import-plan';
import { differs } from '../../shared/csv/columns';
import { writeCsv } from '../../shared/csv/write';
import type { SheetFileInput } from '../../shared/contract/operations';
import type { Store, Transaction } from '../store/store';
import { readUploadedSheet, refuseFileIssues } from './sheet-upload';
import { readRelay } from './relay';

function planFor(source: Store | Transaction, { contentBase64, mapping }: SheetFileInput): ImportPlan {
  return planCatalogueImport(
    readUploadedSheet(contentBase64),
    { producers: source.all('producer'), products: source.all('product') },
    readRelay(source).country,
    mapping,
  );
}

export function catalogueImportService(store: () => Store, now: () => Date) {
  return {
    /** Reads the file and says what would happen to every row; writes nothing. */
    'catalogue.previewImport': async (file: SheetFileInput) => planFor(store(), file),

    /** Writes the rows without issues, exactly as the preview planned them (recomputed inside the write). */
    'catalogue.import': (file: SheetFileInput) =>
      store().transact((tx) => {
        const plan = planFor(tx, file);
        refuseFileIssues(plan);
        const at = now().toISOString();
        const producerIds = new Map<string, string>();
        for (const write of plan.writes.producers) {
          const current = write.existingId ? tx.get('producer', write.existingId) : undefined;
          // An unchanged row is not a change: no new updatedAt, no file rewritten.
          const producer = current
            ? differs(current, write.fields) ? tx.put('producer', { ...current, ...write.fields, updatedAt: at }) : current
            : tx.put('producer', {
                businessName: '', contactName: '', email: '', phone: '', address: '', distanceKm: null, notes: '',
                ...write.fields, id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at,
              });
          producerIds.set(write.key, producer.id);
        }
        for (const write of plan.writes.products) {
          const producerId = producerIds.get(write.producerKey)!;
          const current = write.existingId ? tx.get('product', write.existingId) : undefined;
          if (current) {
            if (differs(current, write.fields)) tx.put('product', { ...current, ...write.fields, updatedAt: at });
          } else {
            tx.put('product', { ...IMPORTED_PRODUCT_DEFAULTS, ...write.fields, producerId, id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at });
          }
        }
        return plan.counts;
      }),

    'catalogue.exportCsv': async () => {
      const source = store();
      return { fileName: 'catalogue.csv', content: writeCsv(catalogueRows(source.all('producer'), source.all('product'))) };
    },
  };
}
