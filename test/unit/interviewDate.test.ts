// The interview date as the user types it, the countdown's pieces and the next local midnight.
import { strict as assert } from 'node:assert';
import { checkInterviewDate, interviewCountdown, interviewTopicIds, msUntilNextLocalDay } from '../../src/core/practice/interviewDate';
import { interviewPlan } from '../../src/core/practice/interviewPlan';
import { calendarForTimeZone, utcCalendar } from '../../src/core/practice/localDays';
import { emptyProgress } from '../../src/core/practice/progress';

describe('interview date', () => {
  it('accepts a real date from today on, and empty to clear it', () => {
    assert.deepEqual(checkInterviewDate('2026-06-01', '2026-06-01'), { ok: true, day: '2026-06-01' });
    assert.deepEqual(checkInterviewDate(' 2026-12-24 ', '2026-06-01'), { ok: true, day: '2026-12-24' });
    assert.deepEqual(checkInterviewDate('', '2026-06-01'), { ok: true, day: undefined });
    assert.deepEqual(checkInterviewDate('   ', '2026-06-01'), { ok: true, day: undefined });
  });

  it('names what is wrong: not YYYY-MM-DD, no such day, or already past', () => {
    assert.deepEqual(checkInterviewDate('24.12.2026', '2026-06-01'), { ok: false, problem: 'format' });
    assert.deepEqual(checkInterviewDate('2026-6-1', '2026-06-01'), { ok: false, problem: 'format' });
    assert.deepEqual(checkInterviewDate('2026-02-30', '2026-01-01'), { ok: false, problem: 'notADate' });
    assert.deepEqual(checkInterviewDate('2026-13-01', '2026-01-01'), { ok: false, problem: 'notADate' });
    assert.deepEqual(checkInterviewDate('2026-05-31', '2026-06-01'), { ok: false, problem: 'past' });
    assert.deepEqual(checkInterviewDate('2025-12-31', '2026-01-01'), { ok: false, problem: 'past' });
  });

  it('reads the topics setting as a list of topic ids, ignoring anything else', () => {
    assert.deepEqual(interviewTopicIds(['redis', 'docker', 'redis', 3, '', 'Not An Id']), ['redis', 'docker']);
    assert.deepEqual(interviewTopicIds('redis'), []);
    assert.deepEqual(interviewTopicIds(undefined), []);
  });

  it('counts down the days and today\'s questions from the plan, and is gone after the day', () => {
    const now = new Date('2026-06-01T08:00:00Z');
    const questionIds = Array.from({ length: 10 }, (_, index) => `redis#q${index + 1}`);
    const planFor = (interviewDay: string) => interviewPlan({ interviewDay, now, calendar: utcCalendar, questionIds, progress: emptyProgress(), desiredRetention: 0.9 });
    assert.deepEqual(interviewCountdown(planFor('2026-06-13')), { kind: 'days', days: 12, today: planFor('2026-06-13').days[0].total });
    assert.deepEqual(interviewCountdown(planFor('2026-06-06')), { kind: 'days', days: 5, today: 2 });
    assert.deepEqual(interviewCountdown(planFor('2026-06-01')), { kind: 'today' });
    assert.equal(interviewCountdown(planFor('2026-05-31')), undefined);
  });

  it('waits until the next local midnight, a 23-hour day included', () => {
    assert.equal(msUntilNextLocalDay(utcCalendar, Date.parse('2026-06-01T23:59:00Z')), 60_000);
    const berlin = calendarForTimeZone('Europe/Berlin');
    // 2026-03-29 has 23 hours in Berlin: from 00:30 local (23:30 UTC the day before) to the next midnight is 22.5 hours.
    assert.equal(msUntilNextLocalDay(berlin, Date.parse('2026-03-28T23:30:00Z')), 22.5 * 3_600_000);
  });
});
