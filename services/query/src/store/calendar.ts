/**
 * The calendar table the complaint model joins on: for every Riga date, whether it is a working day, a running
 * count of working days (so working days between two dates is a subtraction), and the due dates that the rule
 * in force on that date gives a complaint received then. All of it comes from @servq/contracts' rules, so
 * the SQL and the TypeScript deadline function cannot disagree.
 */
import {
  addDays,
  DEFAULT_WORKING_CALENDAR,
  dueDate,
  isWorkingDay,
  responseRuleOn,
  type Period,
} from '../contracts.adapter.ts';

export interface CalendarRow {
  date: string;
  workingDay: boolean;
  wdCum: number;
  answerDue: string | null;
  extendedDue: string | null;
  forwardDue: string | null;
  internalDue: string;
  /** The response rule in force for a complaint received on this date. */
  ruleId: string | null;
}

export function buildCalendar(from: string, to: string, internalTarget: Period): CalendarRow[] {
  const rows: CalendarRow[] = [];
  let wdCum = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const workingDay = isWorkingDay(date);
    if (workingDay) wdCum += 1;
    const rule = responseRuleOn(date);
    rows.push({
      date,
      workingDay,
      wdCum,
      answerDue: rule ? dueDate(date, rule.answer, DEFAULT_WORKING_CALENDAR) : null,
      extendedDue: rule ? dueDate(date, rule.extendedAnswer, DEFAULT_WORKING_CALENDAR) : null,
      forwardDue: rule ? dueDate(date, rule.forward, DEFAULT_WORKING_CALENDAR) : null,
      internalDue: dueDate(date, internalTarget, DEFAULT_WORKING_CALENDAR),
      ruleId: rule?.id ?? null,
    });
  }
  return rows;
}
