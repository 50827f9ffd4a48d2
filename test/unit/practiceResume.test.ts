// What the practice panel keeps to come back after a reload: it returns from the webview, so it is checked like any input from there.
import { strict as assert } from 'node:assert';
import { parsePracticeResume, type PracticeResume } from '../../src/core/practice/practiceResume';

const mock: PracticeResume = {
  kind: 'mock',
  questionIds: ['linux#signals', 'docker#pid-1'],
  secondsPerQuestion: 180,
  startedAt: '2026-12-05T09:30:00.000Z',
  answers: [{ questionId: 'redis#persistence', topic: 'Redis', question: 'RDB or AOF?', seconds: 42.5, timedOut: false, grade: 3, notes: 'AOF with everysec' }],
  shownAt: Date.parse('2026-12-05T09:31:00.000Z'),
};

describe('practice panel resume state', () => {
  it('reads back what the host wrote, for a practice session and a mock interview', () => {
    const practice: PracticeResume = { kind: 'practice', questionIds: ['redis#persistence', 'redis#eviction'], includeNew: true, newLimit: 20 };
    assert.deepEqual(parsePracticeResume(JSON.parse(JSON.stringify(practice))), practice);
    assert.deepEqual(parsePracticeResume(JSON.parse(JSON.stringify(mock))), mock);
    const notShownYet: PracticeResume = { ...mock, shownAt: undefined };
    delete (notShownYet as { shownAt?: number }).shownAt;
    assert.deepEqual(parsePracticeResume(notShownYet), notShownYet);
    const ungraded = { ...mock, answers: [{ ...mock.answers[0], grade: undefined, timedOut: true }] };
    assert.deepEqual(parsePracticeResume(JSON.parse(JSON.stringify(ungraded)))?.kind, 'mock', 'an answer the time ran out on has no grade');
  });

  it('refuses anything else whole: older pages, bad ids, bad numbers, bad answers', () => {
    const refused: unknown[] = [
      undefined,
      null,
      'practice',
      [],
      {},
      { kind: 'practice', questionIds: ['redis#persistence'], includeNew: 'yes', newLimit: 20 },
      { kind: 'practice', questionIds: ['redis#persistence'], includeNew: true, newLimit: -1 },
      { kind: 'practice', questionIds: ['../etc#passwd'], includeNew: true, newLimit: 20 },
      { kind: 'practice', questionIds: 'redis#persistence', includeNew: true, newLimit: 20 },
      { kind: 'practice', questionIds: Array.from({ length: 10_001 }, () => 'redis#persistence'), includeNew: true, newLimit: 20 },
      { kind: 'reader', questionIds: [] },
      { ...mock, secondsPerQuestion: 0 },
      { ...mock, secondsPerQuestion: Number.POSITIVE_INFINITY },
      { ...mock, startedAt: 'yesterday' },
      { ...mock, shownAt: '09:31' },
      { ...mock, answers: [{ ...mock.answers[0], grade: 5 }] },
      { ...mock, answers: [{ ...mock.answers[0], seconds: -1 }] },
      { ...mock, answers: [{ ...mock.answers[0], notes: 'x'.repeat(20_001) }] },
      { ...mock, answers: [{ ...mock.answers[0], questionId: 'Redis#Persistence' }] },
      { ...mock, answers: 'none' },
    ];
    for (const raw of refused) {
      assert.equal(parsePracticeResume(raw), undefined, JSON.stringify(raw)?.slice(0, 120));
    }
  });
});
