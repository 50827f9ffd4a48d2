import { assert } from 'chai';
import * as vscode from 'vscode';
import { questionsOf } from '../../src/core/notes/note';
import type { CardRecord } from '../../src/core/practice/progress';
import { dashboardViewType } from '../../src/host/commandIds';
import type { Dashboard } from '../../src/host/dashboard';
import { closeAllEditors, extensionApi, waitFor } from './helpers';
import { review } from '../support/reviews';

const day = 24 * 60 * 60_000;

async function firstQuestion(noteId: string): Promise<string> {
  const { library } = await extensionApi();
  const loaded = await library.note(noteId);
  assert.ok(loaded, `note ${noteId}`);
  return `${noteId}#${questionsOf(loaded.note)[0].id}`;
}

function record(overrides: Partial<CardRecord>): CardRecord {
  const now = Date.now();
  return {
    due: new Date(now + 3 * day).toISOString(),
    stability: 3,
    difficulty: 5,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 12,
    lapses: 0,
    state: 'review',
    lastReview: new Date(now - 60_000).toISOString(),
    lastGrade: 3,
    ...overrides,
  };
}


function dashboardTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(dashboardViewType));
}

async function openDashboard(): Promise<Dashboard> {
  const dashboard = await vscode.commands.executeCommand<Dashboard>('interviewNotes.openDashboard');
  assert.ok(dashboard, 'the command returns the dashboard');
  await dashboard.ready;
  return dashboard;
}

describe('practice dashboard', () => {
  const segments: vscode.Uri[] = [];

  afterEach(async () => {
    const api = await extensionApi();
    for (const noteId of ['redis', 'docker']) {
      await api.practice.transfer.resetTopic(noteId);
    }
    for (const segment of segments.splice(0)) {
      await vscode.workspace.fs.delete(segment).then(undefined, () => undefined);
    }
    await closeAllEditors();
  });

  it('Practice Dashboard opens a webview panel under the reader\'s policy, and the webview receives its model', async () => {
    const dashboard = await openDashboard();
    assert.isTrue(dashboard.isOpen);
    await waitFor('the dashboard tab', () => dashboardTab());
    const policy = /Content-Security-Policy" content="([^"]*)"/.exec(dashboard.html)?.[1] ?? '';
    assert.include(policy, "default-src 'none'");
    assert.match(policy, /script-src 'nonce-[0-9a-f]{32}'/);
    assert.notInclude(policy, 'unsafe-');
    const model = await waitFor('the model sent to the webview', () => dashboard.model);
    assert.isAbove(model.topics.length, 5, 'every bundled topic has a readiness row');
    assert.ok(model.topics.find((topic) => topic.id === 'redis'));
    // The page says when it has drawn that model (the bench times opening up to here).
    await dashboard.rendered();
    assert.isTrue(dashboard.isOpen);
  });

  it('sends the numbers of the progress and the review log, filtered by a clicked topic, and a leech opens the reader', async () => {
    const api = await extensionApi();
    const dashboard = await openDashboard();
    const before = await waitFor('a first model', () => dashboard.model);
    const redis = await firstQuestion('redis');
    const docker = await firstQuestion('docker');
    const now = Date.now();
    // A leech due in three days (learning), and a mastered question (40-day interval).
    await api.progress.setRecord(redis, record({ lapses: 9 }));
    await api.progress.setRecord(docker, record({ due: new Date(now + 40 * day).toISOString(), stability: 40, scheduledDays: 40 }));
    const segment = await dashboard.reviewLog.append([review(redis, now - 2 * 60_000, 1), review(redis, now - 60_000, 3), review(docker, now - 60_000, 4)]);
    assert.ok(segment);
    segments.push(segment);

    const model = await waitFor('the model after the new reviews', () => (dashboard.model && dashboard.model.totalReviews === before.totalReviews + 3 ? dashboard.model : undefined));
    const redisRow = model.topics.find((topic) => topic.id === 'redis');
    const dockerRow = model.topics.find((topic) => topic.id === 'docker');
    assert.ok(redisRow && dockerRow);
    assert.equal(redisRow.learning, 1);
    assert.equal(redisRow.new, redisRow.questions - 1);
    assert.equal(dockerRow.mastered, 1);
    assert.isAbove(redisRow.recall, 0);
    assert.equal(model.empty, false);
    assert.equal(model.forecast.days.reduce((sum, entry) => sum + entry.count, 0), before.forecast.days.reduce((sum, entry) => sum + entry.count, 0) + 1, 'the redis question comes due within 30 days; the docker one does not');
    assert.isAtLeast(model.streaks.current, 1);
    assert.deepEqual(
      model.leeches.map((leech) => leech.questionId),
      [redis],
    );

    await dashboard.handleMessage({ type: 'select', topic: 'docker' });
    const filtered = await waitFor('the docker figures', () => (dashboard.model?.selection.topic === 'docker' ? dashboard.model : undefined));
    assert.deepEqual(filtered.leeches, []);
    assert.equal(filtered.topics.length, model.topics.length, 'readiness keeps every topic');
    assert.equal(filtered.selectedTopicTitle, dockerRow.title);

    await dashboard.handleMessage({ type: 'openQuestion', questionId: redis });
    await waitFor('the reader at the leech', () => api.reader.location?.noteId === 'redis' && api.reader.location.sectionId === redis.slice(redis.indexOf('#') + 1));
  });

  it('registers a serializer for its view type, and a panel restored from its state shows the same topic', async () => {
    assert.throws(() => vscode.window.registerWebviewPanelSerializer(dashboardViewType, { deserializeWebviewPanel: async () => undefined }), /already/i);
    const opened = await openDashboard();
    // What VS Code does after a reload: a new panel of the view type, handed to the serializer with the state the webview kept.
    const panel = vscode.window.createWebviewPanel(dashboardViewType, 'restored', vscode.ViewColumn.Active, {});
    await opened.restore(panel, { topic: 'redis' });
    await opened.ready;
    const model = await waitFor('the restored model', () => (opened.model?.selection.topic === 'redis' ? opened.model : undefined));
    assert.equal(model.selection.day, undefined);
    assert.include(opened.html, 'dist/webview/dashboard.js');
  });
});
