import type { importFr } from './import.fr';

export const importEn: Record<keyof typeof importFr, string> = {
  'import.unreadableWorkbook': 'This workbook could not be read (damaged or password-protected). Save it again as .xlsx, .ods or CSV.',
  'import.notSpreadsheet': 'This file is not a spreadsheet: choose a .csv, .xlsx or .ods file.',
  'import.interpreted': 'Row {line}, column “{header}”: “{raw}” read as {value}.',
  'import.warnings': 'To check',
  'import.sheet': 'Sheet: {name}',
  'import.badDistance': 'Invalid distance: “{distance}” (example: 12.5).',
};
