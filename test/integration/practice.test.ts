import { assert } from 'chai';
import * as vscode from 'vscode';
import { questionsOf } from '../../src/core/notes/note';
import { serializeProgress, type CardRecord, type ProgressData } from '../../src/core/practice/progress';
import { serializeProgressExport } from '../../src/core/practice/progressExport';
import type { InterviewNotesApi } from '../../src/host/extension';
import { isNoteNode } from '../../src/host/topicsTree';
import { closeAllEditors, extensionApi, waitFor, workspaceFile } from './helpers';

const day = 24 * 60 * 60_000;

async function questionIds(noteId: string): Promise<string[]> {
  const { library } = await extensionApi();
  const loaded = await library.note(noteId);
  assert.ok(loaded, `note ${noteId}`);
  return questionsOf(loaded.note).map((question) => `${noteId}#${question.id}`);
}

/** A question last reviewed days ago and due since yesterday. */
function dueRecord(): CardRecord {
  const now = Date.now();
  return {
    due: new Date(now - day).toISOString(),
    stability: 4,
    difficulty: 5,
    scheduledDays: 4,
    learningSteps: 0,
    reps: 2,
    lapses: 0,
    state: 'review',
    lastReview: new Date(now - 5 * day).toISOString(),
    lastGrade: 3,
  };
}

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function treeDescriptions(api: InterviewNotesApi, noteId: string, questionId: string): Promise<{ topic: string; question: string }> {
  const topic = (await api.tree.getChildren()).filter(isNoteNode).find((node) => node.note.id === noteId);
  assert.ok(topic);
  const section = questionId.slice(questionId.indexOf('#') + 1);
  return {
    topic: String(api.tree.getTreeItem(topic).description),
    question: String(api.tree.getTreeItem(api.tree.nodeFor(topic.note, section)).description),
  };
}

/** Starts the session's next card in the real webview and waits for the host to show it. */
async function shownCard(api: InterviewNotesApi, previous?: string): Promise<string> {
  const shown = await waitFor('a practice card on screen', () => (api.practice.view.current && api.practice.view.current.questionId !== previous ? api.practice.view.current : undefined), 20_000);
  return shown.questionId;
}

describe('practice', () => {
  afterEach(async () => {
    const api = await extensionApi();
    for (const noteId of ['redis', 'docker']) {
      await api.practice.transfer.resetTopic(noteId);
    }
    await closeAllEditors();
  });

  it('grading a due card stores the new state and updates the due counts in the tree and the status bar', async () => {
    const api = await extensionApi();
    const [first] = await questionIds('redis');
    const seeded = await api.practice.transfer.importProgress(await writeFile('practice-seed.json', serializeProgress({ version: 1, cards: { [first]: dueRecord() } })));
    assert.deepInclude(seeded, { imported: 1, kept: 0, unknown: 0 });

    let descriptions = await treeDescriptions(api, 'redis', first);
    assert.match(descriptions.topic, /questions · 1 due$/);
    assert.equal(descriptions.question, 'due');
    await api.practice.statusBar.refresh();
    const before = api.practice.statusBar.state;
    assert.isAtLeast(before.due, 1);
    assert.isTrue(before.visible);
    assert.include(before.text, `${before.due} due`);

    // What a click on the status bar item runs.
    assert.ok(before.command);
    assert.isAtLeast(await vscode.commands.executeCommand<number>(before.command.command, ...(before.command.arguments ?? [])), 1);
    assert.equal(await shownCard(api), first, 'the due card comes first');
    await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
    await api.practice.view.handleMessage({ type: 'grade', grade: 3 });

    const stored = api.progress.storedValue() as ProgressData;
    assert.equal(stored.cards[first].reps, 3);
    assert.equal(stored.cards[first].lastGrade, 3);
    assert.isAbove(Date.parse(stored.cards[first].due), Date.now(), 'due again in the future');
    descriptions = await treeDescriptions(api, 'redis', first);
    assert.notMatch(descriptions.topic, /due/);
    assert.oneOf(descriptions.question, ['learning', 'mastered']);
    await api.practice.statusBar.updated;
    assert.equal(api.practice.statusBar.state.due, before.due - 1);
    assert.equal(api.practice.statusBar.state.visible, before.due - 1 > 0);
  });

  it('shows each question\'s state in the reader, and updates it after a grade', async () => {
    const api = await extensionApi();
    const [first] = await questionIds('redis');
    await vscode.commands.executeCommand('interviewNotes.openNote', 'redis');
    await api.reader.rendered;
    const badge = () => api.reader.lastQuestionStates.find((entry) => `redis#${entry.sectionId}` === first);
    await waitFor('the state badges', () => badge()?.state === 'new');
    await vscode.commands.executeCommand('interviewNotes.practice', { topics: ['redis'] });
    assert.equal(await shownCard(api), first, 'new questions in note order');
    await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
    await api.practice.view.handleMessage({ type: 'grade', grade: 4 });
    await waitFor('the badge to follow the grade', () => badge()?.state === 'learning' || badge()?.state === 'mastered');
  });

  it('exports progress to JSON and imports it back exactly', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('interviewNotes.practice', { topics: ['redis'] });
    let previous: string | undefined;
    for (const grade of [4, 3, 1]) {
      previous = await shownCard(api, previous);
      await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
      await api.practice.view.handleMessage({ type: 'grade', grade });
    }
    const original = api.progress.progress;
    assert.isAtLeast(Object.keys(original.cards).length, 3);
    const exported = await vscode.commands.executeCommand<vscode.Uri>('interviewNotes.exportProgress', workspaceFile('progress-export.json'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported));
    // Version 2 of the export: the progress as stored, and the review log beside it.
    const { reviews, ...progressPart } = JSON.parse(text) as { reviews: unknown[] };
    assert.deepEqual(progressPart, { ...original, version: 2 });

    await api.practice.transfer.resetTopic('redis');
    assert.deepEqual(Object.keys(api.progress.progress.cards).filter((id) => id.startsWith('redis#')), []);
    const outcome = await vscode.commands.executeCommand('interviewNotes.importProgress', exported);
    assert.deepInclude(outcome, { imported: Object.keys(original.cards).length, kept: 0, unknown: 0 });
    assert.deepEqual(api.progress.progress, original);
    assert.deepEqual(api.progress.storedValue(), original);
    assert.equal(serializeProgressExport(api.progress.progress, (await api.reviewLog.read()).reviews), text, 'byte for byte');
    assert.lengthOf(reviews, (await api.reviewLog.read()).reviews.length);
  });

  it('refuses a bad progress file with the problem named, and changes nothing', async () => {
    const api = await extensionApi();
    const [first, second] = await questionIds('redis');
    await api.practice.transfer.importProgress(await writeFile('practice-seed.json', serializeProgress({ version: 1, cards: { [first]: dueRecord() } })));
    const before = JSON.stringify(api.progress.storedValue());
    const bad: Record<string, [string, RegExp]> = {
      'not-json.json': ['{"version": 1, "cards": {', /not JSON/],
      'wrong-version.json': [JSON.stringify({ version: 7, cards: {} }), /unsupported version 7/],
      'wrong-type.json': [JSON.stringify({ version: 1, cards: { [second]: { ...dueRecord(), reps: 'two' } } }), /"reps" must be a whole number/],
      'bad-id.json': [JSON.stringify({ version: 1, cards: { [second]: dueRecord(), '../../etc': dueRecord() } }), /not a question id/],
    };
    for (const [name, [text, problem]] of Object.entries(bad)) {
      const outcome = await api.practice.transfer.importProgress(await writeFile(name, text));
      assert.ok(outcome && 'refused' in outcome, name);
      assert.match(outcome.refused, problem, name);
      assert.equal(JSON.stringify(api.progress.storedValue()), before, `${name} changed nothing`);
    }
    const unknown = await api.practice.transfer.importProgress(await writeFile('unknown-ids.json', serializeProgress({ version: 1, cards: { 'no-such-note#q-gone': dueRecord() } })));
    assert.deepInclude(unknown, { imported: 1, kept: 0, unknown: 1 }, 'kept for when the question comes back');
    await api.progress.resetNote('no-such-note');
  });

  it('resets one topic and leaves the others', async () => {
    const api = await extensionApi();
    const [redisQuestion] = await questionIds('redis');
    const [dockerQuestion] = await questionIds('docker');
    await api.practice.transfer.importProgress(await writeFile('practice-seed.json', serializeProgress({ version: 1, cards: { [redisQuestion]: dueRecord(), [dockerQuestion]: dueRecord() } })));
    assert.equal(await api.practice.transfer.resetTopic('redis'), 1);
    assert.equal(api.progress.stateOf(redisQuestion), 'new');
    assert.equal(api.progress.stateOf(dockerQuestion), 'due');
  });

  it('runs a mock interview of N random questions and sums up time, grades and notes', async () => {
    const api = await extensionApi();
    const ids = await questionIds('docker');
    assert.equal(await vscode.commands.executeCommand('interviewNotes.mockInterview', { topics: ['docker'], count: 2 }), 2);
    const asked: string[] = [];
    for (const [grade, notes] of [[3, 'PID 1 gets the signals'], [2, '']] as const) {
      asked.push(await shownCard(api, asked[asked.length - 1]));
      await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
      await api.practice.view.handleMessage({ type: 'grade', grade, notes });
    }
    assert.equal(new Set(asked).size, 2);
    assert.ok(asked.every((id) => ids.includes(id)));
    const summary = await waitFor('the summary', () => api.practice.view.summaryMarkdown);
    assert.match(summary, /^# Mock interview/);
    assert.match(summary, /\| 1 \| .+ \| Docker[^|]* \| \d+:\d\d \| Good \|/);
    assert.match(summary, /\| 2 \| .+ \| Docker[^|]* \| \d+:\d\d \| Hard \|/);
    assert.include(summary, '> PID 1 gets the signals');
    assert.equal(api.progress.progress.cards[asked[0]].lastGrade, 3, 'mock grades count as reviews');
  });

  it('ignores malformed messages from the practice webview', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('interviewNotes.practice', { topics: ['redis'] });
    const shown = await shownCard(api);
    const before = JSON.stringify(api.progress.storedValue() ?? null);
    for (const message of [{ type: 'grade', grade: 9 }, { type: 'grade', grade: '3' }, { type: 'runCommand', command: 'workbench.action.quit' }, null, 'grade']) {
      await api.practice.view.handleMessage(message);
    }
    assert.equal(JSON.stringify(api.progress.storedValue() ?? null), before);
    assert.equal(api.practice.view.current?.questionId, shown);
  });
});
