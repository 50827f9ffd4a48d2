/**
 * The interview date as the user sets it, and what the status bar says about it. Pure: no
 * `vscode`; the host turns the problems and pieces into words in both languages.
 */
import type { InterviewPlan } from './interviewPlan';
import { dayNumberOf, localDayNumber, startOfLocalDay, type DayKey, type LocalCalendar } from './localDays';
import { noteIdPattern } from '../notes/note';

export type InterviewDateCheck =
  | { readonly ok: true; /** undefined: no interview (the user cleared the date). */ readonly day: DayKey | undefined }
  | { readonly ok: false; readonly problem: 'format' | 'notADate' | 'past' };

const dayKeyShape = /^\d{4}-\d{2}-\d{2}$/;

/** What the user typed for the interview date, against today's local date: empty clears it. */
export function checkInterviewDate(text: string, today: DayKey): InterviewDateCheck {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: true, day: undefined };
  }
  if (!dayKeyShape.test(trimmed)) {
    return { ok: false, problem: 'format' };
  }
  const day = dayNumberOf(trimmed);
  if (day === undefined) {
    return { ok: false, problem: 'notADate' };
  }
  const todayNumber = dayNumberOf(today);
  if (todayNumber !== undefined && day < todayNumber) {
    return { ok: false, problem: 'past' };
  }
  return { ok: true, day: trimmed };
}

/** The topics setting as topic ids, each once; anything else a settings file holds is ignored. */
export function interviewTopicIds(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const ids = value.filter((item): item is string => typeof item === 'string' && noteIdPattern.test(item));
  return [...new Set(ids)];
}

/** What the countdown says: days to go and questions for today, or that the day has come. */
export type InterviewCountdown = { readonly kind: 'days'; readonly days: number; readonly today: number } | { readonly kind: 'today' };

/** The countdown from the plan; undefined once the interview day is over (nothing to show). */
export function interviewCountdown(plan: InterviewPlan): InterviewCountdown | undefined {
  if (plan.daysLeft > 0) {
    return { kind: 'days', days: plan.daysLeft, today: plan.days[0]?.total ?? 0 };
  }
  return plan.interviewDay === plan.today ? { kind: 'today' } : undefined;
}

/** Milliseconds from `now` to the start of the next local day (the countdown changes then). */
export function msUntilNextLocalDay(calendar: LocalCalendar, now: number): number {
  return startOfLocalDay(calendar, localDayNumber(calendar, now) + 1) - now;
}
