/**
 * A time of day as the organiser types it: "17:45", on the 24-hour clock used in
 * Belgium and France. A native time input follows the browser's locale instead of
 * the relay's (an en-US browser shows and expects "05:45 PM"), so forms use a text
 * field read by this function. What people type for a time is accepted: "17h45",
 * "17h", "17.45", "1745", "9:05".
 */
import { LOCAL_TIME } from '../distributions/calendar';

/** The typed time as "HH:MM", or null when it is not a time of day (25:00, 17:60, "soir"). */
export function parseTypedTime(text: string): string | null {
  const match = /^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?)?$/i.exec(text.trim()) ?? /^(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const time = `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
  return LOCAL_TIME.test(time) ? time : null;
}
