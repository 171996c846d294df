/** Messages of members, orders and settlement (issue 4), French. */
export const ordersFr = {
  'error.memberNotFound': 'Ce membre n’existe pas.',
  'error.memberArchived': 'Le membre « {name} » est archivé : restaurez-le d’abord.',
  'error.orderNotFound': 'Cette commande n’existe pas.',
  'error.orderingClosed': 'Les commandes de cette distribution sont fermées. Enregistrez une commande tardive pour la modifier.',
  'error.orderCancelled': 'Cette commande est annulée : rétablissez-la d’abord.',
  'error.notOffered': '« {product} » n’est pas en vente dans cette distribution.',
  'error.outOfStock': 'Plus assez de « {product} » : il en reste {remaining}, {wanted, plural, one {# demandé} other {# demandés}}.',
  'error.lineNotFound': 'Cette ligne n’existe plus dans la commande.',
} as const;
