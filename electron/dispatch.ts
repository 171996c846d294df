/**
 * The one entry point for every call, from IPC or from the browser host:
 * unknown operation → refused; payload not matching its schema → refused with
 * field issues, before any service runs; a refusal the user can fix comes back
 * as an AppError value, never as a thrown stack trace.
 */
import type { Handlers } from '../shared/contract/api';
import type { Outcome } from '../shared/contract/errors';
import { UserError } from '../shared/contract/errors';
import { contract, isOperationName, type OperationName } from '../shared/contract/operations';
import { toFieldIssues } from '../shared/contract/validation-issues';

export interface DispatchContext {
  handlers: Handlers;
  inRecovery: () => boolean;
  /** Where unexpected failures go (the console in the host, a log file in Electron). */
  log?: (error: unknown) => void;
  /** An operation this copy may not run (a producer's copy changes only its offers). */
  refuses?: (name: OperationName, mutates: boolean) => boolean;
}

export type Dispatch = (name: unknown, payload: unknown) => Promise<Outcome<unknown>>;

export function createDispatch({ handlers, inRecovery, log = console.error, refuses = () => false }: DispatchContext): Dispatch {
  return async (name, payload) => {
    if (!isOperationName(name)) {
      return { ok: false, error: { key: 'error.unknownOperation', params: { name: String(name).slice(0, 80) } } };
    }
    const operation = contract[name];
    // zod 4 leaves the offending value out of its issues unless asked; toFieldIssues needs it
    // to tell a missing field (validation.required) from a value of the wrong type (validation.type).
    const parsed = operation.input.safeParse(payload ?? {}, { reportInput: true });
    if (!parsed.success) {
      return { ok: false, error: { key: 'error.invalidInput', issues: toFieldIssues(parsed.error) } };
    }
    if (inRecovery() && !operation.inRecovery) return { ok: false, error: { key: 'error.recoveryMode' } };
    if (refuses(name, operation.mutates)) return { ok: false, error: { key: 'error.producerCopy' } };
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof UserError) return { ok: false, error: error.toAppError() };
      log(error);
      return { ok: false, error: { key: 'error.internal', params: { detail: (error as Error).message ?? String(error) } } };
    }
  };
}
