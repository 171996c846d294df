/** A network of relays on one CouchDB (issue 16): linking a producer, and what the sync screen says of its publications. */
export const networkFr = {
  'sync.problem.networkUnsigned': 'Document refusé du réseau : {file} (producteur {device}) n’est pas signé par la copie de ce producteur. Quelqu’un d’autre l’a écrit ou modifié.',
  'sync.problem.networkNotOwn': 'Refusé du réseau : {file} (producteur {device}) touche {record} « {value} », qui n’est pas un produit de ce producteur.',
  'sync.problem.networkInvalid': 'Refusé du réseau : {file} (producteur {device}), {record}, « {field} » : {detail}.',
  'network.belowOrdered': 'moins que ce que les membres ont déjà commandé',
  'network.ruleRefused': 'refusé par les règles du relais (distribution terminée, produit ou producteur archivé)',
  'validation.networkId': 'Un identifiant réseau a 24 caractères (chiffres et lettres a à f), tel que la copie du producteur l’affiche dans Réglages.',
  'producers.field.networkId': 'Identifiant réseau',
  'producers.field.networkIdHint': 'Facultatif. Affiché dans Réglages sur la copie du producteur : son catalogue et son stock publiés sur le serveur CouchDB sont repris à chaque synchronisation.',
  'sync.summary.networkPublished': 'Réseau : {products, plural, one {# produit publié} other {# produits publiés}}, stock de {distributions, plural, =0 {aucune distribution} one {# distribution} other {# distributions}}.',
  'sync.summary.networkTaken': 'Réseau : {producers, plural, =0 {aucun producteur lu} one {# producteur lu} other {# producteurs lus}}, {products, plural, =0 {aucun produit repris} one {# produit repris} other {# produits repris}}, {offers, plural, =0 {aucune offre reprise} one {# offre reprise} other {# offres reprises}}, {refused, plural, =0 {rien de refusé} one {# refusé (voir « Mis de côté et refusé »)} other {# refusés (voir « Mis de côté et refusé »)}}.',
  'sync.summary.networkFailed': 'Réseau non synchronisé : {reason}',
  'network.identity.title': 'Identifiant réseau de cette copie',
  'network.identity.help': 'Donnez-le à l’organisateur de chaque relais où vous vendez : il l’inscrit sur votre fiche producteur. Votre catalogue et votre stock sont publiés sur le serveur CouchDB à chaque synchronisation.',
} as const;
