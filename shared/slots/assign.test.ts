import { describe, expect, it } from 'vitest';
import { assignSlot, assignSlots, type SlotLoad } from './assign';

const slot = (id: string, start: string, end: string, count: number, capacity = 2): SlotLoad => ({ id, start, end, capacity, count });

describe('assigning a slot to an order', () => {
  const day = [slot('a', '17:00', '17:20', 0), slot('b', '17:20', '17:40', 0), slot('c', '17:40', '18:00', 0)];

  it('gives the slot holding the member’s preferred time when it has room', () => {
    expect(assignSlot('17:25', day)).toBe('b');
    expect(assignSlot('17:20', day)).toBe('b'); // a slot starts at its start and ends before its end
    expect(assignSlot('17:59', day)).toBe('c');
  });

  it('otherwise the slot with room whose start is nearest the preferred time, the earlier on a tie', () => {
    const full = [slot('a', '17:00', '17:20', 0), slot('b', '17:20', '17:40', 2), slot('c', '17:40', '18:00', 0)];
    expect(assignSlot('17:35', full)).toBe('c'); // 5 minutes to 17:40, 35 to 17:00
    expect(assignSlot('17:25', full)).toBe('c'); // 15 minutes to 17:40, 25 to 17:00
    expect(assignSlot('17:20', full)).toBe('a'); // 20 minutes either way: the earlier
  });

  it('a preferred time outside the pickup window goes to the nearest end', () => {
    expect(assignSlot('08:00', day)).toBe('a');
    expect(assignSlot('21:00', day)).toBe('c');
  });

  it('without a preferred time: the emptiest slot, the earlier on a tie', () => {
    expect(assignSlot(null, [slot('a', '17:00', '17:20', 1), slot('b', '17:20', '17:40', 0), slot('c', '17:40', '18:00', 0)])).toBe('b');
  });

  it('null when every slot is full, or there is none', () => {
    expect(assignSlot('17:25', [slot('a', '17:00', '17:20', 2), slot('b', '17:20', '17:40', 3)])).toBeNull();
    expect(assignSlot(null, [])).toBeNull();
  });

  it('several orders in turn fill slots up to their capacity and no further', () => {
    const placed = assignSlots(
      ['17:05', '17:05', '17:05', '17:05', '17:05', '17:05', '17:05'].map((preferred, i) => ({ id: `o${i}`, preferred })),
      day,
    );
    expect([...placed.values()]).toEqual(['a', 'a', 'b', 'b', 'c', 'c', null]);
  });
});
