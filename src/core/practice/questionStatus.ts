import { questionState, type CardRecord } from './progress';

/**
 * A question's state with what it takes to explain it in plain words (the tree's tooltip): when
 * it comes back, and whether a first Easy let it skip FSRS's learning steps.
 */
export type QuestionStatus =
  | { readonly kind: 'new' }
  | { readonly kind: 'due'; readonly dueAt: Date }
  | { readonly kind: 'learning' | 'relearning'; readonly dueAt: Date }
  | { readonly kind: 'review'; readonly dueAt: Date; readonly skippedLearning: boolean }
  | { readonly kind: 'mastered'; readonly dueAt: Date };

export function questionStatus(record: CardRecord | undefined, now: Date): QuestionStatus {
  if (!record) {
    return { kind: 'new' };
  }
  const dueAt = new Date(record.due);
  switch (questionState(record, now)) {
    case 'new':
      return { kind: 'new' };
    case 'due':
      return { kind: 'due', dueAt };
    case 'mastered':
      return { kind: 'mastered', dueAt };
    case 'review':
      return { kind: 'review', dueAt, skippedLearning: record.reps === 1 && record.lastGrade === 4 };
    case 'learning':
      return { kind: record.state === 'relearning' ? 'relearning' : 'learning', dueAt };
  }
}
