import { describe, expect, it } from 'vitest';
import { compact, expand, stampOf, withFields } from './stamps';

describe('field timestamps', () => {
  it('name only the fields written apart from the most common timestamp, and expand back to every field', () => {
    const fields = ['id', 'name', 'email', 'notes', 'updatedAt'];
    const created = compact({ _: 't1' }, fields);
    const edited = withFields(created, ['notes', 'updatedAt'], 't2', fields);
    expect(edited).toEqual({ _: 't1', notes: 't2', updatedAt: 't2' });
    const again = withFields(edited, ['id', 'name'], 't3', fields);
    // Two fields at t2 and two at t3: a tie goes to the later timestamp, so every copy compacts alike.
    expect(again).toEqual({ _: 't3', email: 't1', notes: 't2', updatedAt: 't2' });
    expect(stampOf(again, 'name')).toBe('t3');
    expect(expand(again, fields, 't0')).toEqual({ id: 't3', name: 't3', email: 't1', notes: 't2', updatedAt: 't2' });
  });
});
