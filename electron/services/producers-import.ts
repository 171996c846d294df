import type { SheetFileInput } from '../../shared/contract/operations';
import { producerDraftSchema } from '../../shared/model/producer';
import { planProducerImport, type ProducerImportPlan } from '../../shared/producers/import-plan';
import type { Store, Transaction } from '../store/store';
import { writeImportedRecords } from './import-writes';
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
        writeImportedRecords(tx, 'producer', plan.writes, (fields) => producerDraftSchema.parse(fields), now().toISOString());
        return plan.counts;
      }),
  };
}
