/** Sync between copies (issue 6): messages from the backend. */
export const syncFr = {
  'error.producerCopy': 'Cette copie est celle d’un producteur : elle ne modifie que ses offres. Le reste se fait sur la copie de l’organisateur.',
  'error.conflictNotFound': 'Ce conflit est déjà résolu (ou n’existe plus).',
  'error.conflictAction': 'Cette solution ne s’applique pas à ce conflit.',
  'sync.sameFolder': 'Le dossier des producteurs doit être différent du dossier de l’équipe.',
  'sync.problem.folderMissing': 'Dossier introuvable : {detail}. Branchez la clé ou vérifiez le chemin.',
  'sync.problem.notWritable': 'Impossible d’écrire dans le dossier ({detail}).',
  'sync.problem.wrongLevel': 'Ce dossier est réservé à un autre niveau de partage ({detail}).',
  'sync.problem.newerFormat': 'Un fichier vient d’une version plus récente de Cabas ({detail}) : mettez cette copie à jour.',
  'sync.problem.clockAhead': 'L’horloge de l’appareil {detail} est en avance : ses changements attendent qu’elle soit à l’heure.',
  'sync.problem.waiting': 'Un fichier est encore en cours de copie ({detail}) : il sera lu à la prochaine synchronisation.',
  'sync.problem.invalidFile': 'Fichier illisible ignoré : {detail}.',
  'sync.problem.refused': 'Changement refusé d’une copie producteur (seules ses offres sont acceptées) : {detail}.',
  'sync.reason.restored': 'Rétabli : ce paiement avait été annulé deux fois, sur deux copies.',
} as const;
