import type { importFr } from './import.fr';

export const importEn: Record<keyof typeof importFr, string> = {
  'import.unreadableWorkbook': 'This workbook could not be read (damaged or password-protected). Save it again as .xlsx, .ods or CSV.',
  'import.notSpreadsheet': 'This file is not a spreadsheet: choose a .csv, .xlsx or .ods file.',
  'import.interpreted': 'Row {line}, column “{header}”: “{raw}” read as {value}.',
  'import.warnings': 'To check',
  'import.badDistance': 'Invalid distance: “{distance}” (example: 12.5).',
  'import.mapping.title': 'Columns of the file: {matched} of {count} used',
  'import.mapping.hint': 'The field each column fills. Change it if Cabas got it wrong: the file is read again, and your choice is kept for the next file of this kind.',
  'import.mapping.header': 'Column',
  'import.mapping.samples': 'Examples',
  'import.mapping.field': 'Field',
  'import.mapping.ignore': '(ignored)',
  'import.mapping.fieldFor': 'Field of column “{header}”',
  'import.mapping.untitled': '(untitled)',
};
