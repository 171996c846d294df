import { planMemberImport, type MemberImportPlan } from '../../shared/members/import-plan';
import { memberDraftSchema } from '../../shared/model/member';
import type { SheetFileInput } from '../../shared/contract/operations';
import type { Store, Transaction } from '../store/store';
import { writeImportedRecords } from './import-writes';
import { readUploadedSheet, refuseFileIssues } from './sheet-upload';

function planFor(source: Store | Transaction, { contentBase64, mapping }: SheetFileInput): MemberImportPlan {
  return planMemberImport(readUploadedSheet(contentBase64), source.all('member'), mapping);
}

export function membersImportService(store: () => Store, now: () => Date) {
  return {
    /** Reads the file and says what would happen to every row; writes nothing. */
    'members.previewImport': async (file: SheetFileInput) => planFor(store(), file),

    /** Writes the rows without issues, exactly as the preview planned them (recomputed inside the write). */
    'members.import': (file: SheetFileInput) =>
      store().transact((tx) => {
        const plan = planFor(tx, file);
        refuseFileIssues(plan);
        writeImportedRecords(tx, 'member', plan.writes, (fields) => memberDraftSchema.parse(fields), now().toISOString());
        return plan.counts;
      }),
  };
}
