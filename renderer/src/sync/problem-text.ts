import type { MessageParams } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { SyncProblem } from '../../../shared/sync/status';

/** A sync problem in words: which copy, which file and record, what value (a message uses the facts it needs). */
export function problemText(t: (key: MessageKey, params?: MessageParams) => string, problem: SyncProblem): string {
  const { detail = '', device = '', file = '', record = '', value = '' } = problem;
  return t(`sync.problem.${problem.code}`, { detail, device, file, record, value });
}
