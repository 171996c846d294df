/**
 * The glue between a typed day ("04/12/2026") and the contract's "2026-12-04":
 * a form keeps the text as typed and reads it once, on submit, so a half-typed
 * date never reaches the server and an unreadable one is said at its field.
 */
import type { FieldIssue } from '../../../shared/contract/errors';
import type { LocalDate } from '../../../shared/distributions/calendar';
import { formatTypedDay, parseTypedDay } from '../../../shared/i18n/typed-day';

export { formatTypedDay as dayText };

/** The day, or the field's issue ("type day/month/year, for example 04/12/2026"). */
export function readDay(path: string, text: string, example: LocalDate): { day: LocalDate } | { issue: FieldIssue } {
  const day = parseTypedDay(text);
  if (day !== null) return { day };
  return { issue: { path, key: text.trim() === '' ? 'validation.required' : 'validation.typedDay', params: { example: formatTypedDay(example) } } };
}
