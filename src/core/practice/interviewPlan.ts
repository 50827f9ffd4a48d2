/**
 * The plan to an interview date: how many questions to review each day so that on the
 * interview day every question of the chosen topics has been seen and the chance of recalling
 * it is at least the desired retention. Pure: no `vscode`.
 *
 * Two rules, as issue #19 asks:
 * - a question's due time is only ever brought forward, never pushed back: when its recall
 *   would fall below the desired retention before the interview day is over, it is due when
 *   recall reaches the desired retention (FSRS's own interval for that retention) and the day
 *   before the interview at the latest; else its due time stays (`plannedDue`);
 * - questions never seen are spread evenly over the days left, first things first (in the
 *   order given).
 * The day-by-day counts simulate the reviews to come with FSRS (ts-fsrs, no fuzz) as if each
 * were graded Good: a forgotten question adds reviews the plan cannot know in advance, so the
 * plan is worked out again each day from the real progress.
 */
import { fsrs, type FSRS } from 'ts-fsrs';
import { dayKeyOf, dayNumberOf, localDayNumber, startOfLocalDay, type DayKey, type LocalCalendar } from './localDays';
import type { CardRecord, ProgressData } from './progress';
import { daysUntilRetrievability, retrievability } from './recall';
import { clampRetention, toCard, toRecord } from './scheduler';

const dayMs = 24 * 60 * 60_000;

/** The moments the plan turns on, from the interview's local date. */
export interface InterviewWindow {
  /** The start of the last local day before the interview: the latest a question is planned for. */
  readonly lastStudyDayStart: number;
  /** The end of the interview day: recall is wanted at the desired retention until then. */
  readonly interviewEnd: number;
}

export function interviewWindow(interviewDay: DayKey, calendar: LocalCalendar): InterviewWindow {
  const dayNumber = dayNumberOf(interviewDay);
  if (dayNumber === undefined) {
    throw new RangeError(`not a date: ${interviewDay.slice(0, 40)}`);
  }
  return { lastStudyDayStart: startOfLocalDay(calendar, dayNumber - 1), interviewEnd: startOfLocalDay(calendar, dayNumber + 1) };
}

/**
 * When a question should next be reviewed for the interview. If its recall at the end of the
 * interview day is at the desired retention anyway, its FSRS due time stays. Otherwise it is
 * brought forward to the moment its recall falls to the desired retention (FSRS's interval for
 * that retention), and at the latest to the start of the day before the interview, so that a
 * session any time that day shows it. The result is never later than `record.due`.
 */
export function plannedDue(record: CardRecord, interview: InterviewWindow, desiredRetention: number): string {
  const target = clampRetention(desiredRetention);
  if (retrievability(record, interview.interviewEnd) >= target) {
    return record.due;
  }
  const lastReview = Date.parse(record.lastReview);
  const reachesTarget = lastReview + daysUntilRetrievability(record.stability, target) * dayMs;
  // Reviewed on the last study day already: as fresh as the plan can make it, so not brought forward again.
  const latest = interview.lastStudyDayStart > lastReview ? interview.lastStudyDayStart : Number.POSITIVE_INFINITY;
  const planned = Math.max(0, Math.min(Date.parse(record.due), reachesTarget, latest));
  return planned < Date.parse(record.due) ? new Date(planned).toISOString() : record.due;
}

export interface PlanInput {
  /** The interview's local date, `YYYY-MM-DD`. */
  readonly interviewDay: DayKey;
  readonly now: Date;
  readonly calendar: LocalCalendar;
  /** The questions of the chosen topics; new ones are introduced in this order. */
  readonly questionIds: readonly string[];
  readonly progress: ProgressData;
  /** The desired retention setting (clamped to 0.7–0.99 as the scheduler does). */
  readonly desiredRetention: number;
  /**
   * Questions first graded today (from the review log): they count against today's share of
   * new questions, so a second session the same day does not take a whole share again.
   */
  readonly introducedToday?: readonly string[];
}

export interface PlanDay {
  readonly day: DayKey;
  /** Questions seen before that come due that day (overdue ones on the first day). */
  readonly reviews: number;
  /** Questions shown for the first time that day. */
  readonly newQuestions: number;
  /** Distinct questions that day (a new question reviewed again the same day counts once). */
  readonly total: number;
}

export interface InterviewPlan {
  readonly interviewDay: DayKey;
  readonly today: DayKey;
  /** Study days before the interview day, today included; 0 on the interview day and after. */
  readonly daysLeft: number;
  readonly questions: number;
  /** Questions of the chosen topics never graded. */
  readonly unseen: number;
  /** New questions to take each study day. */
  readonly newPerDay: number;
  /** The largest day of the plan: how many questions a day to make room for. */
  readonly questionsPerDay: number;
  /** One entry per study day, today first. */
  readonly days: readonly PlanDay[];
  /** The day each new question is first shown. */
  readonly newQuestionDays: Readonly<Record<string, DayKey>>;
  /** Questions whose due time the plan brings forward, with the planned time (ISO 8601). */
  readonly broughtForward: Readonly<Record<string, string>>;
  /** Average recall at the end of the interview day if the plan is followed and every review is Good. */
  readonly expectedRecall: number;
  /** Questions that would still be under the desired retention then (e.g. when no day is left). */
  readonly belowTarget: number;
}

/** At most this many simulated reviews a question: FSRS intervals grow fast, so this is never reached in practice. */
const maxSimulatedReviews = 64;

export function interviewPlan(input: PlanInput): InterviewPlan {
  const target = clampRetention(input.desiredRetention);
  const { calendar } = input;
  const now = input.now.getTime();
  const today = localDayNumber(calendar, now);
  const interview = interviewWindow(input.interviewDay, calendar);
  const interviewDayNumber = dayNumberOf(input.interviewDay) ?? today;
  const daysLeft = Math.max(0, interviewDayNumber - today);
  const engine: FSRS = fsrs({ request_retention: target, enable_fuzz: false, enable_short_term: true });

  const questionIds = [...new Set(input.questionIds)];
  const unseenIds = questionIds.filter((id) => !Object.hasOwn(input.progress.cards, id));
  const wanted = new Set(questionIds);
  const introduced = new Set((input.introducedToday ?? []).filter((id) => wanted.has(id) && Object.hasOwn(input.progress.cards, id))).size;
  // The share is worked out as at the start of today, so it does not grow with each session.
  const newPerDay = daysLeft > 0 ? Math.ceil((unseenIds.length + introduced) / daysLeft) : 0;

  // Distinct questions per study day, by offset from today.
  const reviewsByDay = Array.from({ length: daysLeft }, () => new Set<string>());
  const newByDay = new Array<number>(daysLeft).fill(0);
  const broughtForward: Record<string, string> = {};
  const newQuestionDays: Record<string, DayKey> = {};
  let recallSum = 0;
  let belowTarget = 0;
  let newIndex = 0;

  /** Follows a question through the reviews the plan asks for, each graded Good, up to the interview day. */
  const simulate = (id: string, start: CardRecord): CardRecord => {
    let record = start;
    let previous = Math.max(now, Date.parse(start.lastReview));
    for (let reviews = 0; reviews < maxSimulatedReviews; reviews++) {
      const at = Math.max(previous, Date.parse(plannedDue(record, interview, target)));
      previous = at;
      const offset = localDayNumber(calendar, at) - today;
      if (offset >= daysLeft) {
        break;
      }
      reviewsByDay[offset].add(id);
      const when = new Date(at);
      record = toRecord(engine.next(toCard(record, when), when, 3).card, 3, when);
    }
    return record;
  };

  for (const id of questionIds) {
    const current = Object.hasOwn(input.progress.cards, id) ? input.progress.cards[id] : undefined;
    let final: CardRecord | undefined;
    if (current) {
      const planned = plannedDue(current, interview, target);
      if (planned !== current.due) {
        broughtForward[id] = planned;
      }
      final = simulate(id, current);
    } else if (newPerDay > 0) {
      const offset = Math.floor((introduced + newIndex++) / newPerDay);
      newQuestionDays[id] = dayKeyOf(today + offset);
      newByDay[offset]++;
      reviewsByDay[offset].add(id);
      const firstShown = new Date(Math.max(now, startOfLocalDay(calendar, today + offset)));
      final = simulate(id, toRecord(engine.next(toCard(undefined, firstShown), firstShown, 3).card, 3, firstShown));
    }
    const recall = retrievability(final, interview.interviewEnd);
    recallSum += recall;
    if (recall < target) {
      belowTarget++;
    }
  }

  const days = reviewsByDay.map((ids, offset) => ({ day: dayKeyOf(today + offset), reviews: ids.size - newByDay[offset], newQuestions: newByDay[offset], total: ids.size }));
  return {
    interviewDay: dayKeyOf(interviewDayNumber),
    today: dayKeyOf(today),
    daysLeft,
    questions: questionIds.length,
    unseen: unseenIds.length,
    newPerDay,
    questionsPerDay: days.reduce((most, day) => Math.max(most, day.total), 0),
    days,
    newQuestionDays,
    broughtForward,
    expectedRecall: questionIds.length > 0 ? recallSum / questionIds.length : 0,
    belowTarget,
  };
}

/** What an interview date changes in a practice session (see practiceQueue.ts). */
export interface InterviewSchedule {
  readonly window: InterviewWindow;
  readonly desiredRetention: number;
  /** The questions of the interview's topics: their due times are `plannedDue`. */
  readonly questionIds: ReadonlySet<string>;
  /**
   * Their new questions the plan gives today, in its order; the others wait for their day.
   * Undefined on the interview day: no day is left to spread them over.
   */
  readonly newToday?: readonly string[];
}

/** The schedule sessions follow until the interview day is over; undefined after it. */
export function interviewSchedule(plan: InterviewPlan, input: PlanInput): InterviewSchedule | undefined {
  const today = dayNumberOf(plan.today) ?? 0;
  const interviewDay = dayNumberOf(plan.interviewDay) ?? 0;
  if (today > interviewDay) {
    return undefined;
  }
  return {
    window: interviewWindow(input.interviewDay, input.calendar),
    desiredRetention: input.desiredRetention,
    questionIds: new Set(input.questionIds),
    newToday: plan.daysLeft > 0 ? Object.keys(plan.newQuestionDays).filter((id) => plan.newQuestionDays[id] === plan.today) : undefined,
  };
}
