/**
 * Server refusals name fields by their path in the payload (`email`, or
 * `changes.email` for an edit). A form maps them onto its own fields; what it
 * cannot place still shows in the summary.
 */
import type { AppError, FieldIssue } from '../../../shared/contract/errors';

export function issuesFor<F extends string>(error: AppError | null, fields: readonly F[], prefix = ''): Partial<Record<F, FieldIssue>> {
  const byField: Partial<Record<F, FieldIssue>> = {};
  for (const issue of error?.issues ?? []) {
    const field = fieldOfPath(issue.path, fields, prefix);
    // The first issue of a field is the one to fix first.
    if (field && !byField[field]) byField[field] = issue;
  }
  return byField;
}

/** The id of the input for a field, shared by the label, the summary and the focus logic. */
export function fieldId(form: string, field: string): string {
  return `${form}-${field}`;
}

/** After a refused save, put the caret where the first problem is. */
export function focusFirstInvalid(form: string, fields: readonly string[], byField: Partial<Record<string, FieldIssue>>): void {
  const first = fields.find((field) => byField[field]);
  if (first) document.getElementById(fieldId(form, first))?.focus();
}

/** The field a refusal's path names (`email`, or `changes.email` for an edit), if it is one of the form's. */
export function fieldOfPath<F extends string>(path: string, fields: readonly F[], prefix = ''): F | undefined {
  const name = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  return fields.find((field) => field === name);
}

/** An ErrorSummary's `labelFor`: the visible label of the field a path names, undefined for a path outside the form. */
export function labelForPath<F extends string>(fields: readonly F[], label: (field: F) => string, prefix = ''): (path: string) => string | undefined {
  return (path) => {
    const field = fieldOfPath(path, fields, prefix);
    return field && label(field);
  };
}
