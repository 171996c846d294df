import type { z } from 'zod';

/**
 * One operation of the contract: its input schema and (as a type only) its
 * result. `mutates` tells the dispatcher whether the call changes data, which
 * the recovery mode uses to refuse writes while a file is damaged.
 */
export interface Operation<Input extends z.ZodType, Result> {
  readonly input: Input;
  readonly mutates: boolean;
  /** Operations allowed while the store is in recovery (damaged file). */
  readonly inRecovery: boolean;
  /** Phantom field carrying the result type; never set at run time. */
  readonly result?: Result;
}

interface OperationOptions {
  mutates: boolean;
  inRecovery?: boolean;
}

/** `operation<Producer>()(schema, { mutates: true })` — result type first, schema inferred. */
export function operation<Result>() {
  return <Input extends z.ZodType>(input: Input, options: OperationOptions): Operation<Input, Result> => ({
    input,
    mutates: options.mutates,
    inRecovery: options.inRecovery ?? false,
  });
}
