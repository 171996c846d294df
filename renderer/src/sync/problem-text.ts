import type { MessageParams } from '../../../shared/contract/errors';
import { isMessageKey, type MessageKey } from '../../../shared/i18n/messages';
import type { SyncProblem } from '../../../shared/sync/status';

/** A sync problem in words: which copy, which file and record, what value (a message uses the facts it needs). */
export function problemText(t: (key: MessageKey, params?: MessageParams) => string, problem: SyncProblem): string {
  const { detail = '', device = '', file = '', record = '', value = '', field = '' } = problem;
  // A refused field's reason is its schema's message, an i18n key when the schema names one.
  // Its parameters come with it (`validation.tooLong` says how long), so the message reads fully.
  const reason = isMessageKey(detail) ? t(detail, problem.params) : detail;
  return t(`sync.problem.${problem.code}`, { detail: problem.code === 'invalidField' || problem.code === 'networkInvalid' ? reason : detail, device, file, record, value, field });
}
