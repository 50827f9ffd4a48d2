// The progress export file: version 2 carries the review log; version 1 files still import.
import { strict as assert } from 'node:assert';
import { parseProgressExport, progressExportVersion, serializeProgressExport } from '../../src/core/practice/progressExport';
import { serializeProgress, type CardRecord, type ProgressData } from '../../src/core/practice/progress';
import { review } from '../support/reviews';

const record: CardRecord = {
  due: '2026-03-05T09:00:00.000Z',
  stability: 3.2,
  difficulty: 5.1,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  state: 'review',
  lastReview: '2026-03-02T09:00:00.000Z',
  lastGrade: 3,
};
const progress: ProgressData = { version: 1, cards: { 'redis#q-persistence': record } };
const reviews = [review('redis#q-persistence', '2026-02-27T09:00:00Z'), review('redis#q-persistence', '2026-03-02T09:00:00Z', 2, { source: 'mock', seconds: 42, session: '2026-03-02T08:59:00.000Z' })];

describe('progress export file', () => {
  it('writes version 2 with the cards and the review log, and reads back exactly what it wrote', () => {
    const text = serializeProgressExport(progress, reviews);
    const value = JSON.parse(text) as { version: number; cards: unknown; reviews: unknown[] };
    assert.equal(progressExportVersion, 2);
    assert.equal(value.version, 2);
    assert.deepEqual(value.cards, progress.cards);
    assert.equal(value.reviews.length, 2);
    const parsed = parseProgressExport(text);
    assert.ok(parsed.ok);
    assert.equal(parsed.version, 2);
    assert.deepEqual(parsed.progress, progress);
    assert.deepEqual(parsed.reviews, reviews);
    assert.deepEqual(parsed.reviewProblems, []);
    assert.ok(text.endsWith('}\n'));
  });

  it('writes one review a line, so a person or a diff can read the file', () => {
    const lines = serializeProgressExport(progress, reviews).split('\n');
    assert.equal(lines.filter((line) => line.includes('"questionId"')).length, 2);
  });

  it('still imports a version-1 file (no review log)', () => {
    const parsed = parseProgressExport(serializeProgress(progress));
    assert.ok(parsed.ok);
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.progress, progress);
    assert.deepEqual(parsed.reviews, []);
  });

  it('refuses the whole file when the progress part is wrong, as before', () => {
    const refused = (value: unknown) => {
      const parsed = parseProgressExport(typeof value === 'string' ? value : JSON.stringify(value));
      assert.equal(parsed.ok, false);
      return parsed.ok ? '' : parsed.problem;
    };
    assert.match(refused('{"version": 2, "cards": {'), /not JSON/);
    assert.match(refused({ version: 7, cards: {} }), /unsupported version 7 \(expected 1 or 2\)/);
    assert.match(refused({ version: 2, cards: { 'redis#q': { ...record, reps: 'two' } }, reviews: [] }), /"reps" must be a whole number/);
    assert.match(refused({ version: 2, cards: { '../../etc': record }, reviews: [] }), /not a question id/);
  });

  it('reports a bad review by its place and still takes the good ones', () => {
    const text = JSON.stringify({ version: 2, cards: progress.cards, reviews: [reviews[0], { ...reviews[1], grade: 9 }, 'nonsense', reviews[1]] });
    const parsed = parseProgressExport(text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.reviews, reviews);
    assert.deepEqual(parsed.reviewProblems, [
      { line: 2, reason: '"grade" must be 1, 2, 3 or 4' },
      { line: 3, reason: 'expected a JSON object' },
    ]);
    assert.equal(parsed.badReviews, 2);
  });

  it('reports a review log that is not a list, and keeps the progress', () => {
    const parsed = parseProgressExport(JSON.stringify({ version: 2, cards: progress.cards, reviews: { oops: true } }));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.progress, progress);
    assert.deepEqual(parsed.reviews, []);
    assert.equal(parsed.reviewLogProblem, '"reviews" must be a list of reviews');
  });

  it('names questions not in the notes, in the cards and the reviews alike', () => {
    const parsed = parseProgressExport(serializeProgressExport(progress, [...reviews, review('gone#q-old', '2026-01-01T00:00:00Z')]), new Set(['redis#q-persistence']));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.unknownIds, []);
    assert.equal(parsed.reviews.length, 3, 'reviews of other questions are kept for when they come back');
  });
});
