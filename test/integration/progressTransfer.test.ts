import { assert } from 'chai';
import * as vscode from 'vscode';
import { questionsOf } from '../../src/core/notes/note';
import { serializeProgress, type CardRecord } from '../../src/core/practice/progress';
import { reviewKey, type ReviewRecord } from '../../src/core/practice/reviewLog';
import { extensionApi, workspaceFile } from './helpers';
import { review } from '../support/reviews';

const day = 24 * 60 * 60_000;


function record(lastReview: number): CardRecord {
  return { due: new Date(lastReview + 4 * day).toISOString(), stability: 4, difficulty: 5, scheduledDays: 4, learningSteps: 0, reps: 2, lapses: 0, state: 'review', lastReview: new Date(lastReview).toISOString(), lastGrade: 3 };
}

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function redisQuestions(): Promise<string[]> {
  const { library } = await extensionApi();
  const loaded = await library.note('redis');
  assert.ok(loaded);
  return questionsOf(loaded.note).map((question) => `redis#${question.id}`);
}

describe('progress export and import with the review log', () => {
  afterEach(async () => {
    await (await extensionApi()).progress.resetNote('redis');
  });

  it('exports version 2 with the review log; importing it back adds no review twice; a new review is added as a new segment', async () => {
    const api = await extensionApi();
    const [first, second] = await redisQuestions();
    // Times of this run only, so a log left by an earlier run cannot answer for this one.
    const base = Date.now() - 3 * day + Math.floor(Math.random() * 60_000);
    const mine = [review(first, base), review(second, base + 60_000, 1)];
    await api.reviewLog.append(mine);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('interviewNotes.exportProgress', workspaceFile('progress-v2.json'));
    const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as { version: number; cards: unknown; reviews: ReviewRecord[] };
    assert.equal(file.version, 2);
    assert.deepEqual(file.cards, api.progress.progress.cards);
    const keys = new Set(file.reviews.map(reviewKey));
    assert.ok(mine.every((each) => keys.has(reviewKey(each))), 'the log is in the export');

    const before = (await api.reviewLog.read()).reviews.length;
    const again = await api.practice.transfer.importProgress(uri);
    assert.ok(again && !('refused' in again));
    assert.equal(again.reviewsAdded, 0, 'nothing twice');
    assert.equal((await api.reviewLog.read()).reviews.length, before);

    const later = review(first, base + 2 * day, 4);
    const withNew = { ...file, cards: { [first]: record(base + 2 * day) }, reviews: [...file.reviews, later] };
    const segments = async () => (await vscode.workspace.fs.readDirectory(api.reviewLog.folder)).filter(([name]) => name.endsWith('.jsonl')).length;
    const segmentsBefore = await segments();
    const outcome = await api.practice.transfer.importProgress(await writeFile('progress-v2-more.json', JSON.stringify(withNew)));
    assert.ok(outcome && !('refused' in outcome));
    assert.deepInclude(outcome, { imported: 1, reviewsAdded: 1, badReviews: 0 });
    assert.equal(await segments(), segmentsBefore + 1, 'written as a new segment');
    const after = await api.reviewLog.read();
    assert.equal(after.reviews.length, before + 1);
    assert.ok(after.reviews.some((each) => reviewKey(each) === reviewKey(later)));
  });

  it('reports a bad review by its place and merges the rest; a bad progress part still refuses the whole file', async () => {
    const api = await extensionApi();
    const [first] = await redisQuestions();
    const base = Date.now() - 2 * day + Math.floor(Math.random() * 60_000);
    const good = review(first, base);
    const text = JSON.stringify({ version: 2, cards: { [first]: record(base) }, reviews: [{ ...review(first, base - day), grade: 7 }, good] });
    const outcome = await api.practice.transfer.importProgress(await writeFile('progress-v2-bad-review.json', text));
    assert.ok(outcome && !('refused' in outcome));
    assert.deepInclude(outcome, { imported: 1, reviewsAdded: 1, badReviews: 1 });
    assert.ok((await api.reviewLog.read()).reviews.some((each) => reviewKey(each) === reviewKey(good)));

    const stored = JSON.stringify(api.progress.storedValue());
    const logBefore = (await api.reviewLog.read()).reviews.length;
    const refused = await api.practice.transfer.importProgress(
      await writeFile('progress-v2-bad-card.json', JSON.stringify({ version: 2, cards: { [first]: { ...record(base), reps: 'two' } }, reviews: [review(first, base + day)] })),
    );
    assert.ok(refused && 'refused' in refused);
    assert.match(refused.refused, /"reps" must be a whole number/);
    assert.equal(JSON.stringify(api.progress.storedValue()), stored, 'progress unchanged');
    assert.equal((await api.reviewLog.read()).reviews.length, logBefore, 'the log unchanged');
  });

  it('still imports a version-1 file', async () => {
    const api = await extensionApi();
    const [first] = await redisQuestions();
    const outcome = await api.practice.transfer.importProgress(await writeFile('progress-v1.json', serializeProgress({ version: 1, cards: { [first]: record(Date.now() - day) } })));
    assert.ok(outcome && !('refused' in outcome));
    assert.deepInclude(outcome, { imported: 1, kept: 0, unknown: 0, reviewsAdded: 0 });
    assert.equal(api.progress.stateOf(first), 'review', 'a review card not yet due, its interval under three weeks');
  });
});
