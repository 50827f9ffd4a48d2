import { grades, questionState, type CardRecord, type Grade, type ProgressData } from './progress';

/** A question due again within this time comes back in the same session (FSRS's learning steps). */
export const sameSessionMs = 20 * 60_000;

export interface SessionOptions {
  /** At most this many new questions in one session, so a first session is not two hundred cards long. */
  readonly newLimit: number;
  readonly includeNew: boolean;
}

/** Which questions a session takes, and how many new ones it leaves for the next (to say why). */
export interface SessionPlan {
  /** Due questions, the most overdue first. */
  readonly due: readonly string[];
  /** New questions in note order, up to the limit. */
  readonly fresh: readonly string[];
  /** New questions beyond the limit, waiting for another session. */
  readonly freshWaiting: number;
}

export function planSession(questionIds: readonly string[], progress: ProgressData, now: Date, options: SessionOptions): SessionPlan {
  const due = questionIds
    .filter((id) => questionState(progress.cards[id], now) === 'due')
    .sort((a, b) => Date.parse(progress.cards[a].due) - Date.parse(progress.cards[b].due));
  const allFresh = options.includeNew ? questionIds.filter((id) => !progress.cards[id]) : [];
  const fresh = allFresh.slice(0, Math.max(0, options.newLimit));
  return { due, fresh, freshWaiting: allFresh.length - fresh.length };
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
