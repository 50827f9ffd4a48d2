import { assert } from 'chai';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, waitFor, workspaceFile } from './helpers';
import { stubWindow } from './windowStubs';

const notesFolder = '.interview-notes';

async function remove(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

describe('saving a mock interview summary', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await closeAllEditors();
    await remove(workspaceFile(notesFolder));
    const api = await extensionApi();
    await api.practice.transfer.resetTopic('docker');
  });

  it('proposes the workspace notes folder, saves there without a broken note in the tree, and its Open button opens the file', async () => {
    const api = await extensionApi();
    await vscode.workspace.fs.createDirectory(workspaceFile(notesFolder));
    assert.equal(await vscode.commands.executeCommand('interviewNotes.mockInterview', { topics: ['docker'], count: 1 }), 1);
    await waitFor('a question on screen', () => api.practice.view.current, 20_000);
    await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
    await api.practice.view.handleMessage({ type: 'grade', grade: 3, notes: '' });
    await waitFor('the summary', () => api.practice.view.summaryMarkdown);

    const window = stubWindow({
      saveDialog: (options) => options.defaultUri,
      notification: (message, items) => (message.startsWith('Saved the summary') ? items.find((item) => item === 'Open') : undefined),
    });
    try {
      await api.practice.view.handleMessage({ type: 'saveSummary' });
      const proposed = window.saveDialogs[0]?.defaultUri;
      assert.ok(proposed, 'a file is proposed');
      assert.equal(proposed.path.slice(0, proposed.path.lastIndexOf('/')), workspaceFile(notesFolder).path, 'in the workspace notes folder');
      assert.match(proposed.path, /\/mock-interview-[\d-]+\.summary\.md$/);
      await waitFor('the summary open after Open', () => vscode.window.activeTextEditor?.document.uri.path === proposed.path);
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^# Mock interview/);
    } finally {
      window.dispose();
    }
    // The notes folder is read as notes: the summary must not show up there as a broken one.
    await vscode.commands.executeCommand('interviewNotes.refresh');
    const problems = (await api.library.groups()).flatMap((group) => group.problems);
    assert.deepEqual(problems.map((problem) => problem.uri.path), []);
  });

  it('proposes the first workspace folder when the workspace has no notes folder', async () => {
    const api = await extensionApi();
    assert.equal(await vscode.commands.executeCommand('interviewNotes.mockInterview', { topics: ['docker'], count: 1 }), 1);
    await waitFor('a question on screen', () => api.practice.view.current, 20_000);
    await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
    await api.practice.view.handleMessage({ type: 'grade', grade: 3, notes: '' });
    await waitFor('the summary', () => api.practice.view.summaryMarkdown);
    const window = stubWindow({ saveDialog: () => undefined });
    try {
      await api.practice.view.handleMessage({ type: 'saveSummary' });
      const proposed = window.saveDialogs[0]?.defaultUri;
      assert.ok(proposed);
      assert.equal(proposed.path.slice(0, proposed.path.lastIndexOf('/')), vscode.workspace.workspaceFolders![0].uri.path);
    } finally {
      window.dispose();
    }
  });
});
