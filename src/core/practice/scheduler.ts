import { createEmptyCard, fsrs, State, type Card, type FSRS } from 'ts-fsrs';
import type { CardRecord, CardState, Grade } from './progress';

export interface SchedulerOptions {
  /** The chance of recalling a question when it comes due, 0.7 to 0.99 (FSRS's request_retention). */
  readonly desiredRetention: number;
  /** The clock, injected so tests can fix it. */
  readonly now: () => Date;
}

export interface Scheduler {
  /** The memory state after grading a question; `record` is undefined for a new question. */
  grade(record: CardRecord | undefined, grade: Grade): CardRecord;
  /** When each grade would bring the question back, to label the buttons. */
  preview(record: CardRecord | undefined): Record<Grade, CardRecord>;
}

export const minimumRetention = 0.7;
export const maximumRetention = 0.99;

export function clampRetention(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(maximumRetention, Math.max(minimumRetention, value)) : 0.9;
}

const stateNames: Record<State, CardState> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const statesByName: Record<CardState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

/** FSRS (through ts-fsrs) with our record shape and an injected clock. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const engine: FSRS = fsrs({ request_retention: clampRetention(options.desiredRetention), enable_fuzz: true, enable_short_term: true });
  const next = (record: CardRecord | undefined, grade: Grade, now: Date) => toRecord(engine.next(toCard(record, now), now, grade).card, grade, now);
  return {
    grade: (record, grade) => next(record, grade, options.now()),
    preview: (record) => {
      const now = options.now();
      return { 1: next(record, 1, now), 2: next(record, 2, now), 3: next(record, 3, now), 4: next(record, 4, now) };
    },
  };
}

/** Our record as a ts-fsrs card (a new card when there is no record). */
export function toCard(record: CardRecord | undefined, now: Date): Card {
  if (!record) {
    return createEmptyCard(now);
  }
  return {
    due: new Date(record.due),
    stability: record.stability,
    difficulty: record.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs; it works the days out from last_review
    scheduled_days: record.scheduledDays,
    learning_steps: record.learningSteps,
    reps: record.reps,
    lapses: record.lapses,
    state: statesByName[record.state],
    last_review: new Date(record.lastReview),
  };
}

/** A ts-fsrs card after grading, as our record. */
export function toRecord(card: Card, grade: Grade, now: Date): CardRecord {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateNames[card.state],
    lastReview: now.toISOString(),
    lastGrade: grade,
  };
}
