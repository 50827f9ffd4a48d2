// Scheduling through ts-fsrs with fixed clocks, and the session queue.
import { strict as assert } from 'node:assert';
import { PracticeQueue, sameSessionMs } from '../../src/core/practice/practiceQueue';
import { emptyProgress, questionState, withCard, type CardRecord, type Grade } from '../../src/core/practice/progress';
import { clampRetention, createScheduler } from '../../src/core/practice/scheduler';

const day = 24 * 60 * 60_000;
const start = new Date('2026-03-02T09:00:00.000Z');

/** A scheduler whose clock the test moves by hand. */
function clocked(desiredRetention = 0.9) {
  let now = start;
  const scheduler = createScheduler({ desiredRetention, now: () => now });
  return {
    scheduler,
    at: (time: Date) => (now = time),
    now: () => now,
  };
}

const daysUntilDue = (record: CardRecord, from: Date) => (Date.parse(record.due) - from.getTime()) / day;

describe('practice scheduling (FSRS)', () => {
  it('schedules a first review: Again and Hard within minutes, Good soon, Easy days away', () => {
    const { scheduler } = clocked();
    const [again, hard, good, easy] = ([1, 2, 3, 4] as Grade[]).map((grade) => scheduler.grade(undefined, grade));
    assert.equal(again.state, 'learning');
    assert.ok(daysUntilDue(again, start) < 0.01, `Again: ${again.due}`);
    assert.ok(Date.parse(again.due) <= Date.parse(hard.due) && Date.parse(hard.due) <= Date.parse(good.due), 'Again ≤ Hard ≤ Good');
    assert.equal(easy.state, 'review');
    assert.ok(daysUntilDue(easy, start) >= 1, `Easy goes days away: ${easy.due}`);
    for (const record of [again, hard, good, easy]) {
      assert.equal(record.reps, 1);
      assert.equal(record.lapses, 0);
      assert.equal(record.lastReview, start.toISOString());
    }
    assert.equal(good.lastGrade, 3);
  });

  it('counts a lapse when a review question is forgotten, and brings it back within minutes', () => {
    const clock = clocked();
    let record = clock.scheduler.grade(undefined, 4);
    assert.equal(record.state, 'review');
    const when = new Date(record.due);
    clock.at(when);
    record = clock.scheduler.grade(record, 1);
    assert.equal(record.lapses, 1);
    assert.equal(record.state, 'relearning');
    assert.ok(daysUntilDue(record, when) < 0.05, `relearning soon: ${record.due}`);
    assert.equal(questionState(record, when), 'learning');
    assert.equal(questionState(record, new Date(Date.parse(record.due) + 1)), 'due');
  });

  it('grows intervals to months with repeated Good reviews on time, and calls the question mastered', () => {
    const clock = clocked();
    let record = clock.scheduler.grade(undefined, 3);
    const intervals: number[] = [];
    for (let review = 0; review < 8; review++) {
      const when = new Date(record.due);
      clock.at(when);
      record = clock.scheduler.grade(record, 3);
      intervals.push(daysUntilDue(record, when));
    }
    const reviewIntervals = intervals.slice(1);
    assert.ok(reviewIntervals.every((interval, index) => index === 0 || interval > reviewIntervals[index - 1]), `growing: ${intervals.map((d) => d.toFixed(1)).join(', ')}`);
    assert.ok(intervals[intervals.length - 1] > 60, `months by the end: ${intervals[intervals.length - 1]}`);
    assert.equal(record.lapses, 0);
    assert.equal(questionState(record, clock.now()), 'mastered');
  });

  it('asks for reviews sooner when the desired retention is higher', () => {
    const interval = (retention: number) => {
      const clock = clocked(retention);
      let record = clock.scheduler.grade(undefined, 4);
      clock.at(new Date(record.due));
      record = clock.scheduler.grade(record, 3);
      return daysUntilDue(record, clock.now());
    };
    assert.ok(interval(0.97) < interval(0.9) && interval(0.9) < interval(0.75), `${interval(0.97)} < ${interval(0.9)} < ${interval(0.75)}`);
  });

  it('keeps the desired retention between 0.7 and 0.99', () => {
    assert.equal(clampRetention(0.5), 0.7);
    assert.equal(clampRetention(1), 0.99);
    assert.equal(clampRetention(0.85), 0.85);
    assert.equal(clampRetention('high'), 0.9);
  });

  it('previews each grade without changing anything', () => {
    const { scheduler } = clocked();
    const preview = scheduler.preview(undefined);
    assert.deepEqual(preview[4], scheduler.grade(undefined, 4));
    assert.ok(Date.parse(preview[1].due) < Date.parse(preview[4].due));
  });
});

describe('question states', () => {
  it('tells new, learning, in review, due and mastered apart', () => {
    const { scheduler } = clocked();
    assert.equal(questionState(undefined, start), 'new');
    const good = scheduler.grade(undefined, 3);
    assert.equal(questionState(good, start), 'learning');
    assert.equal(questionState(good, new Date(good.due)), 'due');
    const mastered: CardRecord = { ...good, state: 'review', scheduledDays: 30, due: new Date(start.getTime() + 30 * day).toISOString() };
    assert.equal(questionState(mastered, start), 'mastered');
    assert.equal(questionState({ ...mastered, scheduledDays: 5 }, start), 'review');
  });

  it('calls a question graded Easy the first time "in review", not "learning": FSRS skips its learning steps', () => {
    const { scheduler } = clocked();
    const easy = scheduler.grade(undefined, 4);
    assert.equal(easy.state, 'review', 'ts-fsrs moves a first Easy straight to Review');
    assert.ok(easy.scheduledDays >= 1 && easy.scheduledDays < 21, `days away, not yet three weeks: ${easy.scheduledDays}`);
    assert.equal(questionState(easy, start), 'review');
    assert.equal(questionState(scheduler.grade(undefined, 3), start), 'learning', 'Good on a new question: still in the learning steps');
  });
});

describe('practice queue', () => {
  const ids = ['redis#q-a', 'redis#q-b', 'redis#q-c', 'redis#q-d'];

  it('puts due questions first, most overdue first, then new ones up to the limit', () => {
    const { scheduler } = clocked();
    const record = scheduler.grade(undefined, 4);
    let progress = emptyProgress();
    progress = withCard(progress, 'redis#q-c', { ...record, due: new Date(start.getTime() - day).toISOString() });
    progress = withCard(progress, 'redis#q-d', { ...record, due: new Date(start.getTime() - 3 * day).toISOString() });
    progress = withCard(progress, 'redis#q-b', { ...record, due: new Date(start.getTime() + day).toISOString() });
    const queue = new PracticeQueue(ids, progress, start, { newLimit: 5, includeNew: true });
    const order: string[] = [];
    while (queue.current) {
      order.push(queue.current);
      queue.advance({ ...record, due: new Date(start.getTime() + 2 * day).toISOString() }, start);
    }
    assert.deepEqual(order, ['redis#q-d', 'redis#q-c', 'redis#q-a']);
    assert.equal(new PracticeQueue(ids, progress, start, { newLimit: 5, includeNew: false }).remaining, 2);
    assert.equal(new PracticeQueue(ids, emptyProgress(), start, { newLimit: 2, includeNew: true }).remaining, 2);
  });

  it('brings a question back in the same session when it is due again within minutes', () => {
    const { scheduler } = clocked();
    const queue = new PracticeQueue(['redis#q-a', 'redis#q-b'], emptyProgress(), start, { newLimit: 5, includeNew: true });
    const again = scheduler.grade(undefined, 1);
    assert.ok(Date.parse(again.due) - start.getTime() < sameSessionMs);
    queue.advance(again, start);
    assert.equal(queue.current, 'redis#q-b');
    queue.advance(scheduler.grade(undefined, 4), start);
    assert.equal(queue.current, 'redis#q-a', 'the forgotten one comes back');
    queue.advance(scheduler.grade(undefined, 4), start);
    assert.equal(queue.current, undefined);
    assert.equal(queue.reviewedCount, 3);
  });
});
