/** A network of relays on one CouchDB (issue 16): linking a producer, and what the sync screen says of its publications. */
export const networkEn = {
  'sync.problem.networkUnsigned': 'Network document refused: {file} (producer {device}) is not signed by this producer’s copy. Someone else wrote or changed it.',
  'sync.problem.networkNotOwn': 'Refused from the network: {file} (producer {device}) touches {record} “{value}”, which is not one of this producer’s products.',
  'sync.problem.networkInvalid': 'Refused from the network: {file} (producer {device}), {record}, “{field}”: {detail}.',
  'network.belowOrdered': 'less than members have already ordered',
  'network.ruleRefused': 'refused by the relay’s rules (distribution finished, product or producer archived)',
  'validation.networkId': 'A network id has 24 characters (digits and letters a to f), as the producer’s copy shows it in Settings.',
  'producers.field.networkId': 'Network id',
  'producers.field.networkIdHint': 'Optional. Shown in Settings on the producer’s own copy: the catalogue and stock it publishes on the CouchDB server are taken in at each sync.',
  'sync.summary.networkPublished': 'Network: {products, plural, one {# product published} other {# products published}}, stock of {distributions, plural, =0 {no distribution} one {# distribution} other {# distributions}}.',
  'sync.summary.networkTaken': 'Network: {producers, plural, =0 {no producer read} one {# producer read} other {# producers read}}, {products, plural, =0 {no product taken in} one {# product taken in} other {# products taken in}}, {offers, plural, =0 {no offer taken in} one {# offer taken in} other {# offers taken in}}, {refused, plural, =0 {nothing refused} one {# refused (see “Set aside and refused”)} other {# refused (see “Set aside and refused”)}}.',
  'sync.summary.networkFailed': 'Network not synced: {reason}',
  'network.identity.title': 'This copy’s network id',
  'network.identity.help': 'Give it to the organiser of each relay you sell through: they record it on your producer page. Your catalogue and stock are published on the CouchDB server at each sync.',
} as const;
