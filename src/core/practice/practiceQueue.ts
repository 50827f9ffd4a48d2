import { plannedDue, type InterviewSchedule } from './interviewPlan';
import { grades, type CardRecord, type Grade, type ProgressData } from './progress';

/** A question due again within this time comes back in the same session (FSRS's learning steps). */
export const sameSessionMs = 20 * 60_000;

export interface SessionOptions {
  /** At most this many new questions in one session, so a first session is not two hundred cards long. */
  readonly newLimit: number;
  readonly includeNew: boolean;
  /** With an interview date: the plan's due times and its share of new questions for today. */
  readonly interview?: InterviewSchedule;
}

/** Which questions a session takes, and how many new ones it leaves for the next (to say why). */
export interface SessionPlan {
  /** Due questions, the most overdue first. */
  readonly due: readonly string[];
  /** New questions: the interview plan's for today first, then others in note order, up to the limit. */
  readonly fresh: readonly string[];
  /** New questions beyond the limit, waiting for another session. */
  readonly freshWaiting: number;
  /** Of `due`, the questions the interview plan brought forward (not due by FSRS alone). */
  readonly broughtForward: number;
  /** Of `fresh`, the interview plan's new questions for today. */
  readonly plannedNew: number;
  /** New questions of the interview's topics that the plan leaves for later days. */
  readonly plannedLater: number;
}

/**
 * Due questions first, the most overdue first; then new ones. With an interview date the plan
 * decides for the interview's questions: a due time is only ever brought forward
 * (`plannedDue`), and new questions come on the day the plan gives them, however many that is;
 * new questions of other topics come as usual, up to `newLimit` with the plan's.
 */
export function planSession(questionIds: readonly string[], progress: ProgressData, now: Date, options: SessionOptions): SessionPlan {
  const { interview } = options;
  // Each question's due time once: with an interview it is worked out from its recall, not read.
  const dueAt = new Map<string, number>();
  for (const id of questionIds) {
    const record = progress.cards[id];
    if (record !== undefined) {
      dueAt.set(id, Date.parse(interview?.questionIds.has(id) ? plannedDue(record, interview.window, interview.desiredRetention) : record.due));
    }
  }
  const due = [...dueAt]
    .filter(([, time]) => time <= now.getTime())
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
  const broughtForward = due.filter((id) => Date.parse(progress.cards[id].due) > now.getTime()).length;
  const allFresh = options.includeNew ? questionIds.filter((id) => !progress.cards[id]) : [];
  const limit = Math.max(0, options.newLimit);
  if (!interview?.newToday) {
    const fresh = allFresh.slice(0, limit);
    return { due, fresh, freshWaiting: allFresh.length - fresh.length, broughtForward, plannedNew: 0, plannedLater: 0 };
  }
  const inSession = new Set(allFresh);
  const planned = interview.newToday.filter((id) => inSession.has(id));
  const others = allFresh.filter((id) => !interview.questionIds.has(id));
  const fresh = [...planned, ...others.slice(0, Math.max(0, limit - planned.length))];
  return {
    due,
    fresh,
    freshWaiting: others.length - (fresh.length - planned.length),
    broughtForward,
    plannedNew: planned.length,
    plannedLater: allFresh.length - planned.length - others.length,
  };
}

/** How far a session has come, counting a question that comes back once, however often it is graded. */
export interface SessionProgress {
  /** Questions in the session. */
  readonly total: number;
  /** Questions graded at least once. */
  readonly reviewed: number;
  /** Questions still to show, those that come back included. */
  readonly left: number;
  /** Of those left, the ones already graded that come back (Again, or a learning step). */
  readonly toRepeat: number;
}

/**
 * The order of one practice session: due questions first (the most overdue first), then
 * new ones in note order, up to `newLimit`. A question graded into a short learning step
 * goes back to the end of the queue, as flashcard programs do.
 */
export class PracticeQueue {
  readonly plan: SessionPlan;
  private readonly pending: string[];
  private readonly seen = new Set<string>();
  private readonly grades: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  private reviewed = 0;

  constructor(questionIds: readonly string[], progress: ProgressData, now: Date, options: SessionOptions) {
    this.plan = planSession(questionIds, progress, now, options);
    this.pending = [...this.plan.due, ...this.plan.fresh];
  }

  get current(): string | undefined {
    return this.pending[0];
  }

  /** The next `count` questions, in the order the session asks them. */
  upcoming(count: number): readonly string[] {
    return this.pending.slice(0, count);
  }

  get remaining(): number {
    return this.pending.length;
  }

  /** Grades given in this session (a question graded twice counts twice). */
  get reviewedCount(): number {
    return this.reviewed;
  }

  get progress(): SessionProgress {
    const total = this.plan.due.length + this.plan.fresh.length;
    return { total, reviewed: this.seen.size, left: this.pending.length, toRepeat: this.pending.filter((id) => this.seen.has(id)).length };
  }

  /** How many of each grade this session gave. */
  get gradeCounts(): Readonly<Record<Grade, number>> {
    return { ...this.grades };
  }

  /** Moves past the current question, bringing it back later if it is due again soon. */
  advance(record: CardRecord, now: Date): void {
    const id = this.pending.shift();
    this.reviewed++;
    if (grades.includes(record.lastGrade)) {
      this.grades[record.lastGrade]++;
    }
    if (id === undefined) {
      return;
    }
    this.seen.add(id);
    if (Date.parse(record.due) - now.getTime() < sameSessionMs) {
      this.pending.push(id);
    }
  }
}
