import type { syncFr } from './sync.fr';

export const syncEn: Record<keyof typeof syncFr, string> = {
  'error.producerCopy': 'This is a producer’s copy: it only changes its own offers. Everything else is done on the organiser’s copy.',
  'error.conflictNotFound': 'This conflict is already resolved (or no longer exists).',
  'error.conflictAction': 'This resolution does not apply to this conflict.',
  'sync.sameFolder': 'The producers folder must be different from the team folder.',
  'sync.problem.folderMissing': 'Folder not found: {detail}. Plug the key in or check the path.',
  'sync.problem.notWritable': 'Cannot write in the folder ({detail}).',
  'sync.problem.wrongLevel': 'This folder is set up for another sharing level ({detail}).',
  'sync.problem.newerFormat': 'A file comes from a newer version of Cabas ({detail}): update this copy.',
  'sync.problem.clockAhead': 'The clock of device {detail} is ahead: its changes wait until it is right.',
  'sync.problem.waiting': 'A file is still being copied ({detail}): it will be read at the next sync.',
  'sync.problem.invalidFile': 'Unreadable file skipped: {detail}.',
  'sync.problem.refused': 'Change refused from a producer’s copy (only its offers are accepted): {detail}.',
  'sync.problem.badTimestamp': 'Change refused from copy {device} ({file}): {record}, impossible timestamp “{value}”.',
  'sync.problem.futureTimestamp': 'Change refused from copy {device} ({file}): {record}, dated more than a day in the future ({value}).',
  'sync.problem.ownDevice': 'Change refused from copy {device} ({file}): {record} claims to be made on this copy ({value}), which never made it.',
  'sync.problem.wrongDevice': 'File refused: {file} is in the directory of copy {device} but claims to be written by {value}.',
  'sync.problem.damaged': 'The file {file} of copy {device} is damaged ({value}). Let that copy sync again: it replaces the file with a full copy. Its later changes wait until then.',
  'sync.problem.tooLarge': 'File refused unread: {file} of copy {device} is {value} bytes, more than any version of Cabas writes.',
  'sync.problem.invalidField': 'Field refused from copy {device}: {record}, field “{field}” = {value} ({detail}). The rest of the change was kept.',
  'sync.reason.restored': 'Restored: this payment had been reversed twice, on two copies.',
};
