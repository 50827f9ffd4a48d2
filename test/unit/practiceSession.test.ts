// A practice session's plan, its moving progress, its end (grades, next due time, what "continue"
// offers) and what each question state means: the pure part of the practice panel.
import { strict as assert } from 'node:assert';
import { interviewPlan, interviewSchedule } from '../../src/core/practice/interviewPlan';
import { utcCalendar } from '../../src/core/practice/localDays';
import { PracticeQueue, planSession } from '../../src/core/practice/practiceQueue';
import { gradeBreakdownMarkdown, nextDueAt } from '../../src/core/practice/sessionSummary';
import { emptyProgress, withCard, type CardRecord, type Grade, type ProgressData } from '../../src/core/practice/progress';
import { questionStatus } from '../../src/core/practice/questionStatus';
import { createScheduler } from '../../src/core/practice/scheduler';

const minute = 60_000;
const day = 24 * 60 * minute;
const start = new Date('2026-03-02T09:00:00.000Z');
const scheduler = createScheduler({ desiredRetention: 0.9, now: () => start });
const ids = (count: number) => Array.from({ length: count }, (_, index) => `nginx#q-${index + 1}`);

function withRecords(entries: Record<string, CardRecord>): ProgressData {
  return Object.entries(entries).reduce((progress, [id, record]) => withCard(progress, id, record), emptyProgress());
}

function dueRecord(daysAgo: number): CardRecord {
  return { ...scheduler.grade(undefined, 4), due: new Date(start.getTime() - daysAgo * day).toISOString() };
}

describe('practice session plan', () => {
  it('takes every due question and new ones up to the limit, and says how many new ones wait', () => {
    const progress = withRecords({ 'nginx#q-3': dueRecord(1), 'nginx#q-5': dueRecord(2) });
    const plan = planSession(ids(27), progress, start, { includeNew: true, newLimit: 20 });
    assert.deepEqual(plan.due, ['nginx#q-5', 'nginx#q-3'], 'the most overdue first');
    assert.equal(plan.fresh.length, 20);
    assert.equal(plan.fresh[0], 'nginx#q-1');
    assert.equal(plan.freshWaiting, 5, '25 new questions, 20 in this session');
  });

  it('takes no new questions when only due ones are asked for, and then none wait', () => {
    const plan = planSession(ids(5), withRecords({ 'nginx#q-2': dueRecord(1) }), start, { includeNew: false, newLimit: 20 });
    assert.deepEqual(plan, { due: ['nginx#q-2'], fresh: [], freshWaiting: 0, broughtForward: 0, plannedNew: 0, plannedLater: 0 });
  });
});

describe('practice session with an interview date', () => {
  // Interview on 2026-03-07: five study days, 2026-03-02 (today) to 2026-03-06.
  const interviewDay = '2026-03-07';
  const redis = Array.from({ length: 10 }, (_, index) => `redis#q-${index + 1}`);

  function scheduleFor(questionIds: readonly string[], progress: ProgressData, introducedToday: readonly string[] = []) {
    const input = { interviewDay, now: start, calendar: utcCalendar, questionIds, progress, desiredRetention: 0.9, introducedToday };
    const schedule = interviewSchedule(interviewPlan(input), input);
    assert.ok(schedule);
    return schedule;
  }

  it("takes the plan's new questions for today, even past the session limit, and leaves the rest for their day", () => {
    const interview = scheduleFor(redis, emptyProgress());
    const plan = planSession([...redis, ...ids(3)], emptyProgress(), start, { includeNew: true, newLimit: 3, interview });
    assert.deepEqual(plan.fresh, ['redis#q-1', 'redis#q-2', 'nginx#q-1'], "two a day for the interview, then another topic's up to the limit");
    assert.equal(plan.plannedNew, 2);
    assert.equal(plan.plannedLater, 8);
    assert.equal(plan.freshWaiting, 2, 'nginx#q-2 and q-3');
    const tight = planSession(redis, emptyProgress(), start, { includeNew: true, newLimit: 1, interview });
    assert.deepEqual(tight.fresh, ['redis#q-1', 'redis#q-2'], 'the plan wins over the limit');
  });

  it("after today's share, a second session brings no new interview question", () => {
    const graded = scheduler.grade(undefined, 3);
    const progress = withRecords({ 'redis#q-1': { ...graded, due: new Date(start.getTime() + day).toISOString() }, 'redis#q-2': { ...graded, due: new Date(start.getTime() + day).toISOString() } });
    const interview = scheduleFor(redis, progress, ['redis#q-1', 'redis#q-2']);
    const plan = planSession(redis, progress, start, { includeNew: true, newLimit: 20, interview });
    assert.deepEqual(plan.fresh, []);
    assert.equal(plan.plannedLater, 8);
  });

  it('brings a question forward when its recall would be too low on the day, and never pushes one back', () => {
    // Recall fell to 90% a day ago (stability 4, five days since), yet FSRS set it due in 15 days.
    const weak: CardRecord = { ...dueRecord(0), state: 'review', stability: 4, scheduledDays: 20, lastReview: new Date(start.getTime() - 5 * day).toISOString(), due: new Date(start.getTime() + 15 * day).toISOString() };
    const overdue = dueRecord(2);
    const progress = withRecords({ 'redis#q-1': weak, 'nginx#q-1': { ...weak }, 'redis#q-2': overdue });
    const interview = scheduleFor(redis, progress);
    const sessionIds = [...redis, ...ids(1)];
    const withoutPlan = planSession(sessionIds, progress, start, { includeNew: false, newLimit: 20 });
    assert.deepEqual(withoutPlan.due, ['redis#q-2']);
    const plan = planSession(sessionIds, progress, start, { includeNew: false, newLimit: 20, interview });
    assert.deepEqual(plan.due, ['redis#q-2', 'redis#q-1'], 'the weak interview question is due now; the other topic keeps its FSRS due time');
    assert.equal(plan.broughtForward, 1);
  });

  it('on the interview day new questions come as in any session, and after it the plan is over', () => {
    const input = { interviewDay: '2026-03-02', now: start, calendar: utcCalendar, questionIds: redis, progress: emptyProgress(), desiredRetention: 0.9 };
    const onTheDay = interviewSchedule(interviewPlan(input), input);
    assert.equal(onTheDay?.newToday, undefined);
    const plan = planSession(redis, emptyProgress(), start, { includeNew: true, newLimit: 4, interview: onTheDay });
    assert.equal(plan.fresh.length, 4);
    const past = { ...input, interviewDay: '2026-03-01' };
    assert.equal(interviewSchedule(interviewPlan(past), past), undefined);
  });
});

describe('practice session progress', () => {
  const again = scheduler.grade(undefined, 1);
  const easy = scheduler.grade(undefined, 4);

  it('moves with every grade: reviewed of the total, what is left, and what comes back', () => {
    const queue = new PracticeQueue(ids(3), emptyProgress(), start, { includeNew: true, newLimit: 20 });
    assert.deepEqual(queue.progress, { total: 3, reviewed: 0, left: 3, toRepeat: 0 });
    queue.advance(again, start);
    assert.deepEqual(queue.progress, { total: 3, reviewed: 1, left: 3, toRepeat: 1 }, 'Again: reviewed once, but it comes back');
    queue.advance(easy, start);
    assert.deepEqual(queue.progress, { total: 3, reviewed: 2, left: 2, toRepeat: 1 });
    queue.advance(easy, start);
    assert.deepEqual(queue.progress, { total: 3, reviewed: 3, left: 1, toRepeat: 1 });
    assert.equal(queue.current, 'nginx#q-1', 'the forgotten one, last');
    queue.advance(easy, start);
    assert.deepEqual(queue.progress, { total: 3, reviewed: 3, left: 0, toRepeat: 0 });
    assert.equal(queue.current, undefined);
  });

  it('counts each grade given, a question graded twice twice', () => {
    const queue = new PracticeQueue(ids(2), emptyProgress(), start, { includeNew: true, newLimit: 20 });
    for (const grade of [1, 3, 4] as Grade[]) {
      queue.advance(grade === 1 ? again : { ...easy, lastGrade: grade }, start);
    }
    assert.deepEqual(queue.gradeCounts, { 1: 1, 2: 0, 3: 1, 4: 1 });
    assert.equal(queue.reviewedCount, 3);
  });

  it('lays the grades out as a table, one column per grade', () => {
    const table = gradeBreakdownMarkdown({ 1: 1, 2: 0, 3: 4, 4: 20 }, { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' });
    assert.equal(table, '| Again | Hard | Good | Easy |\n| ---: | ---: | ---: | ---: |\n| 1 | 0 | 4 | 20 |');
  });
});

describe('practice session end', () => {
  it('names the next time a question of the session comes due', () => {
    const soon = new Date(start.getTime() + 10 * minute).toISOString();
    const later = new Date(start.getTime() + 3 * day).toISOString();
    const progress = withRecords({ 'nginx#q-1': { ...dueRecord(0), due: later }, 'nginx#q-2': { ...dueRecord(0), due: soon }, 'redis#q-1': { ...dueRecord(0), due: start.toISOString() } });
    assert.equal(nextDueAt(ids(3), progress, start)?.toISOString(), soon, 'only the session\'s questions count');
    assert.equal(nextDueAt(ids(3), emptyProgress(), start), undefined, 'nothing graded, nothing scheduled');
  });

  it('offers to continue with the next new questions when more wait', () => {
    let progress = emptyProgress();
    const first = new PracticeQueue(ids(27), progress, start, { includeNew: true, newLimit: 20 });
    while (first.current) {
      progress = withCard(progress, first.current, scheduler.grade(undefined, 4));
      first.advance(scheduler.grade(undefined, 4), start);
    }
    const next = planSession(ids(27), progress, start, { includeNew: true, newLimit: 20 });
    assert.equal(next.due.length + next.fresh.length, 7, 'continue with the next 7');
    assert.equal(next.fresh[0], 'nginx#q-21');
  });
});

describe('question states in plain words', () => {
  it('tells a question in its learning steps from one in review, and one that skipped the steps with Easy', () => {
    const good = scheduler.grade(undefined, 3);
    assert.deepEqual(questionStatus(good, start), { kind: 'learning', dueAt: new Date(good.due) });
    const easy = scheduler.grade(undefined, 4);
    assert.deepEqual(questionStatus(easy, start), { kind: 'review', dueAt: new Date(easy.due), skippedLearning: true });
    const later = new Date(easy.due);
    const reviewed = createScheduler({ desiredRetention: 0.9, now: () => later }).grade(easy, 3);
    const status = questionStatus(reviewed, later);
    assert.ok(status.kind === 'review' || status.kind === 'mastered');
    assert.ok(status.kind !== 'review' || !status.skippedLearning, 'only the first Easy skipped the steps');
  });

  it('says new, due, relearning and mastered', () => {
    assert.deepEqual(questionStatus(undefined, start), { kind: 'new' });
    const record = dueRecord(1);
    assert.deepEqual(questionStatus(record, start), { kind: 'due', dueAt: new Date(record.due) });
    const lapsed = createScheduler({ desiredRetention: 0.9, now: () => start }).grade({ ...record, due: start.toISOString() }, 1);
    assert.equal(questionStatus(lapsed, start).kind, 'relearning');
    const mastered: CardRecord = { ...record, state: 'review', scheduledDays: 30, due: new Date(start.getTime() + 30 * day).toISOString() };
    assert.deepEqual(questionStatus(mastered, start), { kind: 'mastered', dueAt: new Date(mastered.due) });
  });
});
