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
    const started = new Date().toISOString();
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
    // The grade is in the review log too, with the memory state before and after.
    const logged = (await api.reviewLog.read()).reviews.filter((review) => review.questionId === first && review.time >= started);
    assert.lengthOf(logged, 1);
    assert.include(logged[0], { grade: 3, source: 'practice', scheduledDays: 4 });
    assert.equal(logged[0].before.state, 'review');
    descriptions = await treeDescriptions(api, 'redis', first);
    assert.notMatch(descriptions.topic, /due/);
    assert.oneOf(descriptions.question, ['learning', 'in review', 'mastered']);
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
    await waitFor('the badge to follow the grade', () => badge()?.state === 'review' || badge()?.state === 'mastered');
  });

  it('says in a question\'s tooltip what its state means: a first Easy is in review, not learning', async () => {
    const api = await extensionApi();
    const [first] = await questionIds('redis');
    await vscode.commands.executeCommand('interviewNotes.practice', { topics: ['redis'] });
    assert.equal(await shownCard(api), first);
    await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
    await api.practice.view.handleMessage({ type: 'grade', grade: 4 });
    const topic = (await api.tree.getChildren()).filter(isNoteNode).find((node) => node.note.id === 'redis');
    assert.ok(topic);
    const node = api.tree.nodeFor(topic.note, first.slice(first.indexOf('#') + 1));
    const item = api.tree.getTreeItem(node);
    assert.equal(item.description, 'in review');
    const tooltip = String(api.tree.resolveTreeItem(item, node).tooltip);
    assert.match(tooltip, /In review: graded Easy the first time, so it skipped the short learning steps\./);
    assert.match(tooltip, /It comes back in \d+ d \(.+\), and counts as mastered once the gap reaches three weeks\./);
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
  it('keeps a mock question\'s answer, time and side when its webview is rebuilt, with a countdown in the status bar until the end', async () => {
    const api = await extensionApi();
    const view = api.practice.view;
    assert.equal(await vscode.commands.executeCommand('interviewNotes.mockInterview', { topics: ['docker'], count: 2 }), 2);
    const first = await shownCard(api);
    const shownAt = view.current?.shownAt;
    await view.handleMessage({ type: 'draft', notes: 'PID 1 gets the signals' });
    const countdown = await waitFor('the countdown in the status bar', () => (view.mockCountdown.visible ? view.mockCountdown : undefined));
    assert.match(countdown.text, /\d:\d\d/);
    assert.ok(countdown.command, 'a click goes back to the interview');

    // Hidden and shown again, the page is built anew and says "ready" again.
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await view.handleMessage({ type: 'ready' });
    assert.equal(view.current?.questionId, first, 'the same question');
    assert.equal(view.current?.shownAt, shownAt, 'the time still runs from when the question was first shown');
    assert.equal(view.current?.notes, 'PID 1 gets the signals', 'the answer typed so far');
    const card = view.lastCard;
    assert.equal(card?.questionId, first);
    assert.equal(card?.notes, 'PID 1 gets the signals');
    assert.isAtLeast(card?.elapsedMs ?? -1, 0);
    await vscode.commands.executeCommand(countdown.command.command, ...(countdown.command.arguments ?? []));
    await waitFor('the interview on show again', () => view.isVisible);

    await view.handleMessage({ type: 'reveal', timedOut: false });
    await view.handleMessage({ type: 'ready' });
    assert.isTrue(view.lastCard?.revealed, 'the answer side stays up');
    await view.handleMessage({ type: 'grade', grade: 3, notes: 'PID 1 gets the signals' });
    await shownCard(api, first);
    await view.handleMessage({ type: 'reveal', timedOut: false });
    await view.handleMessage({ type: 'grade', grade: 2, notes: '' });
    await waitFor('the summary', () => view.summaryMarkdown);
    assert.isFalse(view.mockCountdown.visible, 'no countdown once the interview is over');
  });

  it('brings a mock interview back after a reload where it was: its answers, the question on screen, its time and the answer typed', async () => {
    const api = await extensionApi();
    const view = api.practice.view;
    assert.equal(await vscode.commands.executeCommand('interviewNotes.mockInterview', { topics: ['docker'], count: 2 }), 2);
    const first = await shownCard(api);
    await view.handleMessage({ type: 'reveal', timedOut: false });
    await view.handleMessage({ type: 'grade', grade: 3, notes: 'PID 1 gets the signals' });
    const second = await shownCard(api, first);
    const shownAt = view.current?.shownAt;
    const resume = view.lastCard?.resume;
    assert.deepInclude(resume, { kind: 'mock', questionIds: [second] });

    // What the page kept with setState, as VS Code hands it to the serializer after "Developer: Reload Window".
    await closeAllEditors();
    await waitFor('the panel closed', () => !view.isOpen);
    const restored = vscode.window.createWebviewPanel('interviewNotes.practice', 'Mock Interview', vscode.ViewColumn.Active);
    await view.restore(restored, { sessionId: 7, questionId: second, notes: 'exec form, so PID 1 is the app', resume: JSON.parse(JSON.stringify(resume)) });
    await waitFor('the card on the restored page', () => (view.lastCard?.questionId === second ? view.lastCard : undefined));
    assert.equal(view.current?.shownAt, shownAt, 'its time runs on from when it was first shown');
    assert.equal(view.lastCard?.notes, 'exec form, so PID 1 is the app');
    assert.equal(view.lastCard?.progress, 'Question 2 of 2');
    assert.isTrue(view.isOpen);
    await view.handleMessage({ type: 'reveal', timedOut: false });
    await view.handleMessage({ type: 'grade', grade: 2, notes: 'exec form, so PID 1 is the app' });
    const summary = await waitFor('the summary', () => view.summaryMarkdown);
    assert.include(summary, 'PID 1 gets the signals', 'the answer given before the reload');
    assert.include(summary, 'exec form, so PID 1 is the app');
  });

  it('brings a practice session back after a reload over the same questions, and closes a page with nothing to restore', async () => {
    const api = await extensionApi();
    const view = api.practice.view;
    await vscode.commands.executeCommand('interviewNotes.practice', { topics: ['docker'] });
    const first = await shownCard(api);
    const resume = view.lastCard?.resume;
    assert.equal(resume?.kind, 'practice');
    await closeAllEditors();
    await waitFor('the panel closed', () => !view.isOpen);
    const restored = vscode.window.createWebviewPanel('interviewNotes.practice', 'Practice Questions', vscode.ViewColumn.Active);
    await view.restore(restored, { resume: JSON.parse(JSON.stringify(resume)) });
    assert.equal(await shownCard(api), first, 'the same first question: the queue is worked out again from the same progress');
    assert.include(view.lastCard?.plan ?? '', 'This session:');

    await closeAllEditors();
    const empty = vscode.window.createWebviewPanel('interviewNotes.practice', 'Practice Questions', vscode.ViewColumn.Active);
    let disposed = false;
    empty.onDidDispose(() => (disposed = true));
    await view.restore(empty, { resume: { kind: 'practice', questionIds: ['../../etc#passwd'] } });
    assert.isTrue(disposed, 'a page whose state is not ours is closed, not left blank');
    assert.isFalse(view.isOpen);
  });

  it('shows the open practice card in the notes\' new language: the same question, the same side', async () => {
    const api = await extensionApi();
    const configuration = () => vscode.workspace.getConfiguration();
    await configuration().update('interviewNotes.language', 'en', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('interviewNotes.practice', { topics: ['redis'] });
      const questionId = await shownCard(api);
      const english = api.practice.view.current?.question ?? '';
      assert.notMatch(english, /[\u4e00-\u9fff]/);
      await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
      await configuration().update('interviewNotes.language', 'zh-cn', vscode.ConfigurationTarget.Global);
      const shown = await waitFor('the card in Chinese', () => (/[\u4e00-\u9fff]/.test(api.practice.view.lastCard?.question ?? '') ? api.practice.view.lastCard : undefined), 20_000);
      assert.equal(shown.questionId, questionId);
      assert.isTrue(shown.revealed, 'still on the answer side');
      assert.match(shown.answerHtml, /[\u4e00-\u9fff]/);
      assert.equal(api.practice.view.current?.questionId, questionId);
    } finally {
      await configuration().update('interviewNotes.language', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('says why a session has 20 new questions, ends with the grades and the next due time, and continues with the next ones', async () => {
    const api = await extensionApi();
    const view = api.practice.view;
    const total = (await questionIds('docker')).length;
    assert.isAbove(total, 20);
    assert.equal(await vscode.commands.executeCommand('interviewNotes.practice', { topics: ['docker'] }), 20);
    let previous: string | undefined;
    previous = await shownCard(api, previous);
    assert.equal(view.lastCard?.progress, '0 of 20 reviewed · 20 left');
    assert.include(view.lastCard?.plan ?? '', `${total - 20} more wait`);
    for (let card = 0; card < 20; card++) {
      if (card > 0) {
        previous = await shownCard(api, previous);
      }
      await view.handleMessage({ type: 'reveal', timedOut: false });
      await view.handleMessage({ type: 'grade', grade: card === 0 ? 3 : 4 });
    }
    // Good on a new question is a learning step: it comes back once more in the session.
    previous = await shownCard(api, previous);
    assert.equal(view.lastCard?.progress, '20 of 20 reviewed · 1 left (1 to repeat)');
    await view.handleMessage({ type: 'reveal', timedOut: false });
    await view.handleMessage({ type: 'grade', grade: 4 });
    const done = await waitFor('the end of the session', () => view.lastDone);
    assert.match(done.html, /<th[^>]*>Again<\/th>/);
    assert.match(done.html, /<td[^>]*>0<\/td>\s*<td[^>]*>0<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>20<\/td>/, 'Again 0, Hard 0, Good 1, Easy 20');
    assert.match(done.html, /Next question due in \d+ (min|h|d)/);
    const next = Math.min(20, total - 20);
    assert.equal(done.continueLabel, `Continue with the next ${next}`);
    await view.handleMessage({ type: 'continue' });
    await shownCard(api, previous);
    assert.equal(view.lastCard?.progress, `0 of ${next} reviewed · ${next} left`);
  });
});
