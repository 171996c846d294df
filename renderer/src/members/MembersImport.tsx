import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { MemberImportColumn, MemberImportPlan, MemberImportRow } from '../../../shared/members/import-plan';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { CsvImportButton } from '../import/CsvImportButton';
import { ImportPreview, type PreviewColumn } from '../import/ImportPreview';

const COUNTS: { key: keyof MemberImportPlan['counts']; label: MessageKey }[] = [
  { key: 'membersCreated', label: 'members.import.count.membersCreated' },
  { key: 'membersUpdated', label: 'members.import.count.membersUpdated' },
  { key: 'membersUnchanged', label: 'members.import.count.membersUnchanged' },
  { key: 'rowsWithIssues', label: 'members.import.count.rowsWithIssues' },
];

const COLUMNS: PreviewColumn<MemberImportRow>[] = [
  { header: 'members.import.column.name', cell: (row) => row.name },
  { header: 'members.import.column.email', cell: (row) => row.email },
];

/** An issue names the column as the organiser's file would title it. */
const COLUMN_LABELS: Record<MemberImportColumn, MessageKey> = {
  name: 'members.import.col.name',
  firstName: 'members.import.col.firstName',
  email: 'members.import.col.email',
  phone: 'members.import.col.phone',
  notes: 'members.import.col.notes',
  preferredPickupTime: 'members.import.col.preferredPickupTime',
};

const actions = (row: MemberImportRow) => [row.action];

interface MembersImportProps {
  onNotice: (notice: Notice | null) => void;
  onError: (error: AppError | null) => void;
  onImported: (notice: Notice) => void;
}

/** "Importer un tableur" for members: every row previewed with its line, its action and its problems. */
export function MembersImport(props: MembersImportProps) {
  return (
    <CsvImportButton
      {...props}
      namespace="members.import"
      preview={(file) => call('members.previewImport', file)}
      commit={(file) => call('members.import', file)}
      renderPreview={(shown) => (
        <ImportPreview
          {...shown}
          namespace="members.import"
          counts={COUNTS.map(({ key, label }) => ({ label, value: shown.plan.counts[key], bad: key === 'rowsWithIssues' }))}
          columns={COLUMNS}
          actions={actions}
          columnLabels={COLUMN_LABELS}
        />
      )}
    />
  );
}
