// The dashboard's figures from a fixed review log, fixed progress and a fixed clock, in local days.
import { strict as assert } from 'node:assert';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { calendarForTimeZone, calendarFromOffset, dayKeyOf, dayNumberOf, localDayKey, startOfLocalDay, systemCalendar, utcCalendar } from '../../src/core/practice/localDays';
import { emptyProgress, type CardRecord, type ProgressData } from '../../src/core/practice/progress';
import {
  ankiLeechThreshold, dueForecast, firstReviewedOn, leeches, mockInterviewHistory, practiceStatistics, readinessByTopic, reviewHeatmap, reviewsOnDay, streaks, trueRetention,
} from '../../src/core/practice/statistics';
import { review } from '../support/reviews';

const berlin = calendarForTimeZone('Europe/Berlin');
const newYork = calendarForTimeZone('America/New_York');

function card(overrides: Partial<CardRecord> & Pick<CardRecord, 'due' | 'lastReview'>): CardRecord {
  return { stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, state: 'review', lastGrade: 3, ...overrides };
}

function progressOf(cards: Record<string, CardRecord>): ProgressData {
  return { version: 1, cards };
}

const iso = (time: number) => new Date(time).toISOString();

describe('local days', () => {
  it('counts a day by its local date in Berlin across the spring daylight-saving change (2026-03-29 has 23 hours)', () => {
    assert.equal(localDayKey(berlin, Date.parse('2026-03-28T22:30:00Z')), '2026-03-28', '23:30 CET');
    assert.equal(localDayKey(berlin, Date.parse('2026-03-28T23:30:00Z')), '2026-03-29', '00:30 CET');
    assert.equal(localDayKey(berlin, Date.parse('2026-03-29T21:30:00Z')), '2026-03-29', '23:30 CEST');
    assert.equal(localDayKey(berlin, Date.parse('2026-03-29T22:30:00Z')), '2026-03-30', '00:30 CEST');
    const march29 = dayNumberOf('2026-03-29')!;
    assert.equal(iso(startOfLocalDay(berlin, march29)), '2026-03-28T23:00:00.000Z');
    assert.equal(iso(startOfLocalDay(berlin, march29 + 1)), '2026-03-29T22:00:00.000Z');
    assert.equal(startOfLocalDay(berlin, march29 + 1) - startOfLocalDay(berlin, march29), 23 * 3_600_000);
    const october25 = dayNumberOf('2026-10-25')!;
    assert.equal(startOfLocalDay(berlin, october25 + 1) - startOfLocalDay(berlin, october25), 25 * 3_600_000);
  });

  it('gives the offset Intl gives at every minute around the daylight-saving changes, though it keeps answers', () => {
    const reference = (format: Intl.DateTimeFormat, time: number) => {
      const parts = Object.fromEntries(
        format
          .formatToParts(time)
          .filter((part) => part.type !== 'literal')
          .map((part) => [part.type, Number(part.value)]),
      );
      return (Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - Math.floor(time / 60_000) * 60_000) / 60_000;
    };
    const changes: [string, string][] = [
      ['Europe/Berlin', '2026-03-29T01:00:00Z'],
      ['Europe/Berlin', '2026-10-25T01:00:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ];
    for (const [timeZone, change] of changes) {
      const calendar = calendarForTimeZone(timeZone);
      const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      for (let time = Date.parse(change) - 26 * 3_600_000; time <= Date.parse(change) + 26 * 3_600_000; time += 60_000) {
        assert.equal(calendar.offsetMinutes(time), reference(format, time), `${timeZone} at ${iso(time)}`);
      }
    }
  });

  it('finds the first instant of a day whose midnight a daylight-saving change skips', () => {
    // A zone that moves its clocks from 00:00 to 01:00 local on 2026-03-08.
    const skipsMidnight = calendarFromOffset((time) => (time < Date.parse('2026-03-08T05:00:00Z') ? -300 : -240));
    const start = startOfLocalDay(skipsMidnight, dayNumberOf('2026-03-08')!);
    assert.equal(iso(start), '2026-03-08T05:00:00.000Z', '01:00 local, the first instant that exists');
    assert.equal(localDayKey(skipsMidnight, start - 1), '2026-03-07');
  });

  it('uses the machine\'s own zone by default', () => {
    const calendar = systemCalendar();
    for (const time of [Date.parse('2026-01-15T12:00:00Z'), Date.parse('2026-07-15T12:00:00Z')]) {
      assert.equal(calendar.offsetMinutes(time), 0 - new Date(time).getTimezoneOffset()); // not -x: UTC would give -0
    }
  });

  it('reads only real dates', () => {
    assert.equal(dayKeyOf(dayNumberOf('2027-01-01')!), '2027-01-01');
    for (const wrong of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '']) {
      assert.equal(dayNumberOf(wrong), undefined, wrong);
    }
  });
});

describe('practice statistics', () => {
  const now = new Date('2026-03-30T10:00:00Z'); // Monday 12:00 in Berlin

  it('an empty log and no progress: zeros everywhere, and the empty state', () => {
    const statistics = practiceStatistics({ reviews: [], progress: emptyProgress(), questionIds: ['redis#persistence', 'redis#eviction', 'docker#layers'], now, calendar: berlin });
    assert.equal(statistics.empty, true);
    assert.equal(statistics.today, '2026-03-30');
    assert.deepEqual(
      statistics.readiness.map((topic) => [topic.topic, topic.questions, topic.new, topic.learning, topic.due, topic.mastered, topic.recall, topic.recallOfSeen]),
      [
        ['redis', 2, 2, 0, 0, 0, 0, undefined],
        ['docker', 1, 1, 0, 0, 0, 0, undefined],
      ],
    );
    assert.equal(statistics.heatmap.length, 365);
    assert.ok(statistics.heatmap.every((bucket) => bucket.count === 0));
    assert.equal(statistics.heatmap.at(-1)?.day, '2026-03-30');
    assert.equal(statistics.forecast.days.length, 30);
    assert.equal(statistics.forecast.overdue, 0);
    assert.ok(statistics.forecast.days.every((bucket) => bucket.count === 0));
    assert.deepEqual(statistics.streaks, { current: 0, longest: 0, practisedToday: false });
    assert.deepEqual(statistics.retention.allTime.all, { passed: 0, total: 0, rate: undefined });
    assert.deepEqual(statistics.mockInterviews, []);
    assert.deepEqual(statistics.leeches, []);
  });

  it('one review: a streak of one, one square in the heatmap, one question due tomorrow', () => {
    const first = review('redis#persistence', '2026-03-30T08:00:00Z', 3, { elapsedDays: 0, scheduledDays: 0, before: { stability: 0, difficulty: 0, state: 'new' } });
    const progress = progressOf({ 'redis#persistence': card({ due: '2026-03-31T08:00:00Z', lastReview: '2026-03-30T08:00:00Z', stability: 2.3, scheduledDays: 1 }) });
    const statistics = practiceStatistics({ reviews: [first], progress, questionIds: ['redis#persistence', 'redis#eviction'], now, calendar: berlin });
    assert.equal(statistics.empty, false);
    assert.deepEqual(statistics.streaks, { current: 1, longest: 1, practisedToday: true });
    assert.deepEqual(statistics.heatmap.at(-1), { day: '2026-03-30', count: 1 });
    assert.equal(statistics.heatmap.reduce((sum, bucket) => sum + bucket.count, 0), 1);
    assert.deepEqual(statistics.forecast.days.slice(0, 2), [{ day: '2026-03-30', count: 0 }, { day: '2026-03-31', count: 1 }]);
    assert.deepEqual(statistics.retention.allTime.all, { passed: 0, total: 0, rate: undefined }, 'a first review tests no memory');
    const [redis] = statistics.readiness;
    assert.deepEqual([redis.new, redis.learning, redis.due, redis.mastered], [1, 1, 0, 0]);
    const recall = forgetting_curve(default_w, 2 / 24, 2.3);
    assert.ok(Math.abs(redis.recall - recall / 2) < 1e-9, `${redis.recall}`);
    assert.ok(Math.abs((redis.recallOfSeen ?? 0) - recall) < 1e-9);
  });

  it('buckets reviews by Berlin day across the spring daylight-saving change, where UTC days would differ', () => {
    const reviews = [
      review('redis#persistence', '2026-03-28T22:30:00Z'), // Sat 23:30 CET
      review('redis#eviction', '2026-03-28T23:30:00Z'), // Sun 00:30 CET
      review('redis#persistence', '2026-03-29T21:30:00Z'), // Sun 23:30 CEST
      review('redis#eviction', '2026-03-29T22:30:00Z'), // Mon 00:30 CEST
    ];
    const tail = (calendar: typeof berlin) => reviewHeatmap(reviews, now, calendar).slice(-3);
    assert.deepEqual(tail(berlin), [
      { day: '2026-03-28', count: 1 },
      { day: '2026-03-29', count: 2 },
      { day: '2026-03-30', count: 1 },
    ]);
    assert.deepEqual(tail(utcCalendar), [
      { day: '2026-03-28', count: 2 },
      { day: '2026-03-29', count: 2 },
      { day: '2026-03-30', count: 0 },
    ]);
    assert.deepEqual(streaks(reviews, now, berlin), { current: 3, longest: 3, practisedToday: true });
    assert.deepEqual(reviewsOnDay(reviews, dayNumberOf('2026-03-29')!, berlin).map((each) => each.time), ['2026-03-28T23:30:00.000Z', '2026-03-29T21:30:00.000Z']);
  });

  it('names the questions first graded on a local day, each once, for the interview plan', () => {
    const first = { before: { stability: 0, difficulty: 0, state: 'new' as const }, elapsedDays: 0, scheduledDays: 0 };
    const reviews = [
      review('redis#persistence', '2026-03-28T23:30:00Z', 1, first), // 00:30 on the 29th in Berlin
      review('redis#persistence', '2026-03-29T08:00:00Z', 3, { ...first, before: { stability: 0.2, difficulty: 7, state: 'learning' } }),
      review('redis#eviction', '2026-03-29T09:00:00Z'), // seen before
      review('nginx#location', '2026-03-29T22:30:00Z', 3, first), // 00:30 on the 30th
    ];
    assert.deepEqual(firstReviewedOn(reviews, dayNumberOf('2026-03-29')!, berlin), ['redis#persistence']);
    assert.deepEqual(firstReviewedOn(reviews, dayNumberOf('2026-03-29')!, utcCalendar), ['nginx#location']);
    assert.deepEqual(firstReviewedOn([], dayNumberOf('2026-03-29')!, berlin), []);
  });

  it('buckets the 25-hour autumn day in Berlin as one day', () => {
    const reviews = [review('redis#persistence', '2026-10-24T22:30:00Z'), review('redis#persistence', '2026-10-25T22:30:00Z')]; // 00:30 CEST and 23:30 CET on the 25th
    const buckets = reviewHeatmap(reviews, new Date('2026-10-26T12:00:00Z'), berlin).slice(-3);
    assert.deepEqual(buckets, [
      { day: '2026-10-24', count: 0 },
      { day: '2026-10-25', count: 2 },
      { day: '2026-10-26', count: 0 },
    ]);
  });

  it('crosses a year boundary in New York: the heatmap covers 365 local days and the streak goes on', () => {
    const newYearNow = new Date('2027-01-02T17:00:00Z'); // 12:00 EST
    const reviews = [
      review('redis#persistence', '2026-01-02T12:00:00Z'), // 365 days before: just outside
      review('redis#persistence', '2026-01-03T12:00:00Z'), // the first day shown
      review('redis#persistence', '2027-01-01T04:30:00Z'), // 2026-12-31 23:30 EST
      review('redis#eviction', '2027-01-01T05:30:00Z'), // 2027-01-01 00:30 EST
      review('redis#persistence', '2027-01-02T16:00:00Z'),
    ];
    const heatmap = reviewHeatmap(reviews, newYearNow, newYork);
    assert.equal(heatmap.length, 365);
    assert.deepEqual(heatmap[0], { day: '2026-01-03', count: 1 });
    assert.deepEqual(heatmap.slice(-3), [
      { day: '2026-12-31', count: 1 },
      { day: '2027-01-01', count: 1 },
      { day: '2027-01-02', count: 1 },
    ]);
    assert.equal(heatmap.reduce((sum, bucket) => sum + bucket.count, 0), 4);
    assert.deepEqual(streaks(reviews, newYearNow, newYork), { current: 3, longest: 3, practisedToday: true });
  });

  it('keeps a streak that reached yesterday until today ends, and remembers the longest', () => {
    const at = (key: string) => `${key}T12:00:00Z`;
    const reviews = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-10', '2026-03-27', '2026-03-28', '2026-03-29'].map((key) => review('redis#persistence', at(key)));
    assert.deepEqual(streaks(reviews, now, utcCalendar), { current: 3, longest: 4, practisedToday: false });
    assert.deepEqual(streaks(reviews, new Date('2026-03-31T10:00:00Z'), utcCalendar), { current: 0, longest: 4, practisedToday: false }, 'a day missed ends it');
    assert.deepEqual(streaks([review('redis#persistence', '2026-04-05T12:00:00Z')], now, utcCalendar), { current: 0, longest: 0, practisedToday: false }, 'a review in the future (another clock) is not counted');
  });

  it('true retention: the first review of a question each day, questions in review only, split at 21 days of interval', () => {
    const reviews = [
      // young, passed; the same question again that day (a relearning step) does not count
      review('redis#persistence', '2026-03-20T09:00:00Z', 3, { scheduledDays: 10 }),
      review('redis#persistence', '2026-03-20T09:10:00Z', 1, { scheduledDays: 10 }),
      // young, failed: the first of its day
      review('redis#eviction', '2026-03-20T10:00:00Z', 1, { scheduledDays: 20 }),
      review('redis#eviction', '2026-03-20T10:05:00Z', 3, { scheduledDays: 0, before: { stability: 1, difficulty: 7, state: 'relearning' } }),
      // mature: 21 days and more
      review('docker#layers', '2026-03-21T09:00:00Z', 2, { scheduledDays: 21 }),
      review('docker#layers', '2026-03-28T09:00:00Z', 1, { scheduledDays: 45 }),
      review('docker#cache', '2026-03-28T09:00:00Z', 4, { scheduledDays: 60 }),
      // not review cards: a first review, a learning step
      review('nginx#location', '2026-03-28T09:00:00Z', 1, { scheduledDays: 0, before: { stability: 0, difficulty: 0, state: 'new' } }),
      review('nginx#upstream', '2026-03-28T09:00:00Z', 1, { scheduledDays: 0, before: { stability: 0.5, difficulty: 6, state: 'learning' } }),
    ];
    const retention = trueRetention(reviews, utcCalendar);
    assert.deepEqual(retention.young, { passed: 1, total: 2, rate: 0.5 });
    assert.deepEqual(retention.mature, { passed: 2, total: 3, rate: 2 / 3 });
    assert.deepEqual(retention.all, { passed: 3, total: 5, rate: 0.6 });
    const lastWeek = trueRetention(reviews, utcCalendar, { from: dayNumberOf('2026-03-24')! });
    assert.deepEqual(lastWeek.mature, { passed: 1, total: 2, rate: 0.5 });
    assert.deepEqual(lastWeek.young, { passed: 0, total: 0, rate: undefined });
    // A local day: 23:30 and 00:30 in Berlin are two days, so both count.
    const aroundMidnight = [review('redis#persistence', '2026-03-28T22:30:00Z', 1), review('redis#persistence', '2026-03-28T23:30:00Z', 3)];
    assert.equal(trueRetention(aroundMidnight, berlin).all.total, 2);
    assert.equal(trueRetention(aroundMidnight, utcCalendar).all.total, 1);
  });

  it('forecasts the questions due on each of the next 30 local days, overdue ones today', () => {
    const at = (time: string) => card({ due: time, lastReview: '2026-03-20T09:00:00Z' });
    const cards = [
      at('2026-03-29T09:00:00Z'), // overdue
      at('2026-03-30T21:30:00Z'), // today, 23:30 CEST
      at('2026-03-30T22:30:00Z'), // tomorrow, 00:30 CEST
      at('2026-04-28T12:00:00Z'), // the 30th day
      at('2026-04-29T12:00:00Z'), // past the forecast
    ];
    const forecast = dueForecast(cards, now, berlin);
    assert.equal(forecast.overdue, 1);
    assert.equal(forecast.days.length, 30);
    assert.deepEqual(forecast.days[0], { day: '2026-03-30', count: 2 });
    assert.deepEqual(forecast.days[1], { day: '2026-03-31', count: 1 });
    assert.deepEqual(forecast.days[29], { day: '2026-04-28', count: 1 });
    assert.equal(forecast.days.reduce((sum, bucket) => sum + bucket.count, 0), 4);
  });

  it('readiness per topic: new, learning, due and mastered (as the Topics tree counts them) and the average recall today', () => {
    const questionIds = ['redis#persistence', 'redis#eviction', 'redis#replication', 'redis#cluster', 'docker#layers'];
    const progress = progressOf({
      // learning: not due, interval under 21 days
      'redis#eviction': card({ due: '2026-04-02T10:00:00Z', lastReview: '2026-03-30T10:00:00Z', stability: 3, scheduledDays: 3 }),
      // due: reviewed 10 days ago at stability 10, so recall is exactly 0.9
      'redis#replication': card({ due: '2026-03-30T09:00:00Z', lastReview: '2026-03-20T10:00:00Z', stability: 10, scheduledDays: 10 }),
      // mastered: in review with an interval of 21 days or more, not due
      'redis#cluster': card({ due: '2026-04-20T10:00:00Z', lastReview: '2026-03-20T10:00:00Z', stability: 40, scheduledDays: 31 }),
      'docker#layers': card({ due: '2026-05-20T10:00:00Z', lastReview: '2026-03-20T10:00:00Z', stability: 50, scheduledDays: 61, state: 'relearning' }),
      'gone#question': card({ due: '2026-03-01T10:00:00Z', lastReview: '2026-02-01T10:00:00Z' }),
    });
    const [redis, docker] = readinessByTopic(questionIds, progress, now);
    assert.deepEqual([redis.topic, redis.questions, redis.new, redis.learning, redis.due, redis.mastered], ['redis', 4, 1, 1, 1, 1]);
    assert.deepEqual([docker.topic, docker.learning, docker.mastered], ['docker', 1, 0], 'relearning is not mastered, whatever its interval');
    const recalls = [forgetting_curve(default_w, 0, 3), 0.9, forgetting_curve(default_w, 10, 40)];
    assert.ok(Math.abs(redis.recall - recalls.reduce((a, b) => a + b) / 4) < 1e-9, `${redis.recall}`);
    assert.ok(Math.abs((redis.recallOfSeen ?? 0) - recalls.reduce((a, b) => a + b) / 3) < 1e-9);
  });

  it(`leeches: questions with at least ${ankiLeechThreshold} lapses (Anki's default), most lapses first`, () => {
    const lastReview = '2026-03-20T09:00:00Z';
    const due = '2026-03-21T09:00:00Z';
    const progress = progressOf({
      'redis#persistence': card({ due, lastReview, lapses: 7 }),
      'redis#eviction': card({ due, lastReview, lapses: 8 }),
      'docker#layers': card({ due, lastReview, lapses: 12 }),
      'docker#cache': card({ due, lastReview, lapses: 8 }),
    });
    assert.equal(ankiLeechThreshold, 8);
    assert.deepEqual(
      leeches(progress).map((leech) => [leech.questionId, leech.topic, leech.lapses]),
      [
        ['docker#layers', 'docker', 12],
        ['docker#cache', 'docker', 8],
        ['redis#eviction', 'redis', 8],
      ],
    );
    assert.equal(leeches(progress, 4).length, 4);
    assert.deepEqual(leeches(progress, 8, new Set(['redis#eviction'])).map((leech) => leech.questionId), ['redis#eviction']);
  });

  it('mock interviews over time: grades and seconds per question, by session', () => {
    const reviews = [
      review('redis#persistence', '2026-03-10T09:01:00Z', 3, { source: 'mock', session: 'mock-a', seconds: 95, timedOut: false }),
      review('redis#eviction', '2026-03-10T09:04:00Z', 1, { source: 'mock', session: 'mock-a', seconds: 180, timedOut: true }),
      review('redis#persistence', '2026-03-11T09:00:00Z', 4), // practice: not a mock interview
      review('docker#layers', '2026-03-20T22:30:00Z', 2, { source: 'mock' }), // no session: grouped by its local day
      review('docker#cache', '2026-03-20T22:40:00Z', 4, { source: 'mock' }),
    ];
    const history = mockInterviewHistory(reviews, berlin);
    assert.equal(history.length, 2);
    assert.deepEqual(
      { ...history[0], answers: history[0].answers.map((answer) => [answer.questionId, answer.grade, answer.seconds, answer.timedOut]) },
      {
        session: 'mock-a',
        start: '2026-03-10T09:01:00.000Z',
        day: '2026-03-10',
        answers: [
          ['redis#persistence', 3, 95, false],
          ['redis#eviction', 1, 180, true],
        ],
        averageGrade: 2,
        again: 1,
        totalSeconds: 275,
      },
    );
    assert.equal(history[1].session, 'day:2026-03-20');
    assert.equal(history[1].day, '2026-03-20');
    assert.equal(history[1].totalSeconds, undefined, 'not timed');
    assert.equal(history[1].averageGrade, 3);
  });

  it('filters everything by topic', () => {
    const reviews = [review('redis#persistence', '2026-03-30T08:00:00Z'), review('docker#layers', '2026-03-29T08:00:00Z', 3, { source: 'mock' })];
    const progress = progressOf({
      'redis#persistence': card({ due: '2026-04-02T08:00:00Z', lastReview: '2026-03-30T08:00:00Z', lapses: 9 }),
      'docker#layers': card({ due: '2026-04-01T08:00:00Z', lastReview: '2026-03-29T08:00:00Z', lapses: 9 }),
    });
    const statistics = practiceStatistics({ reviews, progress, questionIds: ['redis#persistence', 'docker#layers'], now, calendar: berlin, topics: new Set(['docker']) });
    assert.deepEqual(statistics.readiness.map((topic) => topic.topic), ['docker']);
    assert.equal(statistics.heatmap.reduce((sum, bucket) => sum + bucket.count, 0), 1);
    assert.deepEqual(statistics.streaks, { current: 1, longest: 1, practisedToday: false }, 'only docker was practised, yesterday');
    assert.equal(statistics.forecast.days.reduce((sum, bucket) => sum + bucket.count, 0), 1);
    assert.deepEqual(statistics.leeches.map((leech) => leech.questionId), ['docker#layers']);
    assert.equal(statistics.mockInterviews.length, 1);
    assert.equal(statistics.retention.lastMonth.all.total, 1);
  });
});
