/** Wall-clock times of the pickup day ("17:20") as minutes since midnight, and back. */
import type { LocalTime } from '../distributions/calendar';

export function toMinutes(time: LocalTime): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

export function fromMinutes(total: number): LocalTime {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** Slots in the order of the day: by start, then end (ties broken by id, so every sort agrees). */
export function bySlotTime<T extends { id?: string; start: LocalTime; end: LocalTime }>(a: T, b: T): number {
  return a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || (a.id ?? '').localeCompare(b.id ?? '');
}
