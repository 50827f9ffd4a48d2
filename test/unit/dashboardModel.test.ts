// What the dashboard webview is sent, from a fixed review log, fixed progress and a fixed clock.
import { strict as assert } from 'node:assert';
import { dashboardDocument } from '../../src/core/practice/dashboardDocument';
import { parseDashboardMessage } from '../../src/core/practice/dashboardMessages';
import { dashboardModel, heatmapLevel, type DashboardInput, type DashboardQuestion } from '../../src/core/practice/dashboardModel';
import { calendarForTimeZone } from '../../src/core/practice/localDays';
import { emptyProgress, type CardRecord } from '../../src/core/practice/progress';
import { review } from '../support/reviews';

const berlin = calendarForTimeZone('Europe/Berlin');
const now = new Date('2026-12-05T10:00:00Z'); // Saturday 11:00 in Berlin

const questions: DashboardQuestion[] = [
  { id: 'redis#persistence', title: 'How does Redis persist data?', topicTitle: 'Redis' },
  { id: 'redis#eviction', title: 'Which eviction policies exist?', topicTitle: 'Redis' },
  { id: 'docker#layers', title: 'What is an image layer?', topicTitle: 'Docker' },
];

function card(overrides: Partial<CardRecord> & Pick<CardRecord, 'due' | 'lastReview'>): CardRecord {
  return { stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, state: 'review', lastGrade: 3, ...overrides };
}

function input(overrides: Partial<DashboardInput> = {}): DashboardInput {
  return {
    reviews: [
      review('redis#persistence', '2026-12-04T08:00:00Z', 3),
      review('redis#persistence', '2026-12-05T07:00:00Z', 1),
      review('docker#layers', '2026-12-05T08:00:00Z', 4, { source: 'mock', session: 'mock-1', seconds: 90 }),
    ],
    progress: {
      version: 1,
      cards: {
        // Due tomorrow (Berlin), learning.
        'redis#persistence': card({ due: '2026-12-06T09:00:00Z', lastReview: '2026-12-05T07:00:00Z', lapses: 9, stability: 2, scheduledDays: 1 }),
        // Mastered: due in 40 days, a 40-day interval.
        'docker#layers': card({ due: '2027-01-14T08:00:00Z', lastReview: '2026-12-05T08:00:00Z', stability: 40, scheduledDays: 40 }),
      },
    },
    questions,
    now,
    calendar: berlin,
    desiredRetention: 0.9,
    ...overrides,
  };
}

describe('dashboard model', () => {
  it('counts readiness per topic, with titles, and today\'s average recall', () => {
    const model = dashboardModel(input());
    assert.equal(model.today, '2026-12-05');
    assert.equal(model.empty, false);
    assert.deepEqual(
      model.topics.map(({ id, title, questions: count, new: fresh, learning, due, mastered }) => ({ id, title, count, fresh, learning, due, mastered })),
      [
        { id: 'redis', title: 'Redis', count: 2, fresh: 1, learning: 1, due: 0, mastered: 0 },
        { id: 'docker', title: 'Docker', count: 1, fresh: 0, learning: 0, due: 0, mastered: 1 },
      ],
    );
    // Reviewed minutes ago: recall near 1 for the graded question, 0 for the new one.
    assert.ok(model.topics[0].recall > 0.45 && model.topics[0].recall < 0.5, String(model.topics[0].recall));
    assert.ok(model.topics[1].recall > 0.99);
  });

  it('forecasts each graded question on its local due day, and counts reviews in the heatmap and the streak', () => {
    const model = dashboardModel(input());
    assert.equal(model.forecast.days.length, 30);
    assert.deepEqual(
      model.forecast.days.filter((day) => day.count > 0),
      [{ day: '2026-12-06', count: 1 }],
      'the mastered question is due in 40 days, beyond the forecast',
    );
    assert.equal(model.heatmap.length, 365);
    assert.deepEqual(model.heatmap.slice(-2), [
      { day: '2026-12-04', count: 1, level: 2 },
      { day: '2026-12-05', count: 2, level: 4 },
    ]);
    assert.equal(model.totalReviews, 3);
    assert.deepEqual(model.streaks, { current: 2, longest: 2, practisedToday: true });
    assert.equal(model.retention.desired, 0.9);
    assert.deepEqual(model.retention.allTime.young, { passed: 2, total: 3, rate: 2 / 3 });
  });

  it('names mock interviews and leeches, the leech with its note and section for the reader', () => {
    const model = dashboardModel(input());
    assert.deepEqual(model.mockInterviews, [{ day: '2026-12-05', start: '2026-12-05T08:00:00.000Z', questions: 1, averageGrade: 4, again: 0, totalSeconds: 90 }]);
    assert.deepEqual(model.leeches, [{ questionId: 'redis#persistence', noteId: 'redis', sectionId: 'persistence', question: 'How does Redis persist data?', topic: 'Redis', lapses: 9 }]);
  });

  it('filters every panel but readiness to the chosen topic, and lists the chosen day\'s reviews newest first', () => {
    const model = dashboardModel(input({ selection: { topic: 'docker', day: '2026-12-05' } }));
    assert.deepEqual(model.selection, { topic: 'docker', day: '2026-12-05' });
    assert.equal(model.selectedTopicTitle, 'Docker');
    assert.equal(model.topics.length, 2, 'readiness keeps every topic: it is where one is chosen');
    assert.equal(model.totalReviews, 1);
    assert.deepEqual(model.leeches, []);
    assert.deepEqual(model.forecast.days.filter((day) => day.count > 0), []);
    assert.deepEqual(model.dayReviews?.map((entry) => [entry.question, entry.grade, entry.source]), [['What is an image layer?', 4, 'mock']]);
    const allTopics = dashboardModel(input({ selection: { day: '2026-12-05' } }));
    assert.deepEqual(allTopics.dayReviews?.map((entry) => entry.questionId), ['docker#layers', 'redis#persistence']);
  });

  it('ignores a chosen topic or day that does not exist', () => {
    const model = dashboardModel(input({ selection: { topic: 'kafka', day: '2026-02-30' } }));
    assert.deepEqual(model.selection, { topic: undefined, day: undefined });
    assert.equal(model.dayReviews, undefined);
    assert.equal(model.totalReviews, 3);
  });

  it('is the empty state with nothing graded: every question new, nothing due, no reviews', () => {
    const model = dashboardModel(input({ reviews: [], progress: emptyProgress() }));
    assert.equal(model.empty, true);
    assert.deepEqual(model.topics.map((topic) => topic.new), [2, 1]);
    assert.equal(model.totalReviews, 0);
    assert.ok(model.heatmap.every((day) => day.level === 0));
    assert.equal(model.interview, undefined);
  });

  it('counts down to the interview date and plans the chosen topics; no plan for an empty or wrong date', () => {
    const model = dashboardModel(input({ interviewDate: '2026-12-15', interviewTopics: ['redis', 'unknown'] }));
    assert.ok(model.interview);
    assert.equal(model.interview.date, '2026-12-15');
    assert.equal(model.interview.daysUntil, 10);
    assert.deepEqual(model.interview.topics, ['Redis']);
    assert.equal(model.interview.questions, 2);
    assert.equal(model.interview.unseen, 1);
    assert.equal(model.interview.newPerDay, 1);
    assert.equal(model.interview.days[0].day, '2026-12-05');
    assert.equal(model.interview.days[0].newQuestions, 1);
    assert.equal(dashboardModel(input({ interviewDate: '' })).interview, undefined);
    assert.equal(dashboardModel(input({ interviewDate: 'next week' })).interview, undefined);
    assert.equal(dashboardModel(input({ interviewDate: '2026-12-01' })).interview?.daysUntil, -4);
  });

  it('shades heatmap days in four buckets relative to the busiest day', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 8].map((count) => heatmapLevel(count, 8)), [0, 1, 1, 2, 2, 4]);
    assert.equal(heatmapLevel(1, 100), 1, 'any review shows');
    assert.equal(heatmapLevel(3, 0), 0);
  });
});

describe('dashboard messages and page', () => {
  it('accepts only well-formed messages from the webview', () => {
    assert.deepEqual(parseDashboardMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseDashboardMessage({ type: 'rendered', sequence: 2, extra: 1 }), { type: 'rendered', sequence: 2 });
    assert.deepEqual(parseDashboardMessage({ type: 'select', topic: 'redis', day: '2026-12-05' }), { type: 'select', topic: 'redis', day: '2026-12-05' });
    assert.deepEqual(parseDashboardMessage({ type: 'select', topic: null }), { type: 'select', topic: undefined, day: undefined });
    assert.deepEqual(parseDashboardMessage({ type: 'openQuestion', questionId: 'redis#persistence' }), { type: 'openQuestion', questionId: 'redis#persistence' });
    for (const bad of [null, 'ready', { type: 'select', topic: '<script>' }, { type: 'select', day: '2026-13-01' }, { type: 'openQuestion', questionId: 'command:x' }, { type: 'rendered' }, { type: 'rendered', sequence: -1 }, { type: 'run' }]) {
      assert.equal(parseDashboardMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('builds a page with the reader\'s policy: scripts by nonce only, no inline styles, data escaped in an attribute', () => {
    const html = dashboardDocument({
      cspSource: 'vscode-resource:',
      nonce: 'abc123',
      styleUris: ['vscode-resource:/dist/webview/dashboard.css', 'vscode-resource:/media/dashboard.css'],
      headScriptUri: 'vscode-resource:/dist/webview/policyWatch.js',
      scriptUri: 'vscode-resource:/dist/webview/dashboard.js',
      language: 'en',
      title: 'Practice Dashboard',
      data: { strings: { title: '"><img src=x onerror=alert(1)>' } },
    });
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.ok(policy.includes("default-src 'none'") && policy.includes("script-src 'nonce-abc123'"), policy);
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes('unsafe-eval'), policy);
    assert.ok(!html.includes('<img'), 'data is escaped');
    assert.ok(!/<style|style="/.test(html), 'no inline style');
    assert.equal(html.match(/<script /g)?.length, 2);
    assert.equal(html.match(/<script nonce="abc123" src=/g)?.length, 2);
  });
});
