// The plan to the interview date, from fixed progress and a fixed clock.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { interviewPlan, interviewWindow, plannedDue } from '../../src/core/practice/interviewPlan';
import { calendarForTimeZone, dayNumberOf, startOfLocalDay, utcCalendar } from '../../src/core/practice/localDays';
import { emptyProgress, type CardRecord, type ProgressData } from '../../src/core/practice/progress';
import { daysUntilRetrievability, retrievability } from '../../src/core/practice/recall';

const day = 24 * 60 * 60_000;
const berlin = calendarForTimeZone('Europe/Berlin');
const newYork = calendarForTimeZone('America/New_York');

function card(overrides: Partial<CardRecord> & Pick<CardRecord, 'due' | 'lastReview'>): CardRecord {
  return { stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, state: 'review', lastGrade: 3, ...overrides };
}

function progressOf(cards: Record<string, CardRecord>): ProgressData {
  return { version: 1, cards };
}

const ids = (count: number, topic = 'redis') => Array.from({ length: count }, (_, index) => `${topic}#q${index + 1}`);

describe('interview plan', () => {
  const now = new Date('2026-06-01T08:00:00Z');

  it('no questions: nothing to do', () => {
    const plan = interviewPlan({ interviewDay: '2026-06-06', now, calendar: utcCalendar, questionIds: [], progress: emptyProgress(), desiredRetention: 0.9 });
    assert.equal(plan.daysLeft, 5);
    assert.equal(plan.questions, 0);
    assert.equal(plan.questionsPerDay, 0);
    assert.deepEqual(plan.days.map((each) => each.total), [0, 0, 0, 0, 0]);
    assert.equal(plan.belowTarget, 0);
  });

  it('spreads never-seen questions over the days left, and every one is at the desired retention on the day', () => {
    const questionIds = ids(10);
    const plan = interviewPlan({ interviewDay: '2026-06-06', now, calendar: utcCalendar, questionIds, progress: emptyProgress(), desiredRetention: 0.9 });
    assert.equal(plan.today, '2026-06-01');
    assert.equal(plan.daysLeft, 5);
    assert.deepEqual(plan.days.map((each) => each.day), ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05']);
    assert.equal(plan.unseen, 10);
    assert.equal(plan.newPerDay, 2);
    assert.deepEqual(plan.days.map((each) => each.newQuestions), [2, 2, 2, 2, 2]);
    assert.equal(plan.newQuestionDays['redis#q1'], '2026-06-01');
    assert.equal(plan.newQuestionDays['redis#q10'], '2026-06-05');
    assert.equal(plan.belowTarget, 0, 'each new question is seen, and reviewed again when needed, before the day');
    assert.ok(plan.expectedRecall >= 0.9, `${plan.expectedRecall}`);
    assert.ok(plan.days.every((each) => each.total >= each.newQuestions && each.reviews === each.total - each.newQuestions));
    assert.equal(plan.questionsPerDay, Math.max(...plan.days.map((each) => each.total)));
  });

  it('one review question, due after the interview and recalled well enough then: left alone', () => {
    const record = card({ lastReview: '2026-05-30T08:00:00Z', due: '2026-06-29T08:00:00Z', stability: 30, scheduledDays: 30 });
    const plan = interviewPlan({ interviewDay: '2026-06-06', now, calendar: utcCalendar, questionIds: ['redis#q1'], progress: progressOf({ 'redis#q1': record }), desiredRetention: 0.9 });
    assert.deepEqual(plan.broughtForward, {});
    assert.deepEqual(plan.days.map((each) => each.total), [0, 0, 0, 0, 0]);
    assert.equal(plan.belowTarget, 0);
    assert.equal(plan.expectedRecall, retrievability(record, Date.parse('2026-06-07T00:00:00Z')));
  });

  it('brings a due date forward, never back, so that recall on the interview day is at the desired retention', () => {
    // Scheduled for 90% at its due date, 18 days away; the user wants 95% for the interview in 8 days.
    const record = card({ lastReview: '2026-05-31T08:00:00Z', due: '2026-06-18T08:00:00Z', stability: 18, scheduledDays: 18 });
    const interview = interviewWindow('2026-06-09', utcCalendar);
    assert.deepEqual(interview, { lastStudyDayStart: Date.parse('2026-06-08T00:00:00Z'), interviewEnd: Date.parse('2026-06-10T00:00:00Z') });
    assert.ok(retrievability(record, interview.interviewEnd) < 0.95, 'without the plan it would be under 95% then');
    const planned = plannedDue(record, interview, 0.95);
    assert.ok(Date.parse(planned) < Date.parse(record.due));
    assert.equal(planned, new Date(Date.parse(record.lastReview) + daysUntilRetrievability(18, 0.95) * day).toISOString());
    assert.ok(Math.abs(retrievability(record, Date.parse(planned)) - 0.95) < 1e-6, 'due when recall reaches 95%');

    const plan = interviewPlan({ interviewDay: '2026-06-09', now, calendar: utcCalendar, questionIds: ['redis#q1'], progress: progressOf({ 'redis#q1': record }), desiredRetention: 0.95 });
    assert.deepEqual(plan.broughtForward, { 'redis#q1': planned });
    const reviewDay = plan.days.findIndex((each) => each.reviews > 0);
    assert.equal(plan.days[reviewDay].day, planned.slice(0, 10));
    assert.equal(plan.belowTarget, 0);
    assert.ok(plan.expectedRecall >= 0.95, `${plan.expectedRecall}`);
    // The same question for a 90% target is left as it is.
    assert.equal(plannedDue(record, interview, 0.9), record.due);
  });

  it('never moves a due date later, and brings it to the day before the interview at the latest', () => {
    const arbitraryRecord = fc.record({
      lastReviewDaysAgo: fc.double({ min: 0, max: 400, noNaN: true }),
      stability: fc.double({ min: 0.01, max: 1000, noNaN: true }),
      dueInDays: fc.double({ min: -30, max: 400, noNaN: true }),
      interviewInDays: fc.double({ min: 0, max: 120, noNaN: true }),
      retention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
    });
    fc.assert(
      fc.property(arbitraryRecord, (input) => {
        const record = card({
          lastReview: new Date(now.getTime() - input.lastReviewDaysAgo * day).toISOString(),
          due: new Date(now.getTime() + input.dueInDays * day).toISOString(),
          stability: input.stability,
        });
        const interview = { lastStudyDayStart: now.getTime() + (input.interviewInDays - 1) * day, interviewEnd: now.getTime() + (input.interviewInDays + 1) * day };
        const planned = Date.parse(plannedDue(record, interview, input.retention));
        assert.ok(planned <= Date.parse(record.due));
        if (retrievability(record, interview.interviewEnd) >= input.retention) {
          assert.equal(planned, Date.parse(record.due), 'recall holds: the due date stays');
        } else if (Date.parse(record.lastReview) < interview.lastStudyDayStart) {
          assert.ok(planned <= interview.lastStudyDayStart, 'otherwise it is due by the day before the interview');
        } else {
          const reachesTarget = Date.parse(record.lastReview) + daysUntilRetrievability(record.stability, input.retention) * day;
          assert.ok(planned <= Math.max(reachesTarget, 0) + 1, 'reviewed that day already: due when recall reaches the target, not again at once');
          assert.ok(planned > Date.parse(record.lastReview) || planned === Date.parse(record.due), 'never due again before its last review');
        }
      }),
    );
  });

  it('counts an overdue question on the first day', () => {
    const record = card({ lastReview: '2026-05-01T08:00:00Z', due: '2026-05-20T08:00:00Z', stability: 19, scheduledDays: 19 });
    const plan = interviewPlan({ interviewDay: '2026-06-04', now, calendar: utcCalendar, questionIds: ['redis#q1', 'redis#q2'], progress: progressOf({ 'redis#q1': record }), desiredRetention: 0.9 });
    assert.equal(plan.days[0].reviews, 1);
    assert.equal(plan.days[0].newQuestions, 1, 'one new question over three days: the first day');
    assert.equal(plan.newPerDay, 1);
    assert.equal(plan.belowTarget, 0);
  });

  it('on the interview day (or after) there is no day left: the plan says what is below the desired retention', () => {
    const record = card({ lastReview: '2026-05-01T08:00:00Z', due: '2026-05-20T08:00:00Z', stability: 19 });
    for (const interviewDay of ['2026-06-01', '2026-05-28']) {
      const plan = interviewPlan({ interviewDay, now, calendar: utcCalendar, questionIds: ['redis#q1', 'redis#q2'], progress: progressOf({ 'redis#q1': record }), desiredRetention: 0.9 });
      assert.equal(plan.daysLeft, 0);
      assert.deepEqual(plan.days, []);
      assert.equal(plan.newPerDay, 0);
      assert.equal(plan.belowTarget, 2, 'the overdue question and the unseen one');
    }
  });

  it('counts study days by Berlin dates across the spring daylight-saving change', () => {
    const berlinNow = new Date('2026-03-27T11:00:00Z');
    const plan = interviewPlan({ interviewDay: '2026-03-31', now: berlinNow, calendar: berlin, questionIds: ids(4), progress: emptyProgress(), desiredRetention: 0.9 });
    assert.deepEqual(plan.days.map((each) => each.day), ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']);
    assert.deepEqual(plan.days.map((each) => each.newQuestions), [1, 1, 1, 1]);
    assert.equal(plan.belowTarget, 0);
    // The day ends at local midnight, 22:00 UTC in summer time.
    assert.equal(new Date(startOfLocalDay(berlin, dayNumberOf('2026-04-01')!)).toISOString(), '2026-03-31T22:00:00.000Z');
  });

  it('counts study days across a year boundary in New York', () => {
    const newYorkNow = new Date('2026-12-31T03:00:00Z'); // 2026-12-30 22:00 EST
    const plan = interviewPlan({ interviewDay: '2027-01-02', now: newYorkNow, calendar: newYork, questionIds: ids(5), progress: emptyProgress(), desiredRetention: 0.9 });
    assert.equal(plan.today, '2026-12-30');
    assert.deepEqual(plan.days.map((each) => each.day), ['2026-12-30', '2026-12-31', '2027-01-01']);
    assert.equal(plan.newPerDay, 2);
    assert.deepEqual(plan.days.map((each) => each.newQuestions), [2, 2, 1]);
  });

  it('counts questions first graded today against today\'s share, so a second session does not take a new share', () => {
    const questionIds = ids(10);
    const gradedToday = card({ lastReview: '2026-06-01T07:30:00Z', due: '2026-06-01T08:30:00Z', stability: 2, scheduledDays: 0, state: 'learning', reps: 1 });
    const progress = progressOf({ 'redis#q1': gradedToday, 'redis#q2': gradedToday });
    const input = { interviewDay: '2026-06-06', now, calendar: utcCalendar, questionIds, progress, desiredRetention: 0.9 };
    const afterSession = interviewPlan({ ...input, introducedToday: ['redis#q1', 'redis#q2', 'nginx#q1'] });
    assert.equal(afterSession.newPerDay, 2, 'ten new questions over five days, as in the morning');
    assert.deepEqual(afterSession.days.map((each) => each.newQuestions), [0, 2, 2, 2, 2], "today's two are done");
    assert.equal(afterSession.newQuestionDays['redis#q3'], '2026-06-02');
    const forgetful = interviewPlan(input);
    assert.deepEqual(forgetful.days.map((each) => each.newQuestions), [2, 2, 2, 2, 0], 'without the log the share would start again');
  });

  it('does not bring a question forward again once it was reviewed on the last study day', () => {
    const interview = interviewWindow('2026-06-02', utcCalendar); // the last study day is 2026-06-01, today
    const reviewedThisMorning = card({ lastReview: '2026-06-01T07:00:00Z', due: '2026-06-04T07:00:00Z', stability: 3, scheduledDays: 3 });
    const planned = plannedDue(reviewedThisMorning, interview, 0.97);
    assert.ok(Date.parse(planned) > now.getTime(), `not due again at once: ${planned}`);
    // Recall reaches 90% on 2026-06-02, and is below it at the end of the interview day.
    const reviewedLastWeek = card({ lastReview: '2026-05-22T07:00:00Z', due: '2026-06-04T07:00:00Z', stability: 11 });
    assert.equal(plannedDue(reviewedLastWeek, interview, 0.9), '2026-06-01T00:00:00.000Z', 'the start of the last study day');
  });

  it('refuses an interview date that is not a date', () => {
    assert.throws(() => interviewPlan({ interviewDay: '2026-02-30', now, calendar: utcCalendar, questionIds: [], progress: emptyProgress(), desiredRetention: 0.9 }), RangeError);
  });
});
