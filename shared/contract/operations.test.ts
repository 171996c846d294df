import { describe, expect, it } from 'vitest';
import { contract } from './operations';
import { toFieldIssues } from './validation-issues';

describe('distribution schemas', () => {
  const draft = { pickupDate: '2026-12-04', pickupStart: '17:00', pickupEnd: '19:00' };
  const issuesOf = (input: object) => {
    const parsed = contract['distributions.create'].input.safeParse(input);
    return parsed.success ? [] : toFieldIssues(parsed.error).map(({ path, key }) => ({ path, key }));
  };

  it('says the end must be after the start', () => {
    expect(issuesOf({ ...draft, pickupEnd: '16:00' })).toEqual([{ path: 'pickupEnd', key: 'validation.endBeforeStart' }]);
  });

  it('reports an unreadable time once, without a second, wrong comparison', () => {
    expect(issuesOf({ ...draft, pickupStart: '25:00' })).toEqual([{ path: 'pickupStart', key: 'validation.time' }]);
  });
});
