/** What every spreadsheet import says, whatever it imports (producers, catalogue, members). */
export const importFr = {
  'import.unreadableWorkbook':
    'Ce classeur n’a pas pu être lu (fichier abîmé ou protégé par un mot de passe). Enregistrez-le à nouveau en .xlsx, .ods ou CSV.',
  'import.notSpreadsheet': 'Ce fichier n’est pas un tableur : choisissez un fichier .csv, .xlsx ou .ods.',
  'import.interpreted': 'Ligne {line}, colonne « {header} » : « {raw} » lu comme {value}.',
  'import.warnings': 'À vérifier',
  'import.sheet': 'Feuille : {name}',
  'import.badDistance': 'Distance invalide : « {distance} » (exemple : 12,5).',
} as const;
