import { describe, expect, it } from 'vitest';
import { generateSlots } from './generate';

describe('generating slots from the pickup window', () => {
  it('cuts 17:00–19:00 into four 30-minute slots, each with the capacity', () => {
    expect(generateSlots('17:00', '19:00', 30, 12)).toEqual([
      { start: '17:00', end: '17:30', capacity: 12 },
      { start: '17:30', end: '18:00', capacity: 12 },
      { start: '18:00', end: '18:30', capacity: 12 },
      { start: '18:30', end: '19:00', capacity: 12 },
    ]);
  });

  it('ends with a shorter slot when the window does not divide evenly, never past the end', () => {
    const slots = generateSlots('17:00', '18:10', 20, 5);
    expect(slots.map((slot) => `${slot.start}–${slot.end}`)).toEqual(['17:00–17:20', '17:20–17:40', '17:40–18:00', '18:00–18:10']);
  });

  it('takes a custom length, across the hour', () => {
    expect(generateSlots('09:50', '10:35', 15, 3).map((slot) => slot.start)).toEqual(['09:50', '10:05', '10:20']);
    expect(generateSlots('09:00', '09:30', 45, 3)).toEqual([{ start: '09:00', end: '09:30', capacity: 3 }]);
  });

  it('refuses a length outside 5–240 minutes rather than looping', () => {
    expect(() => generateSlots('17:00', '19:00', 0, 5)).toThrow(RangeError);
    expect(() => generateSlots('17:00', '19:00', 4, 5)).toThrow(RangeError);
    expect(() => generateSlots('17:00', '19:00', 241, 5)).toThrow(RangeError);
    expect(() => generateSlots('17:00', '19:00', 12.5, 5)).toThrow(RangeError);
  });
});
