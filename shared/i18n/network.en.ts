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
  'network.identity.title': 'This copy’s network id',
  'network.identity.help': 'Give it to the organiser of each relay you sell through: they record it on your producer page. Your catalogue and stock are published on the CouchDB server at each sync.',
} as const;
