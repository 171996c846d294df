/** Messages of pickup slots and distribution day (issue 5), French. */
export const pickupFr = {
  'error.slotNotFound': 'Ce créneau n’existe pas.',
  'error.slotOtherDistribution': 'Ce créneau appartient à une autre distribution.',
  'error.slotFull': 'Le créneau {start}–{end} est complet ({capacity, plural, one {# commande} other {# commandes}}). Forcez pour y placer la commande quand même.',
  'error.slotNoRoom': 'Le créneau {start}–{end} n’a de place que pour {room, plural, one {# commande} other {# commandes}} sur les {count} à déplacer. Forcez pour les y placer quand même.',
  'error.slotHasOrders': 'Ce créneau a {count, plural, one {# commande} other {# commandes}} : choisissez le créneau où les déplacer.',
  'error.slotsHaveOrders': 'Les créneaux de cette distribution ont déjà {count, plural, one {# commande} other {# commandes}} : modifiez-les un par un au lieu de tout régénérer.',
  'error.slotCapacityBelowOrders': 'Ce créneau a déjà {count, plural, one {# commande} other {# commandes}} : sa capacité ne peut pas descendre sous {count} (demandé : {capacity}).',
  'error.slotEndBeforeStart': 'Le créneau doit finir après son début ({start}).',
  'error.slotOverlaps': 'Ce créneau chevauche le créneau {start}–{end}.',
  'error.slotOutsideWindow': 'Le créneau doit tenir dans l’horaire de retrait ({pickupStart}–{pickupEnd}).',
  'error.slotMoveToSame': 'Choisissez un autre créneau que celui que vous supprimez.',
  'error.slotsFinished': 'La distribution du {date} est terminée ou annulée : ses créneaux ne peuvent plus changer.',
  'error.orderCollected': 'Cette commande a été retirée à {time} : annulez le retrait d’abord.',
} as const;
