import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toFieldIssues } from '../contract/validation-issues';
import { DEFAULT_RELAY_SETTINGS, relaySettingsPatchSchema, relaySettingsSchema } from './relay';

function issuesOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : toFieldIssues(parsed.error).map(({ path, key }) => ({ path, key }));
}

describe('relay settings', () => {
  it('the defaults are valid settings', () => {
    expect(relaySettingsSchema.parse(DEFAULT_RELAY_SETTINGS)).toEqual(DEFAULT_RELAY_SETTINGS);
  });

  it('a patch may name any subset of the fields', () => {
    expect(relaySettingsPatchSchema.parse({ hostCommissionBp: 900 })).toEqual({ hostCommissionBp: 900 });
    expect(relaySettingsPatchSchema.parse({})).toEqual({});
  });

  it.each<[string, unknown, { path: string; key: string }]>([
    ['a fractional basis point', { hostCommissionBp: 8.5 }, { path: 'hostCommissionBp', key: 'validation.integer' }],
    ['more than 100 %', { serviceFeeBp: 10_001 }, { path: 'serviceFeeBp', key: 'validation.max' }],
    ['a negative rate', { serviceFeeBp: -1 }, { path: 'serviceFeeBp', key: 'validation.min' }],
    ['a rate as text', { hostCommissionBp: '835' }, { path: 'hostCommissionBp', key: 'validation.type' }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, { path: 'timeZone', key: 'validation.timeZone' }],
    ['an unknown language', { language: 'de' }, { path: 'language', key: 'validation.choice' }],
    ['an unknown country', { country: 'XX' }, { path: 'country', key: 'validation.choice' }],
    ['an unknown currency', { currency: 'BTC' }, { path: 'currency', key: 'validation.choice' }],
    ['a blank name', { name: '  ' }, { path: 'name', key: 'validation.required' }],
    ['an unknown field', { vatNumber: 'BE0123' }, { path: '', key: 'validation.unknownField' }],
  ])('refuses %s', (_, patch, issue) => {
    expect(issuesOf(relaySettingsPatchSchema, patch)).toEqual([issue]);
  });

  it('accepts the edges: 0 % and 100 %, any IANA time zone', () => {
    expect(issuesOf(relaySettingsPatchSchema, { hostCommissionBp: 0, serviceFeeBp: 10_000, timeZone: 'America/Montreal' })).toEqual([]);
  });
});
