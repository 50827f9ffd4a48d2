import type { ReviewRecord } from '../../src/core/practice/reviewLog';

/** A review for tests: a question in review, graded Good three days after its last review, unless told otherwise. */
export function review(questionId: string, time: string | number, grade: ReviewRecord['grade'] = 3, extra: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    questionId,
    time: new Date(time).toISOString(),
    grade,
    elapsedDays: 3,
    scheduledDays: 3,
    before: { stability: 3, difficulty: 5, state: 'review' },
    after: { stability: 8, difficulty: 4.9, state: 'review' },
    source: 'practice',
    ...extra,
  };
}
