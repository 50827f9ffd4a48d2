import { assert } from 'chai';
import * as vscode from 'vscode';
import { extensionApi } from './helpers';

describe('extension', () => {
  it('activates, measures its activation, and registers its commands', async () => {
    const api = await extensionApi();
    assert.isAbove(api.activationMs, 0);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['interviewNotes.openNote', 'interviewNotes.search', 'interviewNotes.insertSnippet', 'interviewNotes.refresh']) {
      assert.include(commands, command);
    }
  });
});
