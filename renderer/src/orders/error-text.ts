import type { AppError } from '../../../shared/contract/errors';
import type { I18n } from '../i18n/i18n-context';

/** A refusal in one sentence: the first field problem when there is one ("at least 1"), else the refusal itself. */
export function errorText(t: I18n['t'], error: AppError): string {
  const issue = error.issues?.[0];
  return issue ? t(issue.key, issue.params) : t(error.key, error.params);
}
