import type { z } from 'zod';
import type { MessageKey } from '../i18n/messages';
import type { FieldIssue } from './errors';

/**
 * Turns zod's issues into field issues with i18n keys. Our own schemas put an
 * i18n key in `message`; zod's built-in issues are mapped by code. Parse with
 * `{ reportInput: true }`: without the offending value, a wrong type cannot be
 * told from a missing field.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), ...describeIssue(issue) }));
}

/** One issue as a message key and its parameters: a schema's own key, or zod's built-in issue mapped by code. */
export function describeIssue(issue: z.core.$ZodIssue): Omit<FieldIssue, 'path'> {
  if (issue.message.startsWith('validation.')) {
    return { key: issue.message as MessageKey, params: issueParams(issue) };
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { key: 'validation.required' }
        : { key: 'validation.type', params: { expected: issue.expected } };
    case 'too_small':
      return issue.origin === 'string'
        ? { key: 'validation.required' }
        : { key: 'validation.min', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'validation.tooLong', params: { max: Number(issue.maximum) } }
        : { key: 'validation.max', params: { max: Number(issue.maximum) } };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params: { fields: issue.keys.join(', ') } };
    case 'invalid_value':
      return { key: 'validation.choice', params: { choices: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { key: 'validation.format' };
    default:
      return { key: 'validation.invalid' };
  }
}

function issueParams(issue: z.core.$ZodIssue): Record<string, number> | undefined {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  return undefined;
}
