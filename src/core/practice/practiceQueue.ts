import { questionState, type CardRecord, type ProgressData } from './progress';

/** A question due again within this time comes back in the same session (FSRS's learning steps). */
export const sameSessionMs = 20 * 60_000;

/**
 * The order of one practice session: due questions first (the most overdue first), then
 * new ones in note order, up to `newLimit`. A question graded into a short learning step
 * goes back to the end of the queue, as flashcard programs do.
 */
export class PracticeQueue {
  private readonly pending: string[];
  private reviewed = 0;

  constructor(questionIds: readonly string[], progress: ProgressData, now: Date, options: { newLimit: number; includeNew: boolean }) {
    const due = questionIds
      .filter((id) => questionState(progress.cards[id], now) === 'due')
      .sort((a, b) => Date.parse(progress.cards[a].due) - Date.parse(progress.cards[b].due));
    const fresh = options.includeNew ? questionIds.filter((id) => !progress.cards[id]).slice(0, options.newLimit) : [];
    this.pending = [...due, ...fresh];
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

  get reviewedCount(): number {
    return this.reviewed;
  }

  /** Moves past the current question, bringing it back later if it is due again soon. */
  advance(record: CardRecord, now: Date): void {
    const id = this.pending.shift();
    this.reviewed++;
    if (id !== undefined && Date.parse(record.due) - now.getTime() < sameSessionMs) {
      this.pending.push(id);
    }
  }
}
