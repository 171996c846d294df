import { randomUUID } from 'node:crypto';
import { differs } from '../../shared/csv/columns';
import { producerDraftSchema } from '../../shared/model/producer';
import { planProducerImport, type ProducerImportPlan } from '../../shared/producers/import-plan';
import type { SheetFileInput } from '../../shared/contract/operations';
import type { Store, Transaction } from '../store/store';
import { readUploadedSheet, refuseFileIssues } from './sheet-upload';

function planFor(source: Store | Transaction, { contentBase64, mapping }: SheetFileInput): ProducerImportPlan {
  return planProducerImport(readUploadedSheet(contentBase64), source.all('producer'), mapping);
}

export function producersImportService(store: () => Store, now: () => Date) {
  return {
    /** Reads the file and says what would happen to every row; writes nothing. */
    'producers.previewImport': async (file: SheetFileInput) => planFor(store(), file),

    /** Writes the rows without issues, exactly as the preview planned them (recomputed inside the write). */
    'producers.import': (file: SheetFileInput) =>
      store().transact((tx) => {
        const plan = planFor(tx, file);
        refuseFileIssues(plan);
        const at = now().toISOString();
        for (const { existingId, fields } of plan.writes) {
          const current = existingId ? tx.get('producer', existingId) : undefined;
          if (current) {
            // An unchanged row is not a change: no new updatedAt, no file rewritten.
            if (differs(current, fields)) tx.put('producer', { ...current, ...fields, updatedAt: at });
          } else {
            // The model's defaults for the columns the file leaves out; the plan has checked the rest.
            tx.put('producer', { ...producerDraftSchema.parse(fields), id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at });
          }
        }
        return plan.counts;
      }),
  };
}
