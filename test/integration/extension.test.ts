import { assert } from 'chai';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/host/features';

const extensionId = 'interview-notes.interview-notes';

async function api(): Promise<InterviewNotesApi> {
  const extension = vscode.extensions.getExtension<InterviewNotesApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded`);
  return extension.activate();
}

describe('extension', () => {
  it('activates and registers its commands', async () => {
    const exports = await api();
    assert.ok(exports.activationMs > 0, 'activation time is measured');
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['interviewNotes.openNote', 'interviewNotes.search', 'interviewNotes.insertSnippet', 'interviewNotes.refresh']) {
      assert.ok(commands.includes(command), `${command} is registered`);
    }
  });
});
