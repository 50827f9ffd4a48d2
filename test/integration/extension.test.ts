import { assert } from 'chai';
import * as vscode from 'vscode';
import { extensionApi, extensionId, waitFor } from './helpers';

describe('extension', () => {
  it('activates, measures its activation, and registers every contributed command', async () => {
    const api = await extensionApi();
    assert.isAbove(api.activationMs, 0);
    const contributed = (vscode.extensions.getExtension(extensionId)?.packageJSON.contributes.commands as { command: string }[]).map(({ command }) => command);
    assert.include(contributed, 'interviewNotes.openNote');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), [], 'contributed but not registered');
  });

  it('registers the tree view, serializer, completions and listeners just after activation, and times that', async () => {
    const api = await extensionApi();
    assert.isAbove(await waitFor('the registrations made after activation', () => api.deferredMs), 0);
  });
});
