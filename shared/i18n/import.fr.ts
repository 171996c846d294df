/** What every spreadsheet import says, whatever it imports (producers, catalogue, members). */
export const importFr = {
  'import.unreadableWorkbook':
    'Ce classeur n’a pas pu être lu (fichier abîmé ou protégé par un mot de passe). Enregistrez-le à nouveau en .xlsx, .ods ou CSV.',
  'import.notSpreadsheet': 'Ce fichier n’est pas un tableur : choisissez un fichier .csv, .xlsx ou .ods.',
  'import.interpreted': 'Ligne {line}, colonne « {header} » : « {raw} » lu comme {value}.',
  'import.warnings': 'À vérifier',
  'import.badDistance': 'Distance invalide : « {distance} » (exemple : 12,5).',
  'import.mapping.title': 'Colonnes du fichier : {matched} sur {count} {matched, plural, one {utilisée} other {utilisées}}',
  'import.mapping.hint': 'Le champ que remplit chaque colonne. Changez-le si Cabas s’est trompé : le fichier est relu, et votre choix est retenu pour le prochain fichier de ce type.',
  'import.mapping.header': 'Colonne',
  'import.mapping.samples': 'Exemples',
  'import.mapping.field': 'Champ',
  'import.mapping.ignore': '(ignorée)',
  'import.mapping.fieldFor': 'Champ de la colonne « {header} »',
  'import.mapping.untitled': '(sans titre)',
} as const;
