/**
 * Errors the user can fix travel as values: a message key from the i18n
 * dictionaries plus the facts needed to say it ("12 kg ordered…").
 * Stack traces never cross the contract.
 */
import type { MessageKey } from '../i18n/messages';

export type MessageParams = Record<string, string | number>;

/** One problem with one field of a payload, e.g. `email` → `validation.email`. */
export interface FieldIssue {
  path: string;
  key: MessageKey;
  params?: MessageParams;
}

export interface AppError {
  key: MessageKey;
  params?: MessageParams;
  issues?: FieldIssue[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown by services for a refusal the user can act on; turned into an AppError at the boundary. */
export class UserError extends Error {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly issues?: FieldIssue[];

  constructor(key: MessageKey, params?: MessageParams, issues?: FieldIssue[]) {
    super(key);
    this.name = 'UserError';
    this.key = key;
    this.params = params;
    this.issues = issues;
  }

  toAppError(): AppError {
    return { key: this.key, params: this.params, issues: this.issues };
  }
}
