/**
 * A member's monthly statement (issue 15), as a bank prints one: the balance brought
 * forward from before the month, each entry of the month with the balance after it,
 * and the balance carried at its end. Months are the relay's calendar months, so an
 * entry at 00:30 on 1 April in Brussels belongs to April whatever the machine's zone.
 */
import { todayIn } from '../distributions/calendar';
import type { StatementLine } from './ledger';

export interface MonthStatement {
  month: string;
  openingCents: number;
  /** The month's entries, oldest first, each with the running balance. */
  lines: StatementLine[];
  closingCents: number;
}

/** `lines`: the whole statement, oldest first, as `statement()` gives it. */
export function monthStatement(lines: readonly StatementLine[], month: string, timeZone: string): MonthStatement {
  const monthOf = (line: StatementLine) => todayIn(timeZone, new Date(line.entry.at)).slice(0, 7);
  const before = lines.filter((line) => monthOf(line) < month);
  const during = lines.filter((line) => monthOf(line) === month);
  const openingCents = before.at(-1)?.balanceCents ?? 0;
  return { month, openingCents, lines: during, closingCents: during.at(-1)?.balanceCents ?? openingCents };
}
