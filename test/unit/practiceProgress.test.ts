// Import validation, merge rules, answers and the mock-interview summary.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionsOf } from '../../src/core/notes/note';
import { parseNote } from '../../src/core/notes/noteParser';
import { mockInterviewSummary, pickQuestions, type SummaryStrings } from '../../src/core/practice/mockInterview';
import { formatInterval, practiceDocument } from '../../src/core/practice/practiceDocument';
import { parsePracticeMessage } from '../../src/core/practice/practiceMessages';
import { mergeProgress, parseProgress, serializeProgress, withoutNote, type CardRecord, type ProgressData } from '../../src/core/practice/progress';
import { answerMarkdown } from '../../src/core/practice/questionCard';

const record = (lastReview: string, extra: Partial<CardRecord> = {}): CardRecord => ({
  due: '2026-03-05T09:00:00.000Z',
  stability: 3.2,
  difficulty: 5.1,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  state: 'review',
  lastReview,
  lastGrade: 3,
  ...extra,
});

const valid: ProgressData = { version: 1, cards: { 'redis#q-persistence': record('2026-03-02T09:00:00.000Z'), 'docker#q-layers': record('2026-03-01T09:00:00.000Z', { state: 'learning' }) } };

function refused(text: string): string {
  const result = parseProgress(text);
  assert.equal(result.ok, false, `refused: ${text.slice(0, 80)}`);
  return result.ok ? '' : result.problem;
}

describe('progress import validation', () => {
  it('accepts its own export and reads back exactly what was written', () => {
    const result = parseProgress(serializeProgress(valid));
    assert.ok(result.ok);
    assert.deepEqual(result.progress, valid);
  });

  it('refuses a file that is not JSON, naming the problem', () => {
    assert.match(refused('{"version": 1, "cards": {'), /not JSON/);
    assert.match(refused(''), /not JSON/);
  });

  it('refuses other versions and shapes', () => {
    assert.match(refused(JSON.stringify({ ...valid, version: 2 })), /unsupported version 2/);
    assert.match(refused(JSON.stringify({ cards: valid.cards })), /unsupported version undefined/);
    assert.match(refused('[]'), /expected a JSON object/);
    assert.match(refused(JSON.stringify({ version: 1, cards: [] })), /"cards" must be an object/);
  });

  it('refuses wrong types in any record, naming the question and the field', () => {
    const withCard = (card: unknown) => JSON.stringify({ version: 1, cards: { ...valid.cards, 'redis#q-ttl': card } });
    assert.match(refused(withCard({ ...record('2026-03-02T09:00:00.000Z'), due: 'tomorrow' })), /redis#q-ttl: "due" must be a date/);
    assert.match(refused(withCard({ ...record('2026-03-02T09:00:00.000Z'), stability: '3' })), /"stability" must be a number/);
    assert.match(refused(withCard({ ...record('2026-03-02T09:00:00.000Z'), difficulty: -1 })), /"difficulty"/);
    assert.match(refused(withCard({ ...record('2026-03-02T09:00:00.000Z'), reps: 1.5 })), /"reps" must be a whole number/);
    assert.match(refused(withCard({ ...record('2026-03-02T09:00:00.000Z'), state: 'done' })), /"state" must be one of/);
    assert.match(refused(withCard({ ...record('2026-03-02T09:00:00.000Z'), lastGrade: 0 })), /"lastGrade"/);
    assert.match(refused(withCard('due')), /expected an object/);
  });

  it('refuses malformed question ids, and reports well-formed ids that no note has', () => {
    assert.match(refused(JSON.stringify({ version: 1, cards: { '../etc/passwd': record('2026-03-02T09:00:00.000Z') } })), /not a question id/);
    assert.match(refused(JSON.stringify({ version: 1, cards: { redis: record('2026-03-02T09:00:00.000Z') } })), /not a question id/);
    const result = parseProgress(serializeProgress(valid), new Set(['redis#q-persistence']));
    assert.ok(result.ok);
    assert.deepEqual(result.unknownIds, ['docker#q-layers']);
    assert.ok('docker#q-layers' in result.progress.cards, 'kept: the note may come back');
  });

  it('drops fields it does not know', () => {
    const card = JSON.stringify({ ...record('2026-03-02T09:00:00.000Z'), extra: 'x' }).replace(/^\{/, '{"__proto__": {"polluted": true}, ');
    const result = parseProgress(`{"version": 1, "cards": {"redis#q-a": ${card}}}`);
    assert.ok(result.ok);
    assert.deepEqual(Object.keys(result.progress.cards['redis#q-a']).sort(), Object.keys(record('x')).sort());
  });
});

describe('progress merge rules', () => {
  it('takes the record with the later review, keeps the current one on a tie, and keeps one-sided records', () => {
    const current: ProgressData = {
      version: 1,
      cards: { 'redis#q-a': record('2026-03-02T09:00:00.000Z', { reps: 5 }), 'redis#q-b': record('2026-03-02T09:00:00.000Z', { reps: 2 }), 'redis#q-c': record('2026-03-04T09:00:00.000Z', { reps: 7 }) },
    };
    const incoming: ProgressData = {
      version: 1,
      cards: { 'redis#q-a': record('2026-03-03T09:00:00.000Z', { reps: 6 }), 'redis#q-b': record('2026-03-02T09:00:00.000Z', { reps: 9 }), 'redis#q-c': record('2026-03-01T09:00:00.000Z', { reps: 1 }), 'nginx#q-d': record('2026-03-01T09:00:00.000Z') },
    };
    const merged = mergeProgress(current, incoming);
    assert.equal(merged.progress.cards['redis#q-a'].reps, 6, 'newer import wins');
    assert.equal(merged.progress.cards['redis#q-b'].reps, 2, 'tie keeps the current');
    assert.equal(merged.progress.cards['redis#q-c'].reps, 7, 'an older import never undoes newer practice');
    assert.ok(merged.progress.cards['nginx#q-d'], 'new questions come in');
    assert.deepEqual([...merged.taken].sort(), ['nginx#q-d', 'redis#q-a']);
    assert.deepEqual([...merged.kept].sort(), ['redis#q-b', 'redis#q-c']);
    assert.deepEqual(current.cards['redis#q-a'].reps, 5, 'the inputs are not changed');
  });

  it('restores an export exactly into empty progress', () => {
    assert.deepEqual(mergeProgress({ version: 1, cards: {} }, valid).progress, valid);
  });

  it('resets one topic only', () => {
    assert.deepEqual(Object.keys(withoutNote(valid, 'redis').cards), ['docker#q-layers']);
  });
});

describe('practice cards and messages', () => {
  it('gives a question\'s model answer: the Markdown under its heading up to the next one', () => {
    const path = join(__dirname, '..', '..', 'notes', 'en', 'redis.md');
    const note = parseNote(readFileSync(path, 'utf8'), { expectedId: 'redis', language: 'en' }).note!;
    const [first, second] = questionsOf(note);
    const answer = answerMarkdown(note, first.id)!;
    assert.ok(answer.markdown.trim().length > 40);
    assert.doesNotMatch(answer.markdown, /\{#/, 'no heading of its own or of the next question');
    assert.ok(!answer.markdown.includes(second.title));
    const fileLines = readFileSync(path, 'utf8').split('\n');
    assert.equal(fileLines[answer.lineOffset - 1], fileLines[first.line], 'starts just below the question heading');
    assert.equal(answerMarkdown(note, 'no-such-question'), undefined);
  });

  it('accepts only well-formed, bounded messages from the webview', () => {
    assert.deepEqual(parsePracticeMessage({ type: 'grade', grade: 3, notes: 'typed' }), { type: 'grade', grade: 3, notes: 'typed' });
    assert.deepEqual(parsePracticeMessage({ type: 'grade', grade: 4 }), { type: 'grade', grade: 4, notes: '' });
    assert.equal(parsePracticeMessage({ type: 'grade', grade: 5 }), undefined);
    assert.equal(parsePracticeMessage({ type: 'grade', grade: '3' }), undefined);
    assert.equal(parsePracticeMessage({ type: 'grade', grade: 3, notes: 'x'.repeat(20_001) }), undefined);
    assert.deepEqual(parsePracticeMessage({ type: 'reveal', timedOut: 'yes' }), { type: 'reveal', timedOut: false });
    assert.equal(parsePracticeMessage({ type: 'runCommand' }), undefined);
    assert.equal(parsePracticeMessage(null), undefined);
    assert.equal(parsePracticeMessage({ type: 'openLink', href: 'x'.repeat(3000) }), undefined);
  });

  it('builds a page with a nonce-only script policy and escaped strings', () => {
    const html = practiceDocument({
      cspSource: 'vscode-resource:',
      nonce: 'abc123',
      styleUris: ['style.css'],
      scriptUri: 'practice.js',
      language: 'en',
      title: '<Practice>',
      data: { mode: 'practice', strings: { showAnswer: 'Show "answer"', grades: ['Again', 'Hard', 'Good', 'Easy'], notesPlaceholder: '', timeUp: '', saveSummary: '', keysHint: '' } },
    });
    assert.match(html, /script-src 'nonce-abc123'/);
    assert.match(html, /default-src 'none'/);
    assert.doesNotMatch(html, /<Practice>/);
    assert.match(html, /Show &quot;answer&quot;/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('labels intervals briefly', () => {
    const from = '2026-03-02T09:00:00.000Z';
    assert.equal(formatInterval(from, '2026-03-02T09:10:00.000Z'), '10 min');
    assert.equal(formatInterval(from, '2026-03-02T15:00:00.000Z'), '6 h');
    assert.equal(formatInterval(from, '2026-03-06T09:00:00.000Z'), '4 d');
    assert.equal(formatInterval(from, '2026-06-02T09:00:00.000Z'), '3 mo');
  });
});

describe('mock interview', () => {
  it('picks distinct questions at random, no more than there are', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const picked = pickQuestions(['a', 'b', 'c', 'd', 'e', 'f'], 4, random);
    assert.equal(picked.length, 4);
    assert.equal(new Set(picked).size, 4);
    assert.equal(pickQuestions(['a', 'b'], 5, random).length, 2);
    assert.deepEqual(pickQuestions(['a', 'b'], 0, random), []);
  });

  it('writes a summary with time and grade per question and the notes quoted', () => {
    const strings: SummaryStrings = {
      title: 'Mock interview', date: 'Date', question: 'Question', topic: 'Topic', time: 'Time', grade: 'Grade', total: 'Total time',
      timedOut: 'time up', yourNotes: 'Your notes', noNotes: 'No notes', notGraded: 'not graded', grades: { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' },
    };
    const markdown = mockInterviewSummary(
      [
        { questionId: 'redis#q-a', topic: 'Redis', question: 'Why is Redis | fast?', seconds: 95, timedOut: false, grade: 3, notes: 'single thread\n# not a heading' },
        { questionId: 'docker#q-b', topic: 'Docker', question: 'Layers?', seconds: 120, timedOut: true, notes: '' },
      ],
      new Date('2026-03-02T09:00:00.000Z'),
      strings,
    );
    assert.match(markdown, /^# Mock interview\n/);
    assert.match(markdown, /Date: 2026-03-02 09:00 UTC · Total time: 3:35/);
    assert.match(markdown, /\| 1 \| Why is Redis \\\| fast\? \| Redis \| 1:35 \| Good \|/);
    assert.match(markdown, /\| 2 \| Layers\? \| Docker \| 2:00 \(time up\) \| not graded \|/);
    assert.match(markdown, /> single thread\n> # not a heading/);
    assert.match(markdown, /_No notes_/);
  });
});
