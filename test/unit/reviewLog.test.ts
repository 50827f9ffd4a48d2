// The review log's JSON Lines: writing, reading back with bad lines reported, merging, segment names.
import { strict as assert } from 'node:assert';
import { isSegmentName, maxReportedProblems, maxReviewLineLength, mergeReviews, parseReviews, reviewKey, reviewOf, segmentName, segmentWrittenSince, serializeReviews } from '../../src/core/practice/reviewLog';
import { createScheduler } from '../../src/core/practice/scheduler';
import { review } from '../support/reviews';

const day = 24 * 60 * 60_000;

describe('review log', () => {
  it('writes one review a line and reads back the same reviews', () => {
    const reviews = [
      review('redis#persistence', '2026-03-02T09:00:00Z'),
      review('docker#layers', '2026-03-02T09:01:00Z', 1, { source: 'mock', seconds: 93.5, timedOut: false, session: '2026-03-02T09:00:00.000Z' }),
      review('nginx#location-matching', '2026-03-02T09:02:00Z', 4, { source: 'chat', before: { stability: 0, difficulty: 0, state: 'new' } }),
    ];
    const text = serializeReviews(reviews);
    assert.equal(text.split('\n').length, 4, 'three lines and the final newline');
    assert.ok(text.endsWith('\n'));
    const parsed = parseReviews(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.badLines, 0);
    assert.deepEqual(parsed.reviews, reviews);
  });

  it('an empty log is an empty file, and an empty file no reviews', () => {
    assert.equal(serializeReviews([]), '');
    assert.deepEqual(parseReviews(''), { reviews: [], problems: [], badLines: 0 });
    assert.deepEqual(parseReviews('\n\r\n  \n'), { reviews: [], problems: [], badLines: 0 });
  });

  it('reports each bad line with its line number in the file and why, and keeps the good lines', () => {
    const good = serializeReviews([review('redis#persistence', '2026-03-02T09:00:00Z')]).trimEnd();
    const text = [
      good,
      '{"questionId": "redis#persistence", "time": "2026-03-0',
      '',
      JSON.stringify({ ...review('redis#eviction', '2026-03-02T10:00:00Z'), grade: 5 }),
      JSON.stringify({ ...review('redis#eviction', '2026-03-02T10:00:00Z'), questionId: 'Redis persistence' }),
      JSON.stringify({ ...review('redis#eviction', '2026-03-02T10:00:00Z'), before: { stability: -1, difficulty: 5, state: 'review' } }),
      JSON.stringify({ ...review('redis#eviction', '2026-03-02T10:00:00Z'), source: 'anki' }),
      `${good.replace('09:00', '11:00')}\r`,
      '[1, 2, 3]',
      'x'.repeat(maxReviewLineLength + 1),
    ].join('\n');
    const parsed = parseReviews(text);
    assert.deepEqual(
      parsed.problems.map((problem) => problem.line),
      [2, 4, 5, 6, 7, 9, 10],
    );
    assert.equal(parsed.problems[0].reason, 'not JSON');
    assert.match(parsed.problems[1].reason, /"grade"/);
    assert.match(parsed.problems[2].reason, /"questionId"/);
    assert.match(parsed.problems[3].reason, /^"before": "stability"/);
    assert.match(parsed.problems[4].reason, /"source"/);
    assert.equal(parsed.problems[5].reason, 'expected a JSON object');
    assert.match(parsed.problems[6].reason, /longer than/);
    assert.equal(parsed.badLines, 7);
    assert.deepEqual(
      parsed.reviews.map((each) => each.time),
      ['2026-03-02T09:00:00.000Z', '2026-03-02T11:00:00.000Z'],
    );
  });

  it('reports at most a few bad lines but counts them all', () => {
    const parsed = parseReviews('oops\n'.repeat(100));
    assert.equal(parsed.problems.length, maxReportedProblems);
    assert.equal(parsed.badLines, 100);
    assert.equal(parsed.problems.at(-1)?.line, maxReportedProblems);
  });

  it('keeps only the fields of a review (an unknown field in a file goes no further)', () => {
    const line = JSON.stringify(review('redis#persistence', '2026-03-02T09:00:00+01:00')).replace('{', '{"__proto__":{"polluted":true},"extra":"<script>",');
    const [parsed] = parseReviews(line).reviews;
    assert.deepEqual(Object.keys(parsed), ['questionId', 'time', 'grade', 'elapsedDays', 'scheduledDays', 'before', 'after', 'source']);
    assert.equal(parsed.time, '2026-03-02T08:00:00.000Z', 'times are stored in UTC');
  });

  it('merges logs in time order, each review once, whatever the spelling of its time', () => {
    const a = review('redis#persistence', '2026-03-02T09:00:00Z');
    const b = review('redis#persistence', '2026-03-03T09:00:00Z');
    const c = review('docker#layers', '2026-03-02T09:00:00Z');
    const sameAsA = parseReviews(serializeReviews([a]).replace('2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00+01:00')).reviews;
    const merged = mergeReviews([b, a], [c, ...sameAsA], [b]);
    assert.deepEqual(merged, [a, c, b]);
    assert.equal(new Set(merged.map(reviewKey)).size, 3);
    assert.deepEqual(mergeReviews(), []);
  });

  it('makes a review from a grade: elapsed days, the interval it had, the memory before and after', () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const scheduler = createScheduler({ desiredRetention: 0.9, now: () => now });
    const first = scheduler.grade(undefined, 4);
    const firstReview = reviewOf('redis#persistence', undefined, first, 'practice');
    assert.equal(firstReview.elapsedDays, 0);
    assert.equal(firstReview.scheduledDays, 0);
    assert.deepEqual(firstReview.before, { stability: 0, difficulty: 0, state: 'new' });
    assert.equal(firstReview.after.state, 'review');
    now = new Date(now.getTime() + 2.5 * day);
    const second = scheduler.grade(first, 1);
    const secondReview = reviewOf('redis#persistence', first, second, 'mock', { seconds: 40, timedOut: false, session: 'mock-1' });
    assert.equal(secondReview.elapsedDays, 2.5);
    assert.equal(secondReview.scheduledDays, first.scheduledDays);
    assert.equal(secondReview.grade, 1);
    assert.equal(secondReview.time, now.toISOString());
    assert.deepEqual(secondReview.before, { stability: first.stability, difficulty: first.difficulty, state: 'review' });
    assert.equal(secondReview.after.state, 'relearning');
    assert.equal(secondReview.seconds, 40);
    assert.deepEqual(parseReviews(serializeReviews([firstReview, secondReview])).reviews, [firstReview, secondReview]);
  });

  it('names segments by the time they were written, safely for every file system', () => {
    const name = segmentName(new Date('2026-12-05T09:30:00.123Z'), 'K3J9-X2');
    assert.equal(name, 'reviews-2026-12-05T09-30-00-123Z-k3j9x2.jsonl');
    assert.ok(isSegmentName(name));
    assert.ok(!name.includes(':'));
    const later = segmentName(new Date('2026-12-05T10:00:00.000Z'), 'a');
    assert.deepEqual([later, name].sort(), [name, later]);
    for (const other of [`${name}.tmp`, 'reviews-.jsonl', '../reviews-2026-12-05T09-30-00-123Z-a.jsonl', 'notes.json']) {
      assert.ok(!isSegmentName(other), other);
    }
    assert.ok(isSegmentName(segmentName(new Date(0), '')), 'an empty random part still makes a name');
  });

  it('tells from its name whether a segment was written since a time', () => {
    const name = segmentName(new Date('2026-12-05T09:30:00.123Z'), 'k3j9x2');
    assert.ok(segmentWrittenSince(name, new Date('2026-12-05T00:00:00.000Z')));
    assert.ok(segmentWrittenSince(name, new Date('2026-12-05T09:30:00.123Z')), 'the same millisecond');
    assert.ok(!segmentWrittenSince(name, new Date('2026-12-05T09:30:00.124Z')));
    assert.ok(!segmentWrittenSince(name, new Date('2027-01-01T00:00:00.000Z')));
  });
});
